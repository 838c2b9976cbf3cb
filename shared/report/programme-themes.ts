import type { Action, Id, Note, SessionState, Theme } from '../domain';
import { linkedThemeId } from '../zones';
import { byOrderThenText } from './format';
import { normaliseThemeKey, type PointRef, pointRefs } from './themes';

/**
 * The programme's themes as "Samengevat" reads them: per theme, what each group linked to it (its
 * attention points with dots and ingredients, its clusters with their notes, single notes) and the
 * actions made from those points.
 *
 * Links made before themes were records are kept at read time rather than rewritten in storage: a
 * point that carries only the old free-text `themeKey` belongs to the programme theme whose title
 * is that key (or the title of the point the key names, as "Volgende sessie voorbereiden" used to
 * write), and keys that match no theme are grouped by key as before. So no stored session has to be
 * loaded and rewritten when the app starts, old archives read the same, and making a theme with an
 * old key's name in the harvest panel adopts every point that carried it.
 */
export interface ThemePoint extends PointRef {
  ingredients: string[];
}

export interface ThemeSession {
  sessionId: Id;
  group: string;
  date: string;
  points: ThemePoint[];
  clusters: { title: string; notes: string[] }[];
  /** Notes linked by themselves (not through a linked cluster), in the order they were written. */
  notes: string[];
}

export interface ProgrammeTheme {
  /** The theme record; null for an old theme key that no theme record has taken up. */
  themeId: Id | null;
  title: string;
  summary: string;
  sessions: ThemeSession[];
  /** Distinct groups (or sessions without a group) that linked anything to it: "genoemd door N groepen". */
  groupCount: number;
  actions: Action[];
}

/** A link to a theme that no longer exists (deleted) counts as no link. */
export function themeOf(themes: ReadonlyMap<Id, Theme>, item: { themeId?: Id | undefined }): Theme | null {
  return item.themeId === undefined ? null : (themes.get(item.themeId) ?? null);
}

type Resolved = { theme: Theme } | { key: string; title: string } | null;

function resolver(sessions: readonly SessionState[], themes: readonly Theme[]) {
  const byId = new Map(themes.map((theme) => [theme.id, theme]));
  const byTitle = new Map(themes.map((theme) => [normaliseThemeKey(theme.title), theme]));
  const keyTitle = (key: string) => {
    for (const state of sessions) {
      const source = state.attentionPoints[key];
      if (source) return source.title;
    }
    return key.trim();
  };
  return (item: { themeId?: Id | undefined; themeKey?: string | null }): Resolved => {
    const linked = themeOf(byId, item);
    if (linked) return { theme: linked };
    if (!item.themeKey || item.themeKey.trim() === '') return null;
    const title = keyTitle(item.themeKey);
    const adopted = byTitle.get(normaliseThemeKey(item.themeKey)) ?? byTitle.get(normaliseThemeKey(title));
    return adopted ? { theme: adopted } : { key: normaliseThemeKey(item.themeKey), title };
  };
}

const groupName = (state: SessionState) => (state.meta.group.trim() === '' ? `#${state.meta.id}` : state.meta.group.trim());
const byTime = (a: Note, b: Note) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The themes of the chosen sessions, and the points that are in none. A theme record is listed when
 * anything of these sessions is linked to it or the lead wrote its text; an old key only when points
 * of two sessions share it (as the summary always did). Order: most groups first, then most dots.
 */
