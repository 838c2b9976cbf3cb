import type { Change } from '../changes';
import { emptySessionCollections, recordFor, type SessionState } from './index';
import type { StampedRecord } from './merge';

/**
 * A session's state from its records (tombstones left out), with the changes that write them;
 * `meta` comes from the session's entry in the sessions list, which is the record of truth for it.
 */
export function sessionFromRecords(meta: SessionState['meta'], records: readonly StampedRecord[]): { state: SessionState; changes: Change[] } {
  const state: Record<string, unknown> = { meta, ...emptySessionCollections() };
  const changes: Change[] = [];
  for (const record of records) {
    const definition = recordFor('session', record.key);
    if (!definition || record.key === 'meta') continue;
    if (definition.singleton) state[record.key] = record.value;
    else if (record.value !== null) (state[record.key] as Record<string, unknown>)[record.id] = record.value;
    changes.push({ key: record.key, id: definition.singleton ? null : record.id, before: null, after: record.value });
  }
  changes.push({ key: 'meta', id: null, before: null, after: meta });
  return { state: state as unknown as SessionState, changes };
}
