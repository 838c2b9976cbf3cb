import { linkedThemeId } from '../zones';
import type { Id, SessionState, Theme } from '../domain';
import type { LinkTarget } from '../commands/themes';
import { keywords, RELATED_STRENGTH, stemsRelated, stemWeight } from '../text/related-words';
import { themeOf } from './programme-themes';
import { normaliseThemeKey } from './themes';

/**
 * Suggested themes across the sessions of a programme: attention points and clusters (a group's own
 * themes on the board) of different groups that share a word, proposed as one theme. One strong
 * shared word is enough ("visie" in "Handen en voeten geven aan de visie …" and in "Visie eigen
 * maken …"), also inside a compound ("generatiearmoede" ~ "armoede"). A suggestion is only shown:
 * a person confirms it (theme.create and theme.link for each item) or dismisses it.
 */
export interface ThemeItem {
  sessionId: Id;
  target: Extract<LinkTarget, 'point' | 'cluster'>;
  id: Id;
  title: string;
  group: string;
  date: string;
}

export interface ThemeSuggestion {
  /** What to call the theme: an existing theme it matches, else a title its items share, else the word. */
  title: string;
  /** The programme's theme to link the items to; null: confirming makes a new theme with `title`. */
  themeId: Id | null;
  /** The shared words as first written, strongest first. */
  words: string[];
  /** The items, oldest session first; of at least two sessions, none linked to a theme yet. */
  items: ThemeItem[];
  /** How many sessions (groups) it spans. */
  sessionCount: number;
}

interface Candidate {
  item: ThemeItem;
  concepts: Set<string>;
}

/** A word in more than this share of all items does not tell themes apart. */
const TOO_COMMON_SHARE = 0.5;
const TOO_COMMON_FROM_ITEMS = 8;

function itemsOf(state: SessionState, themes: ReadonlyMap<Id, Theme>, keyed: ReadonlySet<string>): ThemeItem[] {
  const base = { sessionId: state.meta.id, group: state.meta.group, date: state.meta.date };
  const points = Object.values(state.attentionPoints)
    .filter((point) => themeOf(themes, point) === null && !point.themeKey && !keyed.has(`${state.meta.id}/${point.id}`))
    .sort((a, b) => (a.zoneId ?? '').localeCompare(b.zoneId ?? '') || a.order - b.order || a.id.localeCompare(b.id))
    .map((point): ThemeItem => ({ ...base, target: 'point', id: point.id, title: point.title }));
  const clusters = Object.values(state.clusters)
    .filter((cluster) => themeOf(themes, cluster) === null && cluster.title.trim() !== '')
    .sort((a, b) => a.zoneId.localeCompare(b.zoneId) || a.id.localeCompare(b.id))
    .map((cluster): ThemeItem => ({ ...base, target: 'cluster', id: cluster.id, title: cluster.title }));
  return [...points, ...clusters];
}

/** A point or cluster with the theme it is linked to now (null: none, or a theme since deleted). */
export interface LinkableItem extends ThemeItem {
  themeId: Id | null;
  /** Linked through the theme's zone of the whole session it lies in, not by hand: moving it out unlinks it. */
  viaZone?: true;
}

/** The theme an item is linked to by hand, else through the theme zone it lies in. */
function themeLink(state: SessionState, themes: ReadonlyMap<Id, Theme>, item: { themeId?: Id | undefined; zoneId: Id | null }): Pick<LinkableItem, 'themeId' | 'viaZone'> {
  const own = themeOf(themes, item);
  if (own) return { themeId: own.id };
  const zoned = themeOf(themes, { themeId: linkedThemeId(state, item) });
  return zoned ? { themeId: zoned.id, viaZone: true } : { themeId: null };
}

