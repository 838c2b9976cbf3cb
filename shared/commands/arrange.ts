import { z } from 'zod';
import type { Transaction } from '../changes';
import { LIMITS } from '../domain';
import type { Id, ModelTemplate, Phase, SessionState, Theme, WorkspaceState, Zone, ZoneArea } from '../domain';
import { wholeZoneAreas } from '../geometry/whole-zones';
import { ZONE_COLORS } from '../templates';
import { sideZones, themeZoneId, WHOLE_SESSION_ZONE_ID, WORK_MODES, wholeZones, type WorkMode, zonePhases } from '../zones';
import { defineSessionCommand, FACILITATOR, notFound, refuse } from './registry';
import { entityId } from './schemas';

/**
 * "Werken per kant, per thema of allebei": which zones a session has. The figure's sides stay or
 * are set aside (kept in the template, to come back as they were); a zone of the whole session is
 * made for each chosen programme theme, or one "Hele sessie" zone when the session works on the
 * whole without themes. Zones that stay keep their id, name and question; a zone that moves takes
 * its notes and clusters along. A zone that holds anything is never dropped: the facilitator first
 * moves what it holds, so nothing typed is lost.
 */

const MAX_ZONES = 12;
export const WHOLE_QUESTION = 'Wat speelt er rond dit thema?';
export const WHOLE_SESSION_NAME = 'Hele sessie';
export const WHOLE_SESSION_QUESTION = 'Wat speelt er in het geheel?';

const arrangeSchema = z
  .object({
    mode: z.enum(WORK_MODES as [WorkMode, ...WorkMode[]], { error: `a mode is one of ${WORK_MODES.join(', ')}` }),
    themeIds: z.array(entityId).max(MAX_ZONES),
  })
  .strict()
  .refine(({ themeIds }) => new Set(themeIds).size === themeIds.length, 'a theme is chosen at most once');

function requireThemes(state: SessionState, workspace: WorkspaceState | undefined, themeIds: readonly Id[]): Theme[] {
  if (themeIds.length === 0) return [];
  const programmeId = state.meta.programmeId ?? refuse('theme_no_programme', 'This session belongs to no programme, so it has no themes');
  return themeIds.map((themeId) => {
    const theme = workspace?.themes[themeId] ?? keptZoneTheme(state, programmeId, themeId) ?? notFound('Theme', themeId);
    if (theme.programmeId !== programmeId) refuse('theme_wrong_programme', `Theme ${themeId} belongs to another programme`);
    return theme;
  });
}

/**
 * A theme deleted while this session still has its zone: the zone may stay as it is (its notes
 * then count for no theme, and undoing the deletion links them again), so asking to keep it is no
 * error. Only a zone that exists can be kept; a theme that is gone cannot get a new one.
 */
function keptZoneTheme(state: SessionState, programmeId: Id, themeId: Id): Theme | undefined {
  const zone = state.template.zones.find((candidate) => candidate.themeId === themeId);
  return zone ? { id: themeId, programmeId, title: zone.name, summary: '', createdAt: 0, updatedAt: 0 } : undefined;
}

/** What a zone holds that would be lost with it: its notes, clusters, points and its "Wat gaat goed?". */
function holdsSomething(state: SessionState, zoneId: Id): boolean {
  const inZone = (item: { zoneId: Id | null }) => item.zoneId === zoneId;
  return (
    Object.values(state.notes).some(inZone) ||
    Object.values(state.clusters).some(inZone) ||
    Object.values(state.attentionPoints).some(inZone) ||
    (state.observations[zoneId]?.text.trim() ?? '') !== ''
  );
}

/** The whole-session zones the session should have, keeping what exists of each (its id, name, question, colour). */
function wantedWholeZones(template: ModelTemplate, themes: readonly Theme[], usedColors: ReadonlySet<string>): Omit<Zone, 'area'>[] {
  const existing = new Map(wholeZones(template.zones).map((zone) => [zone.id, zone]));
  const free = Object.values(ZONE_COLORS).filter((color) => !usedColors.has(color));
  const palette = free.length > 0 ? free : Object.values(ZONE_COLORS);
  const wanted =
    themes.length > 0
      ? themes.map((theme) => ({ id: themeZoneId(theme.id), name: theme.title.slice(0, LIMITS.shortText), question: WHOLE_QUESTION, themeId: theme.id }))
      : [{ id: WHOLE_SESSION_ZONE_ID, name: WHOLE_SESSION_NAME, question: WHOLE_SESSION_QUESTION, themeId: undefined }];
  return wanted.map((zone, index) => {
    const kept = existing.get(zone.id);
    if (kept) return kept;
    const color = palette[index % palette.length] as string;
    return { id: zone.id, name: zone.name, color, question: zone.question, whole: true as const, ...(zone.themeId ? { themeId: zone.themeId } : {}) };
  });
}

/** A point of `from` at the same place relative to `to`: what lies inside a zone stays inside when it moves or shrinks. */
const carried = (from: ZoneArea, to: ZoneArea, x: number, y: number) => ({
  x: to.x + ((x - from.x) * to.rx) / from.rx,
  y: to.y + ((y - from.y) * to.ry) / from.ry,
});

