import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stopwords as dutchStopwords } from '@orama/stopwords/dutch';
import { stopwords as englishStopwords } from '@orama/stopwords/english';

/**
 * One matcher of related words, for the theme-link suggestions of the programme summary and the
 * group suggestions of the cluster phase, so that both agree on what "the same word" is.
 *
 * Words are stemmed with the Snowball Dutch stemmer (@orama/stemmers) and filtered with the
 * Snowball stop-word lists for Dutch and English (@orama/stopwords). Notes are Dutch by default,
 * with English loan words ("monitoring") stemmed the same way; only the stop words of both
 * languages are dropped, as mixed notes are common.
 */

/**
 * Words a reflection session uses about everything, so they say nothing about a subject. The
 * library lists cover grammar words only; these are the ones the reference memo is full of.
 */
const SESSION_WORDS = `alle beter daarbij daarin dingen echt eigen elkaar elke ervoor gaan gaat goed graag heel hierin
  hiervoor kunnen komen krijgen laten maken meer moeten samen tussen vanuit binnen welke zorg zorgen zullen
  jullie onze heeft hebben waar worden wordt
  each more into also`;

const STOPWORDS = new Set([...dutchStopwords, ...englishStopwords, ...SESSION_WORDS.split(/\s+/).filter(Boolean)].map(plain));

/** A stem at least this long is specific enough that sharing it alone relates two texts. */
export const STRONG_STEM_LENGTH = 5;
/** Keywords shorter than this (in letters) are left out: "rol" and "tijd" are too vague alone. */
const MIN_WORD_LENGTH = 4;

/** Lower case with accents off ("ideeën" → "ideeen"), so spelling variants meet. */
function plain(word: string): string {
  return word
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/**
 * The Snowball Dutch stem, plus two repairs where Snowball keeps plural and singular apart:
 * "-ies" plurals ("organisaties" → "organisatie") and a doubled last consonant ("rollen" → "roll"
 * → "rol", "overleggen" → "overleg").
 */
export function stem(word: string): string {
  const lower = plain(word);
  const base = lower.endsWith('ies') && lower.length > 5 ? lower.slice(0, -1) : lower;
  const stemmed = dutchStemmer(base);
  const last = stemmed.at(-1) ?? '';
  if (stemmed.length > 3 && last === stemmed.at(-2) && /[^aeiou]/.test(last)) return stemmed.slice(0, -1);
  return stemmed;
}

/** The words that carry meaning: letters only, at least 4 long, no stop words; stem → first form. */
export function keywords(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const raw of text.toLocaleLowerCase('nl').match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < MIN_WORD_LENGTH || /^\p{N}+$/u.test(raw) || STOPWORDS.has(plain(raw))) continue;
    const key = stem(raw);
    if (!found.has(key)) found.set(key, raw);
  }
  return found;
}

/** How much one shared stem counts: 1 for a specific word, ½ for a short one. */
export function stemWeight(key: string): number {
  return key.length >= STRONG_STEM_LENGTH ? 1 : 0.5;
}

/**
 * True when the stems are the same word or one is a compound ending in the other, as Dutch writes
 * compounds as one word: "generatiearmoede" ~ "armoede". The tail must be a strong stem, so that
 * "samenwerking" is not about "king" nor "programmateam" about "team".
 */
export function stemsRelated(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= STRONG_STEM_LENGTH && long.endsWith(short);
}

export interface SharedWord {
  /** The stem both texts have, or the shorter one of a compound pair. */
  stem: string;
  /** The word as it appears in the first text. */
  word: string;
  /** The related word in the second text (differs from `word` for plurals and compounds). */
  other: string;
}

export interface Relation {
  shared: SharedWord[];
  /** The sum of the shared stems' weights: 1 or more means "related" (one strong word is enough). */
  strength: number;
}

/** What two keyword sets (from `keywords`) have in common, and how strongly. */
export function relate(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): Relation {
  const shared: SharedWord[] = [];
  const usedB = new Set<string>();
  for (const [stemA, wordA] of a) {
    for (const [stemB, wordB] of b) {
      if (usedB.has(stemB) || !stemsRelated(stemA, stemB)) continue;
      usedB.add(stemB);
      shared.push({ stem: stemA.length <= stemB.length ? stemA : stemB, word: wordA, other: wordB });
      break;
    }
  }
  const strength = shared.reduce((sum, word) => sum + stemWeight(word.stem), 0);
  return { shared, strength };
}

/** Strength from which two texts count as related. */
export const RELATED_STRENGTH = 1;
