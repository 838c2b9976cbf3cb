import type { SessionState } from '../domain';
import { keywords, RELATED_STRENGTH, relate } from '../text/related-words';
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

/** Re-exported for the callers and tests that knew them here; the matcher lives in shared/text. */
export { keywords, stem } from '../text/related-words';

export interface SuggestOptions {
  /** Minimum strength of the shared words (see `relate`): 1 is one specific word. Default 1. */
  minStrength?: number;
  /** Minimum score (shared strength over the shorter title's keywords). Default 0.3. */
  minScore?: number;
}

export function suggestLinks(sessions: readonly SessionState[], options: SuggestOptions = {}): LinkSuggestion[] {
  const minStrength = options.minStrength ?? RELATED_STRENGTH;
  const minScore = options.minScore ?? 0.3;
  const refs = sessions.flatMap(pointRefs).map((ref) => ({ ref, words: keywords(ref.title) }));
  const suggestions: LinkSuggestion[] = [];
  for (let i = 0; i < refs.length; i += 1) {
    for (let j = i + 1; j < refs.length; j += 1) {
      const left = refs[i];
      const right = refs[j];
      if (!left || !right || left.ref.sessionId === right.ref.sessionId) continue;
      if (alreadyLinked(left.ref, right.ref)) continue;
      const { shared, strength } = relate(left.words, right.words);
      const smaller = Math.min(left.words.size, right.words.size);
      if (smaller === 0 || strength < minStrength) continue;
      const score = Math.min(1, strength / smaller);
      if (score < minScore) continue;
      const [a, b] = left.ref.date <= right.ref.date ? [left, right] : [right, left];
      suggestions.push({
        a: a.ref,
        b: b.ref,
        sharedWords: shared.map((word) => (a === left ? word.word : word.other)),
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