/** Every attention point and cluster of the sessions, oldest session first, for linking by hand. */
export function linkableItems(sessions: readonly SessionState[], programmeThemes: readonly Theme[]): LinkableItem[] {
  const themes = new Map(programmeThemes.map((theme) => [theme.id, theme]));
  const ordered = [...sessions].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  return ordered.flatMap((state) => {
    const base = { sessionId: state.meta.id, group: state.meta.group, date: state.meta.date };
    const points = Object.values(state.attentionPoints)
      .sort((a, b) => (a.zoneId ?? '').localeCompare(b.zoneId ?? '') || a.order - b.order || a.id.localeCompare(b.id))
      .map((point): LinkableItem => ({ ...base, target: 'point', id: point.id, title: point.title, ...themeLink(state, themes, point) }));
    const clusters = Object.values(state.clusters)
      .sort((a, b) => a.zoneId.localeCompare(b.zoneId) || a.id.localeCompare(b.id))
      .map((cluster): LinkableItem => ({ ...base, target: 'cluster', id: cluster.id, title: cluster.title, ...themeLink(state, themes, cluster) }));
    return [...points, ...clusters];
  });
}

export function suggestThemes(sessions: readonly SessionState[], programmeThemes: readonly Theme[] = []): ThemeSuggestion[] {
  const themes = new Map(programmeThemes.map((theme) => [theme.id, theme]));
  const ordered = [...sessions].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  const legacy = oldKeySuggestions(ordered, programmeThemes);
  const keyed = new Set(legacy.flatMap((suggestion) => suggestion.items.map((item) => `${item.sessionId}/${item.id}`)));
  const items = ordered.flatMap((state) => itemsOf(state, themes, keyed));
  const words = items.map((item) => keywords(item.title));
  const vocabulary = new Map<string, string>();
  for (const found of words) for (const [key, word] of found) if (!vocabulary.has(key)) vocabulary.set(key, word);
  // A compound is also about the strong words it ends in, when another item uses them.
  const candidates: Candidate[] = items.map((item, index) => {
    const concepts = new Set<string>();
    for (const key of words[index]?.keys() ?? []) {
      concepts.add(key);
      for (const other of vocabulary.keys()) if (other !== key && other.length < key.length && stemsRelated(key, other)) concepts.add(other);
    }
    return { item, concepts };
  });
  const counts = new Map<string, number>();
  for (const candidate of candidates) for (const concept of candidate.concepts) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const tooCommon = (concept: string) => candidates.length >= TOO_COMMON_FROM_ITEMS && (counts.get(concept) ?? 0) > candidates.length * TOO_COMMON_SHARE;

  const suggestions: ThemeSuggestion[] = [...legacy];
  let pool = candidates;
  for (;;) {
    const best = bestTheme(pool, tooCommon);
    if (!best) break;
    const members = new Set(best.members);
    const memberItems = best.members.map((member) => member.item);
    const existing = themeFor(best.stems, memberItems, programmeThemes);
    suggestions.push({
      title: existing?.title ?? sharedTitle(memberItems) ?? titleOf(best.stems, vocabulary),
      themeId: existing?.id ?? null,
      words: best.stems.map((stem) => vocabulary.get(stem) ?? stem),
      items: memberItems,
      sessionCount: new Set(memberItems.map((item) => item.sessionId)).size,
    });
    pool = pool.filter((candidate) => !members.has(candidate));
  }
  return suggestions;
}

/**
 * Points linked by the free-text key of before themes were records, whose key names no theme of the
 * programme yet: offered as a theme of that name (with the point the key names, when a key is a
 * carried point's id), so one click turns the old link into a theme the lead can write about.
 */
