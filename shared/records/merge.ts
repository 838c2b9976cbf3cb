import type { RecordDefinition } from './define';
import { dominates, joinVectors, type Revision, type VersionVector } from './revision';

/**
 * Merging one record from another laptop. The rules make merging idempotent and independent of
 * order, so archives of one programme merged in any order on any laptop give the same records:
 * - a copy whose version vector includes the other's wins outright (it has seen it);
 * - two copies changed without seeing each other: the newer revision wins, the vectors are joined,
 *   and where the record's text differs the other text is kept in `conflicts` so a person sees it.
 * A tombstone (value null) takes part like any other version, so a deletion travels too.
 */
export interface StampedRecord {
  key: string;
  id: string;
  /** null: deleted (a tombstone). */
  value: object | null;
  /** A tombstone's kept fields (see RecordDefinition.tombstoneFields). */
  kept: Record<string, unknown> | null;
  rev: Revision;
  vv: VersionVector;
}

export type MergeEffect = 'added' | 'updated' | 'deleted' | 'conflict' | 'none';

export interface MergeDecision {
  /** The record to store, or null when the local copy stays exactly as it is. */
  result: StampedRecord | null;
  /** What a person would call the change to the state. */
  effect: MergeEffect;
}

interface Conflict {
  rev: string;
  text: string;
}

const MAX_CONFLICTS = 20;

export function mergeRecord(definition: RecordDefinition | undefined, local: StampedRecord | undefined, incoming: StampedRecord): MergeDecision {
  if (!local) return { result: incoming, effect: incoming.value === null ? 'none' : 'added' };
  if (dominates(local.vv, incoming.vv)) return { result: null, effect: 'none' };
  if (dominates(incoming.vv, local.vv)) return { result: incoming, effect: effectOf(local.value, incoming.value) };
  const [winner, loser] = incoming.rev > local.rev ? [incoming, local] : [local, incoming];
  const vv = joinVectors(local.vv, incoming.vv);
  const field = definition?.conflictField;
  if (!field) return { result: { ...winner, vv }, effect: effectOf(local.value, winner.value) };
  const conflicts = conflictsOf(field, winner, loser);
  const result = withConflicts(winner, conflicts, vv);
  const shown = result.value === null ? undefined : (result.value as Record<string, unknown>)[field];
  const known = new Set(visibleConflicts(local, field).map((entry) => entry.text));
  const fresh = result.value !== null && conflicts.some((entry) => entry.text !== shown && !known.has(entry.text));
  const effect: MergeEffect = fresh ? 'conflict' : effectOf(local.value, result.value);
  return { result, effect };
}

function effectOf(before: object | null, after: object | null): MergeEffect {
  if (before === null) return after === null ? 'none' : 'added';
  if (after === null) return 'deleted';
  return JSON.stringify(before) === JSON.stringify(after) ? 'none' : 'updated';
}

const storedConflicts = (record: StampedRecord): Conflict[] => ((record.value ?? record.kept) as { conflicts?: Conflict[] } | null)?.conflicts ?? [];

/** The other texts of a record as a person sees them: not the one shown. */
export function visibleConflicts(record: StampedRecord | undefined, field: string): Conflict[] {
  if (!record || record.value === null) return [];
  const shown = (record.value as Record<string, unknown>)[field];
  return storedConflicts(record).filter((entry) => entry.text !== shown);
}

/**
 * Every text either copy knew of that lost to a concurrent change, each once with the newest
 * revision that had it. A union, so the same set comes out in any merge order; a tombstone keeps
 * it too (a deletion and an edit that crossed), so a text never depends on which copy came first.
 */
function conflictsOf(field: string, winner: StampedRecord, loser: StampedRecord): Conflict[] {
  const candidates = [...storedConflicts(winner), ...storedConflicts(loser)];
  if (loser.value !== null) candidates.push({ rev: loser.rev, text: String((loser.value as Record<string, unknown>)[field] ?? '') });
  const byText = new Map<string, Conflict>();
  for (const entry of candidates) {
    const known = byText.get(entry.text);
    if (!known || known.rev < entry.rev) byText.set(entry.text, entry);
  }
  return [...byText.values()].sort((a, b) => (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0)).slice(0, MAX_CONFLICTS);
}

function withConflicts(winner: StampedRecord, conflicts: Conflict[], vv: VersionVector): StampedRecord {
  const strip = (value: object) => {
    const { conflicts: _old, ...plain } = value as { conflicts?: Conflict[] };
    return conflicts.length > 0 ? { ...plain, conflicts } : plain;
  };
  if (winner.value !== null) return { ...winner, value: strip(winner.value), vv };
  return { ...winner, kept: strip(winner.kept ?? {}), vv };
}
