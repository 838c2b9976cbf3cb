import { expect } from 'vitest';
import type { Actor, SessionMeta, SessionSettings, SessionState, WorkspaceState } from '../../../shared/domain';
import type { ErrorCode, RuleReason } from '../../../shared/protocol';
import {
  applyCommand,
  type CommandInput,
  type CommandOutcome,
  type Registry,
  SESSION_COMMANDS,
  WORKSPACE_COMMANDS,
} from '../../../shared/reducer';
import { createSessionState, DEFAULT_SETTINGS } from '../../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';

/** A fixed clock, so every test is replayable. */
export const NOW = 1_750_000_000_000;

export const META: SessionMeta = {
  id: 's1',
  programmeId: 'prog1',
  title: 'Eiland van reflectie programmateam',
  group: 'Programmateam',
  date: '2025-03-12',
  facilitator: 'Anna',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  archived: false,
};

export const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
export const PROJECTOR: Actor = { role: 'projector', participantId: null };
/** A participant who has joined (see joinedState). */
export const PARTICIPANT: Actor = { role: 'participant', participantId: 'p1' };
/** A second participant who has joined (see joinedState). */
export const OTHER: Actor = { role: 'participant', participantId: 'p2' };
/** A participant who never sent participant.join. */
export const STRANGER: Actor = { role: 'participant', participantId: 'p9' };

/**
 * What the host lends commands to read: the workspace (for the review, which reads the programme's
 * actions) and a session by id (for action.create, which copies an ingredient). The workspace holds
 * prog1 with an earlier session s0 whose action act1 is open, and s1; every session reads as seededState.
 */
export const ctx = (actor: Actor = FACILITATOR, now: number = NOW) => ({
  actor,
  now,
  // A getter: building the workspace runs commands through ctx itself.
  get workspace() {
    return building ? undefined : reviewWorkspace();
  },
  session: (id: string) => (id === 's0' || id === 's1' ? seededState() : undefined),
});

let cachedReviewWorkspace: WorkspaceState | undefined;
let building = false;
/** prog1 with s0 (2025-01-10, action act1 open, made from its ingredient i1), s1 (2025-03-12) and theme th0. */
export function reviewWorkspace(): WorkspaceState {
  if (cachedReviewWorkspace) return cachedReviewWorkspace;
  building = true;
  try {
    const base = seededWorkspace();
    let ws = stepWorkspace(base, { type: 'session.create', id: 's0', templateId: 'lemniscaat-ik-wij-het', programmeId: 'prog1', title: 'Eerder', group: 'Programmateam', date: '2025-01-10' });
    ws = stepWorkspace(ws, { type: 'action.create', id: 'act1', programmeId: 'prog1', sessionId: 's0', ingredientId: 'i1', owner: 'Coördinator', due: '2025-02-01' });
    ws = stepWorkspace(ws, { type: 'theme.create', id: 'th0', programmeId: 'prog1', title: 'Visie' });
    cachedReviewWorkspace = deepFreeze(ws);
    return ws;
  } finally {
    building = false;
  }
}

/** Freezes a value and everything reachable from it, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A fresh, unfrozen session on the IK · WIJ · HET lemniscate. */
export function emptyState(settings: Partial<SessionSettings> = {}): SessionState {
  return createSessionState({ ...META }, LEMNISCATE_IK_WIJ_HET, {
    ...DEFAULT_SETTINGS,
    ...settings,
  });
}

export function run<S extends object>(
  state: S,
  command: CommandInput,
  actor: Actor = FACILITATOR,
  now: number = NOW,
  registry: Registry<S> = SESSION_COMMANDS as unknown as Registry<S>,
): CommandOutcome<S> {
  return applyCommand(registry, state, command, ctx(actor, now));
}

/** Applies a command that must succeed and returns the accepted outcome. */
export function accept<S extends object>(
  state: S,
  command: CommandInput,
  actor: Actor = FACILITATOR,
  now: number = NOW,
  registry: Registry<S> = SESSION_COMMANDS as unknown as Registry<S>,
): Extract<CommandOutcome<S>, { ok: true }> {
  const outcome = run(state, command, actor, now, registry);
  if (!outcome.ok) {
    throw new Error(`${command.type} was refused: ${outcome.code}/${outcome.reason ?? '-'} ${outcome.message}`);
  }
  return outcome;
}