function oldKeySuggestions(sessions: readonly SessionState[], programmeThemes: readonly Theme[]): ThemeSuggestion[] {
  const themes = new Map(programmeThemes.map((theme) => [theme.id, theme]));
  const titles = new Set(programmeThemes.map((theme) => normaliseThemeKey(theme.title)));
  const pointById = new Map(sessions.flatMap((state) => Object.values(state.attentionPoints).map((point) => [point.id, { state, point }] as const)));
  const groups = new Map<string, { title: string; items: ThemeItem[] }>();
  const item = (state: SessionState, point: { id: Id; title: string }): ThemeItem => ({
    sessionId: state.meta.id,
    target: 'point',
    id: point.id,
    title: point.title,
    group: state.meta.group,
    date: state.meta.date,
  });
  for (const state of sessions) {
    for (const point of Object.values(state.attentionPoints).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))) {
      if (!point.themeKey?.trim() || themeOf(themes, point) !== null) continue;
      const source = pointById.get(point.themeKey);
      const title = (source?.point.title ?? point.themeKey).trim();
      if (titles.has(normaliseThemeKey(point.themeKey)) || titles.has(normaliseThemeKey(title))) continue;
      const key = normaliseThemeKey(point.themeKey);
      const group = groups.get(key) ?? { title: title.slice(0, 120), items: [] };
      if (source && themeOf(themes, source.point) === null && !group.items.some((other) => other.sessionId === source.state.meta.id && other.id === source.point.id)) {
        group.items.push(item(source.state, source.point));
      }
      if (!group.items.some((other) => other.sessionId === state.meta.id && other.id === point.id)) group.items.push(item(state, point));
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ title, items }) => ({ title, themeId: null, words: [], items, sessionCount: new Set(items.map((entry) => entry.sessionId)).size }));
}

/**
 * The word shared by items of the most sessions (then by the most items, then the strongest), with
 * every other word those items all share. Greedy, so an item is in one suggestion at most and the
 * outcome is the same every time for the same sessions.
 */
function bestTheme(pool: readonly Candidate[], tooCommon: (concept: string) => boolean): { members: Candidate[]; stems: string[] } | null {
  const concepts = new Set<string>();
  for (const candidate of pool) for (const concept of candidate.concepts) if (!tooCommon(concept)) concepts.add(concept);
  let best: { members: Candidate[]; stems: string[]; sessions: number; strength: number } | null = null;
  for (const concept of [...concepts].sort()) {
    const members = pool.filter((candidate) => candidate.concepts.has(concept));
    const sessions = new Set(members.map((member) => member.item.sessionId)).size;
    if (sessions < 2) continue;
    const stems = [...concepts]
      .filter((other) => members.every((member) => member.concepts.has(other)))
      .sort((a, b) => stemWeight(b) - stemWeight(a) || b.length - a.length || a.localeCompare(b));
    const strength = stems.reduce((sum, stem) => sum + stemWeight(stem), 0);
    if (strength < RELATED_STRENGTH) continue;
    const better =
      !best ||
      sessions > best.sessions ||
      (sessions === best.sessions && (members.length > best.members.length || (members.length === best.members.length && strength > best.strength)));
    if (better) best = { members, stems, sessions, strength };
  }
  return best && { members: best.members, stems: best.stems };
}

/** A theme of the programme whose title has one of the shared words, or is the title of an item. */
function themeFor(stems: readonly string[], items: readonly ThemeItem[], themes: readonly Theme[]): Theme | null {
  const titles = new Set(items.map((item) => normaliseThemeKey(item.title)));
  return (
    themes.find((theme) => titles.has(normaliseThemeKey(theme.title))) ??
    themes.find((theme) => [...keywords(theme.title).keys()].some((key) => stems.some((stem) => stemsRelated(key, stem)))) ??
    null
  );
}

/** A title two sessions gave the same item (the memo's groups named their clusters after the theme). */
function sharedTitle(items: readonly ThemeItem[]): string | null {
  const seen = new Map<string, { title: string; sessions: Set<Id> }>();
  for (const item of items) {
    const key = normaliseThemeKey(item.title);
    const entry = seen.get(key) ?? { title: item.title.trim(), sessions: new Set<Id>() };
    entry.sessions.add(item.sessionId);
    seen.set(key, entry);
  }
  const shared = [...seen.values()].filter((entry) => entry.sessions.size >= 2).sort((a, b) => b.sessions.size - a.sessions.size || a.title.length - b.title.length);
  return shared[0]?.title.slice(0, 120) ?? null;
}

function titleOf(stems: readonly string[], vocabulary: ReadonlyMap<string, string>): string {
  const text = stems
    .slice(0, 2)
    .map((stem) => vocabulary.get(stem) ?? stem)
    .join(' en ');
  return text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
}
