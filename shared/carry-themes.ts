import { arrangedPhases, planArrangement } from './commands/arrange';
import type { AttentionPoint, Id, ModelTemplate, Phase, SessionState, Theme } from './domain';
import { linkedThemeId, workMode } from './zones';

/**
 * "Volgende sessie voorbereiden" with themes: the facilitator chooses per theme of the previous
 * session how it goes on. 'whole': the theme is worked on by the whole session, in a zone of its
 * own where notes, clusters and points count as linked to it (shared/zones.ts). 'ballot': the
 * previous session's chosen points of the theme come back as points on their sides, still linked
 * (the theme itself as one point when none was chosen). 'none': it stays behind.
 */
export const CARRY_CHOICES = ['whole', 'ballot', 'none'] as const;
export type CarryChoice = (typeof CARRY_CHOICES)[number];

export interface PreviousTheme {
  theme: Theme;
  /** Its chosen points in the previous session: the context the facilitator decides on. */
  chosenPoints: AttentionPoint[];
}

/** The themes the session worked on: something of it is linked to them (by hand or by its zone), or a zone stands for them. Oldest first. */
export function previousThemes(source: SessionState, themes: readonly Theme[]): PreviousTheme[] {
  const points = Object.values(source.attentionPoints).sort((a, b) => (a.zoneId ?? '').localeCompare(b.zoneId ?? '') || a.order - b.order);
  const linkedTo = (themeId: Id, item: { themeId?: Id | undefined; zoneId: Id | null }) => linkedThemeId(source, item) === themeId;
  return themes
    .filter((theme) => theme.programmeId === source.meta.programmeId)
    .filter(
      (theme) =>
        source.template.zones.some((zone) => zone.themeId === theme.id) ||
        points.some((point) => linkedTo(theme.id, point)) ||
        Object.values(source.clusters).some((cluster) => linkedTo(theme.id, cluster)) ||
        Object.values(source.notes).some((note) => linkedTo(theme.id, note)),
    )
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    .map((theme) => ({ theme, chosenPoints: points.filter((point) => point.chosen && linkedTo(theme.id, point)) }));
}

/**
 * The attention points the next session starts with. Without choices, as before themes were
 * records: every chosen point, on its side. With choices, a chosen point of a theme follows its
 * theme's choice (a theme left unmentioned is carried as ballot points); chosen points of no theme
 * come along as before.
 */
export function carriedPoints(source: SessionState, themes: readonly Theme[], choices: ReadonlyMap<Id, CarryChoice> | null): AttentionPoint[] {
  const carried: AttentionPoint[] = [];
  const known = new Map(themes.map((theme) => [theme.id, theme]));
  const themeOfPoint = (point: AttentionPoint) => {
    const themeId = linkedThemeId(source, point);
    return themeId === undefined ? undefined : known.get(themeId);
  };
  const choiceOf = (point: AttentionPoint): CarryChoice => {
    const theme = themeOfPoint(point);
    return theme && choices ? (choices.get(theme.id) ?? 'ballot') : 'ballot';
  };
  const wholeZoneIds = new Set(source.template.zones.filter((zone) => zone.whole).map((zone) => zone.id));
  for (const point of Object.values(source.attentionPoints)) {
    if (!point.chosen || choiceOf(point) !== 'ballot') continue;
    // A point linked to a theme record needs no key; an unlinked one keeps the old key, its own id.
    const kept = { ...point, chosen: false, themeKey: point.themeId !== undefined ? point.themeKey : (point.themeKey ?? point.id) };
    // With choices the zones of the whole session are made anew, so a point of one comes as a point of the whole session, still linked.
    const fromWholeZone = choices !== null && point.zoneId !== null && wholeZoneIds.has(point.zoneId);
    const theme = themeOfPoint(point);
    carried.push(fromWholeZone ? { ...kept, zoneId: null, ...(theme ? { themeId: theme.id, themeKey: point.themeKey } : {}) } : kept);
  }
  if (!choices) return carried;
  let order = Object.values(source.attentionPoints).reduce((max, point) => Math.max(max, point.order), 0);
  for (const { theme, chosenPoints } of previousThemes(source, themes)) {
    // A theme without chosen points comes to the ballot as one point of the whole session.
    if ((choices.get(theme.id) ?? 'ballot') !== 'ballot' || chosenPoints.length > 0) continue;
    order += 1;
    carried.push({ id: carriedThemePointId(theme.id), zoneId: null, title: theme.title.slice(0, 200), order, chosen: false, themeKey: null, themeId: theme.id });
  }
  return carried;
}

/** The id of the whole-session point a theme without chosen points becomes on the ballot: the same for the same theme. */
export const carriedThemePointId = (themeId: Id) => `theme-${themeId}`.slice(0, 64);

/** The previous session's themes the facilitator carries as themes of the whole session, oldest first. */
export function wholeSessionThemes(source: SessionState, themes: readonly Theme[], choices: ReadonlyMap<Id, CarryChoice>): Theme[] {
  return previousThemes(source, themes)
    .map(({ theme }) => theme)
    .filter((theme) => choices.get(theme.id) === 'whole');
}

/**
 * The next session's zones and phases: its sides as before, and a zone for each theme carried to
 * the whole session (none left of themes not carried so). A session that worked per theme only goes
 * on so. Refuses (too_many_zones) when the themes do not fit beside the sides.
 */
export function nextSessionZones(source: SessionState, themes: readonly Theme[], choices: ReadonlyMap<Id, CarryChoice>): { template: ModelTemplate; phases: Phase[] } {
  const whole = wholeSessionThemes(source, themes, choices);
  const mode = workMode(source.template) === 'themes' ? 'themes' : whole.length > 0 ? 'both' : 'sides';
  const plan = planArrangement(source.template, mode, whole);
  return { template: plan.template, phases: arrangedPhases(source.flow.phases, new Set(plan.gone.map((zone) => zone.id)), plan.added) };
}