/** Applies a command that must succeed and returns only the new state. */
export function step<S extends object>(state: S, command: CommandInput, actor: Actor = FACILITATOR, now: number = NOW): S {
  return accept(state, command, actor, now).state;
}

export function stepWorkspace(state: WorkspaceState, command: CommandInput, actor: Actor = FACILITATOR, now = NOW): WorkspaceState {
  return accept(state, command, actor, now, WORKSPACE_COMMANDS).state;
}

/**
 * Applies a command that must be refused with the given code (and reason), on a deep-frozen copy
 * of the state, and checks that the refused command left that state exactly as it was.
 */
export function expectRefused<S extends object>(
  state: S,
  command: CommandInput,
  actor: Actor,
  code: ErrorCode,
  reason?: RuleReason,
  registry: Registry<S> = SESSION_COMMANDS as unknown as Registry<S>,
): Extract<CommandOutcome<S>, { ok: false }> {
  const before = structuredClone(state);
  const frozen = deepFreeze(structuredClone(state));
  const outcome = applyCommand(registry, frozen, command, ctx(actor));
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.code).toBe(code);
  if (reason === undefined) expect(outcome).not.toHaveProperty('reason');
  else expect(outcome.reason).toBe(reason);
  expect(typeof outcome.message).toBe('string');
  expect(outcome.message.length).toBeGreaterThan(0);
  expect(outcome).not.toHaveProperty('state');
  expect(outcome).not.toHaveProperty('changes');
  expect(frozen).toEqual(before);
  return outcome;
}

export function expectWorkspaceRefused(state: WorkspaceState, command: CommandInput, actor: Actor, code: ErrorCode, reason?: RuleReason) {
  return expectRefused(state, command, actor, code, reason, WORKSPACE_COMMANDS);
}

/** Applies a command that must succeed on a deep-frozen state, proving the input is never mutated. */
export function acceptFrozen<S extends object>(
  state: S,
  command: CommandInput,
  actor: Actor = FACILITATOR,
  now: number = NOW,
  registry: Registry<S> = SESSION_COMMANDS as unknown as Registry<S>,
): Extract<CommandOutcome<S>, { ok: true }> {
  const before = structuredClone(state);
  const frozen = deepFreeze(structuredClone(state));
  const outcome = accept(frozen, command, actor, now, registry);
  expect(frozen).toEqual(before);
  return outcome;
}

/** An empty session with participants p1 (Bram) and p2 (Chris) joined. */
export function joinedState(settings: Partial<SessionSettings> = {}): SessionState {
  let state = emptyState(settings);
  state = step(state, { type: 'participant.join', id: 'p1', name: 'Bram' }, PARTICIPANT, NOW - 500);
  state = step(state, { type: 'participant.join', id: 'p2', name: 'Chris' }, OTHER, NOW - 400);
  return state;
}

/**
 * A session with content: notes n1 (facilitator, wij), n2 (p1, wij), n3 (p2, het), n4 (p1, ik);
 * attention points a1, a2 (wij) and a3 (whole session); ingredient i1 on a1; other point o1.
 */
export function seededState(settings: Partial<SessionSettings> = {}): SessionState {
  let state = joinedState(settings);
  state = step(state, {
    type: 'note.add',
    id: 'n1',
    zoneId: 'wij',
    text: 'Gedeelde visie',
    x: 400,
    y: 450,
  });
  state = step(
    state,
    {
      type: 'note.add',
      id: 'n2',
      zoneId: 'wij',
      text: 'Korte lijnen',
      x: 450,
      y: 520,
    },
    PARTICIPANT,
  );
  state = step(
    state,
    {
      type: 'note.add',
      id: 'n3',
      zoneId: 'het',
      text: 'Monitoring ontbreekt',
      x: 1200,
      y: 500,
    },
    OTHER,
  );
  state = step(
    state,
    {
      type: 'note.add',
      id: 'n4',
      zoneId: 'ik',
      text: 'Urgentie voelen',
      x: 800,
      y: 500,
    },
    PARTICIPANT,
  );
  state = step(state, {
    type: 'attention.add',
    id: 'a1',
    zoneId: 'wij',
    title: 'Samen handen en voeten geven aan een visie',
  });
  state = step(state, {
    type: 'attention.add',
    id: 'a2',
    zoneId: 'wij',
    title: 'Elkaar kennen',
  });
  state = step(state, {
    type: 'attention.add',
    id: 'a3',
    zoneId: null,
    title: 'Monitoring, effectiviteit en ervaringen',
  });
  state = step(state, {
    type: 'ingredient.add',
    id: 'i1',
    attentionPointId: 'a1',
    text: 'Visie op één A4',
  });
  state = step(state, {
    type: 'other.add',
    id: 'o1',
    zoneId: 'het',
    text: 'Meer tijd voor reflectie',
  });
  return state;
}

