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
  if (!field || winner.value === null || loser.value === null) {
    return { result: { ...winner, vv }, effect: effectOf(local.value, winner.value) };
  }
  const conflicts = conflictsOf(field, winner, loser);
  const { conflicts: _old, ...plain } = winner.value as { conflicts?: Conflict[] };
  const value = conflicts.length > 0 ? { ...plain, conflicts } : plain;
  const before = JSON.stringify(local.value);
  const effect: MergeEffect = conflicts.some((entry) => !hasConflict(local.value, entry)) ? 'conflict' : before === JSON.stringify(value) ? 'none' : 'updated';
  return { result: { ...winner, value, vv }, effect };
}

function effectOf(before: object | null, after: object | null): MergeEffect {
  if (before === null) return after === null ? 'none' : 'added';
  if (after === null) return 'deleted';
  return JSON.stringify(before) === JSON.stringify(after) ? 'none' : 'updated';
}

/**
 * The other texts to keep beside the winner's: every text either copy knew of, but the shown one,
 * each once with the newest revision that had it. The same set comes out in any merge order.
 */
function conflictsOf(field: string, winner: StampedRecord, loser: StampedRecord): Conflict[] {
  const shown = (winner.value as Record<string, unknown>)[field];
  const candidates: Conflict[] = [
    ...((winner.value as { conflicts?: Conflict[] }).conflicts ?? []),
    ...((loser.value as { conflicts?: Conflict[] }).conflicts ?? []),
    { rev: loser.rev, text: String((loser.value as Record<string, unknown>)[field] ?? '') },
  ];
  const byText = new Map<string, Conflict>();
  for (const entry of candidates) {
    if (entry.text === shown) continue;
    const known = byText.get(entry.text);
    if (!known || known.rev < entry.rev) byText.set(entry.text, entry);
  }
  return [...byText.values()].sort((a, b) => (a.rev < b.rev ? 1 : a.rev > b.rev ? -1 : 0)).slice(0, MAX_CONFLICTS);
}

function hasConflict(value: object | null, entry: Conflict): boolean {
  const known = (value as { conflicts?: Conflict[] } | null)?.conflicts ?? [];
  return known.some((other) => other.text === entry.text);
}
