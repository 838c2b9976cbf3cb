import type { Id, SessionState } from '../domain';
import { keywords, RELATED_STRENGTH, stemsRelated, stemWeight } from './related-words';

/**
 * Proposed groups of notes for the cluster phase: notes of one side that share a related word.
 * Only a proposal: the facilitator accepts (one cluster.create), edits the title first, or
 * dismisses it; nothing is grouped silently.
 */
export interface GroupSuggestion {
  /** The notes, in the order they were written; never fewer than two, never in another suggestion. */
  noteIds: Id[];
  /** The shared word(s), capitalised: "Armoede", "Monitoring en evaluatie". */
  title: string;
  /** The stems every note of the group has (exactly or inside a compound), strongest first. */
  stems: string[];
}

/** A word in more than this share of a side's notes does not tell its notes apart. */
const TOO_COMMON_SHARE = 0.5;
/** Below this many notes every word may count; with three notes one word in two is no signal. */
const TOO_COMMON_FROM_NOTES = 6;

interface Candidate {
  id: Id;
  /** Every stem the note is about: its own, plus the strong stems its compounds end in. */
  concepts: Set<string>;
}

/**
 * Groups of at least two unclustered notes of the side whose words are related. Built greedily:
 * the word shared by the most notes forms the first group, its notes leave the pool, and so on,
 * so a note is in one suggestion at most and the result is the same every time for the same notes.
 */
export function suggestGroups(session: SessionState, zoneId: Id): GroupSuggestion[] {
  const notes = Object.values(session.notes)
    .filter((note) => note.zoneId === zoneId && note.clusterId === null && !note.pending && note.text.trim() !== '')
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const words = notes.map((note) => keywords(note.text));
  const vocabulary = new Map<string, string>();
  for (const found of words) for (const [key, word] of found) if (!vocabulary.has(key)) vocabulary.set(key, word);
  // A compound note is also about the strong words it ends in, when another note uses them.
  const candidates: Candidate[] = notes.map((note, index) => {
    const concepts = new Set<string>();
    for (const key of words[index]?.keys() ?? []) {
      concepts.add(key);
      for (const other of vocabulary.keys()) if (other !== key && stemsRelated(key, other) && other.length < key.length) concepts.add(other);
    }
    return { id: note.id, concepts };
  });

  const counts = new Map<string, number>();
  for (const candidate of candidates) for (const concept of candidate.concepts) counts.set(concept, (counts.get(concept) ?? 0) + 1);
  const tooCommon = (concept: string) =>
    candidates.length >= TOO_COMMON_FROM_NOTES && (counts.get(concept) ?? 0) > candidates.length * TOO_COMMON_SHARE;

  const suggestions: GroupSuggestion[] = [];
  let pool = candidates;
  for (;;) {
    const best = bestGroup(pool, tooCommon);
    if (!best) break;
    const members = new Set(best.members.map((member) => member.id));
    suggestions.push({ noteIds: [...members], stems: best.stems, title: titleOf(best.stems, vocabulary) });
    pool = pool.filter((candidate) => !members.has(candidate.id));
  }
  return suggestions;
}

/**
 * The largest set of notes that share words of strength ≥ 1 (one strong word, or two short
 * ones), together with every other word they all share; ties go to the stronger, then the
 * alphabetically first word, so the outcome never depends on the order of a Map.
 */
function bestGroup(pool: readonly Candidate[], tooCommon: (concept: string) => boolean): { members: Candidate[]; stems: string[] } | null {
  const concepts = new Set<string>();
  for (const candidate of pool) for (const concept of candidate.concepts) if (!tooCommon(concept)) concepts.add(concept);
  let best: { members: Candidate[]; stems: string[]; strength: number } | null = null;
  for (const concept of [...concepts].sort()) {
    const members = pool.filter((candidate) => candidate.concepts.has(concept));
    if (members.length < 2) continue;
    const stems = [...concepts]
      .filter((other) => members.every((member) => member.concepts.has(other)))
      .sort((a, b) => stemWeight(b) - stemWeight(a) || b.length - a.length || a.localeCompare(b));
    const strength = stems.reduce((sum, stem) => sum + stemWeight(stem), 0);
    if (strength < RELATED_STRENGTH) continue;
    if (!best || members.length > best.members.length || (members.length === best.members.length && strength > best.strength)) {
      best = { members, stems, strength };
    }
  }
  return best && { members: best.members, stems: best.stems };
}

/** The two strongest shared words as first written, joined with "en", first letter upper case. */
function titleOf(stems: readonly string[], vocabulary: ReadonlyMap<string, string>): string {
  const text = stems
    .slice(0, 2)
    .map((stem) => vocabulary.get(stem) ?? stem)
    .join(' en ');
  return text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
}