/** seededState with voting open. */
export function votingState(settings: Partial<SessionSettings> = {}): SessionState {
  return step(seededState(settings), { type: 'voting.open', open: true });
}

export const WORKSPACE: WorkspaceState = { programmes: {}, sessions: {}, actions: {}, themes: {} };

/** A workspace with programme prog1 and session s1 in it. */
export function seededWorkspace(): WorkspaceState {
  let ws: WorkspaceState = { programmes: {}, sessions: {}, actions: {}, themes: {} };
  ws = stepWorkspace(ws, { type: 'programme.create', id: 'prog1', name: 'Alliantie tegen armoede' }, FACILITATOR, NOW - 2000);
  ws = stepWorkspace(
    ws,
    {
      type: 'session.create',
      id: 's1',
      templateId: 'lemniscaat-ik-wij-het',
      programmeId: 'prog1',
      title: 'Programmateam',
      group: 'Programmateam',
      date: '2025-03-12',
      facilitator: 'Anna',
    },
    FACILITATOR,
    NOW - 1000,
  );
  return ws;
}

/** A string of the given length. */
export const text = (length: number, char = 'x') => char.repeat(length);

/** The smallest PNG there is (1 × 1 pixel), as a data URL: a valid picture for template.background. */
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/**
 * One schema-valid payload per command, valid against seededState / seededWorkspace.
 * The reducer checks the schema before the role, so these reach the role check.
 */
