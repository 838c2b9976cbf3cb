import type { SessionState } from '../domain';
import { normaliseThemeKey, type PointRef, pointRefs } from './themes';

/**
 * Suggestions to link attention points of different sessions that seem to be about the same thing,
 * judged by the words their titles share. A suggestion is only that: the facilitator confirms it
 * with `attention.link`, and nothing is merged until then.
 */
export interface LinkSuggestion {
  a: PointRef;
  b: PointRef;
  /** The shared words, as they appear in a's title (lower case), for the "why" in the UI. */
  sharedWords: string[];
  /** 0–1: shared words over the words of the shorter title. */
  score: number;
  /** The key to link both with: a theme one of them already has, else a's title. */
  themeKey: string;
}

/** Words that say nothing about the subject (Dutch and English), so they never make a match. */
const STOPWORDS = new Set(
  `aan al alle als bij dat de deze die dit door een en er ga gaat geen het hier hoe in is je kan kunnen maar
  meer met moet na naar niet nog of om onder ook op over te tot uit van veel voor waar wat we welke wie wij
  wil worden wordt zijn zo zoals elke eigen goed beter samen vanuit tussen binnen zonder omdat onze jullie hun heeft
  hebben moeten kunnen zullen daarin daarbij hierin ervoor hiervoor dingen doen maken elkaar zorg zorgen krijgen
  komen gaan laten graag heel echt
  a an and are as at be by for from has have how in is it of on or our so that the their this to we what
  with more into all each`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case, accents off, and a light Dutch/English suffix trim ("organisaties" ~ "organisatie"). */
export function stem(word: string): string {
  const plain = word
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  if (plain.endsWith('ies')) return plain.slice(0, -1);
  if (plain.length > 6 && plain.endsWith('en')) return plain.slice(0, -2);
  if (plain.length > 4 && /[^s]s$/.test(plain)) return plain.slice(0, -1);
  return plain;
}

/** The words that carry meaning: letters only, at least 4 long, no stopwords; stem → first form. */
export function keywords(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of text.toLocaleLowerCase('nl').match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 4 || STOPWORDS.has(raw)) continue;
    const key = stem(raw);
    if (!found.has(key)) found.set(key, raw);
  }
  return found;
}

export interface SuggestOptions {
  /** Minimum shared words; one is enough when a title has at most two keywords. Default 2. */
  minShared?: number;
  /** Minimum score (shared over the shorter title's keywords). Default 0.3. */
  minScore?: number;
}

export function suggestLinks(sessions: readonly SessionState[], options: SuggestOptions = {}): LinkSuggestion[] {
  const minShared = options.minShared ?? 2;
  const minScore = options.minScore ?? 0.3;
  const refs = sessions.flatMap(pointRefs).map((ref) => ({ ref, words: keywords(ref.title) }));
  const suggestions: LinkSuggestion[] = [];
  for (let i = 0; i < refs.length; i += 1) {
    for (let j = i + 1; j < refs.length; j += 1) {
      const left = refs[i];
      const right = refs[j];
      if (!left || !right || left.ref.sessionId === right.ref.sessionId) continue;
      if (alreadyLinked(left.ref, right.ref)) continue;
      const shared = [...left.words.keys()].filter((word) => right.words.has(word));
      const smaller = Math.min(left.words.size, right.words.size);
      const needed = smaller <= 2 ? 1 : minShared;
      if (smaller === 0 || shared.length < needed) continue;
      const score = shared.length / smaller;
      if (score < minScore) continue;
      const [a, b] = left.ref.date <= right.ref.date ? [left, right] : [right, left];
      suggestions.push({
        a: a.ref,
        b: b.ref,
        sharedWords: shared.map((word) => left.words.get(word) ?? word),
        score: Math.round(score * 100) / 100,
        themeKey: (a.ref.themeKey || b.ref.themeKey || a.ref.title).trim().slice(0, 120),
      });
    }
  }
  return suggestions.sort(
    (x, y) => y.score - x.score || y.sharedWords.length - x.sharedWords.length || x.a.title.localeCompare(y.a.title) || x.b.title.localeCompare(y.b.title),
  );
}

function alreadyLinked(a: PointRef, b: PointRef): boolean {
  return a.themeKey !== null && b.themeKey !== null && a.themeKey.trim() !== '' && normaliseThemeKey(a.themeKey) === normaliseThemeKey(b.themeKey);
}