export function programmeThemes(
  sessions: readonly SessionState[],
  themes: readonly Theme[],
  actions: readonly Action[] = [],
): { themes: ProgrammeTheme[]; outside: PointRef[] } {
  const resolve = resolver(sessions, themes);
  const entries = new Map<string, ProgrammeTheme>();
  const slotOf = (resolved: NonNullable<Resolved>) => ('theme' in resolved ? `theme:${resolved.theme.id}` : `key:${resolved.key}`);
  const entryFor = (resolved: NonNullable<Resolved>): ProgrammeTheme => {
    const slot = slotOf(resolved);
    let entry = entries.get(slot);
    if (!entry) {
      entry =
        'theme' in resolved
          ? { themeId: resolved.theme.id, title: resolved.theme.title, summary: resolved.theme.summary, sessions: [], groupCount: 0, actions: [] }
          : { themeId: null, title: resolved.title, summary: '', sessions: [], groupCount: 0, actions: [] };
      entries.set(slot, entry);
    }
    return entry;
  };
  for (const theme of themes) if (theme.summary.trim() !== '') entryFor({ theme });
  const sessionOf = (entry: ProgrammeTheme, state: SessionState): ThemeSession => {
    let part = entry.sessions.find((item) => item.sessionId === state.meta.id);
    if (!part) {
      part = { sessionId: state.meta.id, group: state.meta.group, date: state.meta.date, points: [], clusters: [], notes: [] };
      entry.sessions.push(part);
    }
    return part;
  };
  const outside: PointRef[] = [];
  const pointSlots = new Map<string, ProgrammeTheme>();
  const byDate = [...sessions].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  for (const state of byDate) {
    // What lies in a theme's zone of the whole session counts as linked to that theme (zones.ts).
    const resolveIn = <T extends { themeId?: Id | undefined; zoneId: Id | null }>(item: T) => resolve({ ...item, themeId: linkedThemeId(state, item) });
    for (const ref of pointRefs(state)) {
      const point = state.attentionPoints[ref.pointId];
      const resolved = point ? resolveIn(point) : null;
      if (!resolved) {
        outside.push(ref);
        continue;
      }
      const entry = entryFor(resolved);
      const ingredients = Object.values(state.ingredients)
        .filter((ingredient) => ingredient.attentionPointId === ref.pointId)
        .sort(byOrderThenText((i) => i.order, (i) => i.id))
        .map((ingredient) => ingredient.text);
      sessionOf(entry, state).points.push({ ...ref, ingredients });
      pointSlots.set(`${state.meta.id}/${ref.pointId}`, entry);
    }
    const notes = Object.values(state.notes).filter((note) => note.pending !== true).sort(byTime);
    const clusterSlots = new Map<Id, string>();
    for (const cluster of Object.values(state.clusters).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))) {
      const resolved = resolveIn(cluster);
      if (!resolved) continue;
      clusterSlots.set(cluster.id, slotOf(resolved));
      const texts = notes.filter((note) => note.clusterId === cluster.id).map((note) => note.text);
      sessionOf(entryFor(resolved), state).clusters.push({ title: cluster.title, notes: texts });
    }
    for (const note of notes) {
      const resolved = resolveIn(note);
      if (!resolved) continue;
      // A note of a cluster linked to the same theme is already listed under that cluster.
      if (note.clusterId !== null && clusterSlots.get(note.clusterId) === slotOf(resolved)) continue;
      sessionOf(entryFor(resolved), state).notes.push(note.text);
    }
  }
  for (const action of actions) {
    const entry = pointSlots.get(`${action.sessionId}/${action.attentionPointId}`);
    if (entry) entry.actions.push(action);
  }
  const listed: ProgrammeTheme[] = [];
  for (const entry of entries.values()) {
    entry.groupCount = new Set(entry.sessions.map((part) => groupName(sessions.find((state) => state.meta.id === part.sessionId) as SessionState))).size;
    if (entry.themeId === null && entry.sessions.length < 2) {
      for (const part of entry.sessions) outside.push(...part.points);
      continue;
    }
    listed.push(entry);
  }
  const dots = (entry: ProgrammeTheme) => entry.sessions.reduce((sum, part) => sum + part.points.reduce((n, point) => n + point.dots, 0), 0);
  listed.sort((a, b) => b.groupCount - a.groupCount || dots(b) - dots(a) || a.title.localeCompare(b.title, 'nl'));
  const strip = (ref: PointRef): PointRef => {
    const { ingredients: _ingredients, ...plain } = ref as ThemePoint;
    return plain;
  };
  return { themes: listed, outside: outside.map(strip) };
}
