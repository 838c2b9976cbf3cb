import type { Change } from './changes';
import type { Id, ModelTemplate, Phase, PhaseKind, SessionState, Zone } from './domain';

/**
 * Sides and zones of the whole session. A session works per side (the figure's zones), per theme
 * (a zone of the whole session for each programme theme it works on, or one "Hele sessie" zone),
 * or both (zones.arrange). A zone of the whole session is an ordinary zone for everything that
 * places, reveals, clusters or reports notes; only the figure is drawn through the sides alone, and
 * what lies in a theme's zone counts as linked to that theme.
 */

export type WorkMode = 'sides' | 'themes' | 'both';
export const WORK_MODES: readonly WorkMode[] = ['sides', 'themes', 'both'];

export const isWholeZone = (zone: Pick<Zone, 'whole'>): boolean => zone.whole === true;

/** The figure's sides: what the ∞ is drawn through. */
export const sideZones = (zones: readonly Zone[]): Zone[] => zones.filter((zone) => !isWholeZone(zone));

export const wholeZones = (zones: readonly Zone[]): Zone[] => zones.filter(isWholeZone);

export function workMode(template: Pick<ModelTemplate, 'zones'>): WorkMode {
  const sides = template.zones.some((zone) => !isWholeZone(zone));
  const whole = template.zones.some(isWholeZone);
  return sides && whole ? 'both' : whole ? 'themes' : 'sides';
}

/** The theme a zone stands for, if it is a theme's zone of the whole session. */
export function zoneThemeId(template: Pick<ModelTemplate, 'zones'>, zoneId: Id | null): Id | undefined {
  if (zoneId === null) return undefined;
  return template.zones.find((zone) => zone.id === zoneId)?.themeId;
}

/**
 * The theme something of the session is linked to: by hand (its own `themeId`), else through the
 * theme zone it lies in. A link by hand wins, so a note in one theme's zone can still be linked to another.
 */
export function linkedThemeId(state: Pick<SessionState, 'template'>, item: { themeId?: Id | undefined; zoneId: Id | null }): Id | undefined {
  return item.themeId ?? zoneThemeId(state.template, item.zoneId);
}

/** The id of the zone a theme gets in a session: the same for the same theme, within the id limit. */
export const themeZoneId = (themeId: Id): Id => `thema-${themeId}`.slice(0, 64);

/** The zone of a session that works on the whole without themes. */
export const WHOLE_SESSION_ZONE_ID = 'hele-sessie';

const PER_ZONE: readonly PhaseKind[] = ['observation', 'notes', 'clustering', 'attention'];

/** A side's (or a whole-session zone's) own phases: observation → notes → clusters → points. */
export const zonePhases = (zoneId: Id): Phase[] => PER_ZONE.map((kind) => ({ id: `${kind}-${zoneId}`, kind, zoneId }));

/**
 * What a step of undo or redo would leave in a zone the template no longer has: the id of the first
 * zone that would still hold a note, cluster, point or "Wat gaat goed?" text, or null. Undoing zones.arrange after a
 * phone wrote into a zone it made would otherwise leave that note in no zone at all, out of sight.
 */
export function strandedInZone(state: SessionState, changes: readonly Change[]): string | null {
  const templateChange = changes.findLast((change) => change.key === 'template');
  if (!templateChange) return null;
  const zoneIds = new Set((templateChange.after as ModelTemplate).zones.map((zone) => zone.id));
  const after = new Map(changes.map((change) => [`${change.key}/${change.id}`, change.after]));
  const afterStep = <T>(key: string, id: string, now: T): T | null => {
    const slot = `${key}/${id}`;
    return after.has(slot) ? (after.get(slot) as T | null) : now;
  };
  for (const key of ['notes', 'clusters', 'attentionPoints'] as const) {
    for (const [id, item] of Object.entries(state[key] as Record<Id, { zoneId: Id | null }>)) {
      const zoneId = afterStep(key, id, item)?.zoneId ?? null;
      if (zoneId !== null && !zoneIds.has(zoneId)) return zoneId;
    }
  }
  for (const [zoneId, observation] of Object.entries(state.observations)) {
    if (!zoneIds.has(zoneId) && (afterStep('observations', zoneId, observation)?.text.trim() ?? '') !== '') return zoneId;
  }
  return null;
}