export const SAMPLE_SESSION_COMMANDS: Record<string, CommandInput> = {
  'note.add': { type: 'note.add', id: 'n9', zoneId: 'wij', text: 'Nieuw' },
  'note.edit': { type: 'note.edit', id: 'n1', text: 'Anders' },
  'note.move': { type: 'note.move', moves: [{ id: 'n1', x: 10, y: 10 }] },
  'note.recolor': { type: 'note.recolor', ids: ['n1'], color: '#E69F00' },
  'notes.tidy': { type: 'notes.tidy', zoneId: 'wij' },
  'note.delete': { type: 'note.delete', ids: ['n1'] },
  'note.approve': { type: 'note.approve', ids: ['n5'] },
  'cluster.create': {
    type: 'cluster.create',
    id: 'c9',
    title: 'Thema',
    noteIds: ['n1'],
  },
  'cluster.rename': { type: 'cluster.rename', id: 'c1', title: 'Thema' },
  'cluster.move': { type: 'cluster.move', id: 'c1', x: 1, y: 1 },
  'cluster.ungroup': { type: 'cluster.ungroup', id: 'c1' },
  'attention.add': {
    type: 'attention.add',
    id: 'a9',
    zoneId: null,
    title: 'Punt',
  },
  'attention.edit': { type: 'attention.edit', id: 'a1', chosen: true },
  'attention.link': { type: 'attention.link', id: 'a1', themeKey: 'visie' },
  'attention.delete': { type: 'attention.delete', id: 'a1' },
  'ingredient.add': {
    type: 'ingredient.add',
    id: 'i9',
    attentionPointId: 'a1',
    text: 'Actie',
  },
  'ingredient.edit': { type: 'ingredient.edit', id: 'i1', text: 'Actie' },
  'ingredient.delete': { type: 'ingredient.delete', id: 'i1' },
  'other.add': {
    type: 'other.add',
    id: 'o9',
    zoneId: null,
    text: 'Ook gezegd',
  },
  'other.delete': { type: 'other.delete', id: 'o1' },
  'observation.set': {
    type: 'observation.set',
    zoneId: 'wij',
    text: 'Goede sfeer',
  },
  'vote.cast': { type: 'vote.cast', id: 'v9', attentionPointId: 'a1' },
  'vote.retract': { type: 'vote.retract', id: 'v1' },
  'voting.open': { type: 'voting.open', open: true },
  'voting.reveal': { type: 'voting.reveal', revealed: true },
  'votes.clear': { type: 'votes.clear' },
  'phase.set': { type: 'phase.set', phaseId: 'checkin' },
  'phases.configure': {
    type: 'phases.configure',
    phases: [{ id: 'checkin', kind: 'checkin', zoneId: null }],
  },
  'notes.reveal': { type: 'notes.reveal', zoneId: null, revealed: true },
  'focus.set': { type: 'focus.set', zoneId: 'wij' },
  'timer.control': { type: 'timer.control', action: 'start' },
  'settings.update': { type: 'settings.update', dotsPerParticipant: 5 },
  'meta.update': { type: 'meta.update', title: 'Nieuwe titel' },
  'zone.update': { type: 'zone.update', id: 'wij', name: 'WIJ' },
  'zone.area': { type: 'zone.area', id: 'wij', x: 400, y: 480, rx: 280, ry: 250 },
  'template.background': { type: 'template.background', background: TINY_PNG },
  'participant.join': { type: 'participant.join', id: 'p1', name: 'Bram' },
  'participant.merge': { type: 'participant.merge', duplicateId: 'p2', intoId: 'p1' },
  'review.begin': { type: 'review.begin' },
  'review.show': { type: 'review.show', actionId: 'act1' },
  'review.set': { type: 'review.set', actionId: 'act1', status: 'done', note: 'Gelukt' },
  'review.react': { type: 'review.react', id: 'r9', actionId: 'act1', thumb: 'up', text: '' },
  'theme.link': { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th0' },
  'theme.unlink': { type: 'theme.unlink', target: 'point', id: 'a1' },
  'zones.arrange': { type: 'zones.arrange', mode: 'both', themeIds: [] },
};

export const SAMPLE_WORKSPACE_COMMANDS: Record<string, CommandInput> = {
  'programme.create': {
    type: 'programme.create',
    id: 'prog9',
    name: 'Programma',
  },
  'programme.rename': {
    type: 'programme.rename',
    id: 'prog1',
    name: 'Programma',
  },
  'programme.archive': { type: 'programme.archive', id: 'prog1', archived: true },
  'programme.delete': { type: 'programme.delete', id: 'prog1', confirmName: 'Alliantie tegen armoede' },
  'session.create': {
    type: 'session.create',
    id: 's9',
    templateId: 'creatielemniscaat',
    programmeId: null,
    title: 'Managers',
    group: 'Managers/leidinggevenden',
    date: '2025-04-01',
  },
  'session.duplicate': {
    type: 'session.duplicate',
    id: 's9',
    sourceId: 's1',
    title: 'Kopie',
    date: '2025-05-01',
  },
  'session.rename': { type: 'session.rename', id: 's1', title: 'Nieuw' },
  'programme.template.save': {
    type: 'programme.template.save',
    programmeId: 'prog1',
    template: { ...LEMNISCATE_IK_WIJ_HET, id: 'eigen-model', name: 'Ons eigen model' },
  },
  'session.programme': { type: 'session.programme', id: 's1', programmeId: 'prog1' },
  'session.archive': { type: 'session.archive', id: 's1', archived: true },
  'session.delete': {
    type: 'session.delete',
    id: 's1',
    confirmTitle: 'Programmateam',
  },
  'action.create': { type: 'action.create', id: 'act9', programmeId: 'prog1', sessionId: 's1', ingredientId: 'i1', owner: 'Anna' },
  'action.update': { type: 'action.update', id: 'act1', status: 'ongoing' },
  'action.delete': { type: 'action.delete', id: 'act1' },
  'theme.create': { type: 'theme.create', id: 'th9', programmeId: 'prog1', title: 'Visie' },
  'theme.rename': { type: 'theme.rename', id: 'th0', title: 'Visie' },
  'theme.summary.set': { type: 'theme.summary.set', id: 'th0', text: 'Wat de groepen zeiden' },
  'theme.delete': { type: 'theme.delete', id: 'th0' },
  'programme.introduction.set': { type: 'programme.introduction.set', programmeId: 'prog1', text: 'Inleiding' },
};

/** The value, or a thrown error when it is missing (a non-null assertion that fails loudly). */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what} to be defined`);
  return value;
}

export const sessionSample = (type: string): CommandInput => defined(SAMPLE_SESSION_COMMANDS[type], `sample for ${type}`);
export const workspaceSample = (type: string): CommandInput => defined(SAMPLE_WORKSPACE_COMMANDS[type], `sample for ${type}`);
