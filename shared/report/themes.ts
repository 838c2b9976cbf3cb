import type { AttentionPoint, Id, SessionState } from '../domain';
import { rankPoints } from '../voting';

/** One attention point as seen from a programme: which session it lives in and its dots. */
export interface PointRef {
  sessionId: Id;
  pointId: Id;
  title: string;
  group: string;
  date: string;
  dots: number;
  themeKey: string | null;
}

/** Attention points linked by the same theme across sessions. */
export interface RecurringTheme {
  /** The normalised key the points share. */
  key: string;
  /** What the theme is called: the point it came from, else the key as typed. */
  title: string;
  points: PointRef[];
  /** Distinct groups (or sessions without a group) in which it came up. */
  groupCount: number;
}

/** Theme keys match when they differ only in case or spacing ("Monitoring " = "monitoring"). */
export function normaliseThemeKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

export function pointRefs(state: SessionState): PointRef[] {
  return rankPoints(state).flatMap(({ attentionPointId, dots }) => {
    const point: AttentionPoint | undefined = state.attentionPoints[attentionPointId];
    if (!point) return [];
    return [{ sessionId: state.meta.id, pointId: point.id, title: point.title, group: state.meta.group, date: state.meta.date, dots, themeKey: point.themeKey }];
  });
}

/**
 * Groups the points of several sessions by theme key. Only explicit links count: a theme recurs
 * when points of at least two sessions carry the same key. Nothing is merged by similarity here
 * (see suggest.ts for suggestions, which a person confirms with attention.link).
 */
export function recurringThemes(sessions: readonly SessionState[]): RecurringTheme[] {
  const groups = new Map<string, PointRef[]>();
  const typed = new Map<string, string>();
  // Oldest session first: a theme is named as it was first typed.
  const byDate = [...sessions].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  for (const state of byDate) {
    for (const ref of pointRefs(state)) {
      if (!ref.themeKey || ref.themeKey.trim() === '') continue;
      const key = normaliseThemeKey(ref.themeKey);
      if (!typed.has(key)) typed.set(key, ref.themeKey.trim());
      groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
  }
  const themes: RecurringTheme[] = [];
  for (const [key, points] of groups) {
    const sessionIds = new Set(points.map((point) => point.sessionId));
    if (sessionIds.size < 2) continue;
    points.sort((a, b) => a.date.localeCompare(b.date) || b.dots - a.dots || a.title.localeCompare(b.title));
    const groupNames = new Set(points.map((point) => (point.group.trim() === '' ? `#${point.sessionId}` : point.group.trim())));
    themes.push({ key, title: themeTitle(typed.get(key) ?? key, sessions), points, groupCount: groupNames.size });
  }
  // Most widely shared first, then most dots, then by name: a stable order for the report.
  const total = (theme: RecurringTheme) => theme.points.reduce((sum, point) => sum + point.dots, 0);
  return themes.sort((a, b) => b.groupCount - a.groupCount || total(b) - total(a) || a.title.localeCompare(b.title));
}

/** prepareNextSession uses the source point's id as key; show that point's title instead. */
function themeTitle(key: string, sessions: readonly SessionState[]): string {
  for (const state of sessions) {
    const source = state.attentionPoints[key];
    if (source) return source.title;
  }
  return key;
}

/** The points of the given sessions that are in no recurring theme, per session. */
export function pointsOutsideThemes(sessions: readonly SessionState[], themes: readonly RecurringTheme[]): PointRef[] {
  const linked = new Set(themes.flatMap((theme) => theme.points.map((point) => `${point.sessionId}/${point.pointId}`)));
  return sessions.flatMap((state) => pointRefs(state).filter((ref) => !linked.has(`${ref.sessionId}/${ref.pointId}`)));
}
