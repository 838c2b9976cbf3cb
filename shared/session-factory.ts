import { emptySessionCollections } from './records/index';
import { type CarryChoice, carriedPoints, nextSessionZones } from './carry-themes';
import { zonePhases } from './zones';
import type { Flow, Id, ModelTemplate, Phase, SessionMeta, SessionSettings, SessionState, Theme } from './domain';

export const DEFAULT_SETTINGS: SessionSettings = {
  dotsPerParticipant: 3,
  maxDotsPerItem: null,
  anonymous: true,
  hideNotesUntilReveal: false,
  moderation: false,
};

/** The session flow of product.md: check-in, per side observation → notes → clusters → points, then the rest. */
export function defaultPhases(template: ModelTemplate): Phase[] {
  const phases: Phase[] = [{ id: 'checkin', kind: 'checkin', zoneId: null }];
  for (const zone of template.zones) phases.push(...zonePhases(zone.id));
  for (const kind of ['voting', 'ingredients', 'other', 'closing'] as const) phases.push({ id: kind, kind, zoneId: null });
  return phases;
}

export function initialFlow(template: ModelTemplate): Flow {
  return {
    phases: defaultPhases(template),
    currentPhaseId: null,
    revealedZoneIds: [],
    votingOpen: false,
    votesRevealed: false,
    focusZoneId: null,
    reviewActionId: null,
  };
}

export function createSessionState(meta: SessionMeta, template: ModelTemplate, settings: SessionSettings = DEFAULT_SETTINGS): SessionState {
  return {
    meta,
    settings,
    template,
    flow: initialFlow(template),
    timer: { durationMs: 0, startedAt: null, remainingMs: 0 },
    ...emptyCollections(),
  };
}

/** Every id-keyed collection of a session, empty: a new session, or one being read back in. */
export const emptyCollections = emptySessionCollections;

/**
 * The next session of a programme starts from the last: same model, settings and phases, and the
 * chosen attention points carried over as themes, but no notes, votes or participants.
 */
export function prepareNextSession(source: SessionState, meta: SessionMeta, carry: NextSessionThemes | null = null): SessionState {
  const { template, phases } = carry ? nextSessionZones(source, carry.themes, carry.choices) : { template: source.template, phases: source.flow.phases };
  const next = createSessionState(meta, template, source.settings);
  next.flow = { ...initialFlow(template), phases };
  for (const point of carriedPoints(source, carry?.themes ?? [], carry?.choices ?? null)) next.attentionPoints[point.id] = point;
  return next;
}

/** The programme's themes and the facilitator's choice per theme of the previous session (carry-themes.ts). */
export interface NextSessionThemes {
  themes: readonly Theme[];
  choices: ReadonlyMap<Id, CarryChoice>;
}