function moveContents(tx: Transaction<SessionState>, zoneId: Id, from: ZoneArea, to: ZoneArea): void {
  if (from.x === to.x && from.y === to.y && from.rx === to.rx && from.ry === to.ry) return;
  for (const note of Object.values(tx.state.notes)) if (note.zoneId === zoneId) tx.put('notes', { ...note, ...carried(from, to, note.x, note.y) });
  for (const cluster of Object.values(tx.state.clusters)) if (cluster.zoneId === zoneId) tx.put('clusters', { ...cluster, ...carried(from, to, cluster.x, cluster.y) });
}

/** Phases of zones that go are dropped; a new zone's phases follow those of the last zone. */
export function arrangedPhases(phases: readonly Phase[], gone: ReadonlySet<Id>, added: readonly Id[]): Phase[] {
  const kept = phases.filter((phase) => phase.zoneId === null || !gone.has(phase.zoneId));
  const lastZonePhase = kept.findLastIndex((phase) => phase.zoneId !== null);
  const at = lastZonePhase >= 0 ? lastZonePhase + 1 : kept.findIndex((phase) => phase.kind !== 'checkin' && phase.kind !== 'review');
  const insertAt = at < 0 ? kept.length : at;
  return [...kept.slice(0, insertAt), ...added.flatMap(zonePhases), ...kept.slice(insertAt)];
}

export interface Arrangement {
  template: ModelTemplate;
  /** Zones of the template before that are not in it after. */
  gone: Zone[];
  /** Ids of zones that are new, in the order they were added. */
  added: Id[];
  /** Zones that stay but lie elsewhere now: what they hold moves along. */
  moved: { zoneId: Id; from: ZoneArea; to: ZoneArea }[];
}

/** The template for working per side, per theme or both; `themes` are checked already. */
export function planArrangement(template: ModelTemplate, mode: WorkMode, themes: readonly Theme[]): Arrangement {
  if (mode === 'sides' && themes.length > 0) refuse('themes_need_whole_zones', 'Themes are worked on in zones of the whole session: choose "themes" or "both"');
  const sides = [...sideZones(template.zones), ...(template.setAside ?? [])];
  const keepSides = mode !== 'themes';
  const whole = mode === 'sides' ? [] : wantedWholeZones(template, themes, new Set(sides.map((zone) => zone.color)));
  if ((keepSides ? sides.length : 0) + whole.length > MAX_ZONES) {
    refuse('too_many_zones', `A model has at most ${MAX_ZONES} zones, sides and themes together`);
  }
  const areas = wholeZoneAreas(whole.length, keepSides ? sides.map((zone) => zone.area) : []);
  const nextWhole: Zone[] = whole.map((zone, index) => ({ ...zone, area: areas[index] as ZoneArea }));
  const zones = keepSides ? [...sides, ...nextWhole] : nextWhole;
  const nextIds = new Set(zones.map((zone) => zone.id));
  const before = new Map(template.zones.map((zone) => [zone.id, zone]));
  const moved = nextWhole.flatMap((zone) => {
    const old = before.get(zone.id);
    return old ? [{ zoneId: zone.id, from: old.area, to: zone.area }] : [];
  });
  const { setAside: _setAside, ...rest } = template;
  return {
    template: { ...rest, zones, ...(keepSides || sides.length === 0 ? {} : { setAside: sides }) },
    gone: template.zones.filter((zone) => !nextIds.has(zone.id)),
    added: zones.filter((zone) => !before.has(zone.id)).map((zone) => zone.id),
    moved,
  };
}

export const arrangeCommands = [
  defineSessionCommand({
    type: 'zones.arrange',
    schema: arrangeSchema,
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { mode, themeIds }, { workspace }) {
      const state = tx.state;
      const plan = planArrangement(state.template, mode, requireThemes(state, workspace, themeIds));
      for (const zone of plan.gone) {
        if (holdsSomething(state, zone.id)) refuse('zone_not_empty', `Zone "${zone.name}" still holds notes, points or text; move or delete them first`);
        if (state.flow.phases.some((phase) => phase.id === state.flow.currentPhaseId && phase.zoneId === zone.id)) {
          refuse('zone_in_current_phase', `The session is in a phase of zone "${zone.name}"; go to another phase first`);
        }
      }
      for (const { zoneId, from, to } of plan.moved) moveContents(tx, zoneId, from, to);
      const goneIds = new Set(plan.gone.map((zone) => zone.id));
      for (const id of goneIds) if (state.observations[id]) tx.remove('observations', id);
      tx.set('template', plan.template);
      const flow = tx.state.flow;
      tx.set('flow', {
        ...flow,
        phases: arrangedPhases(flow.phases, goneIds, plan.added),
        revealedZoneIds: flow.revealedZoneIds.filter((id) => !goneIds.has(id)),
        focusZoneId: flow.focusZoneId !== null && goneIds.has(flow.focusZoneId) ? null : flow.focusZoneId,
      });
    },
  }),
];
