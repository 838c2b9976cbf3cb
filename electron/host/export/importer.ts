import { ballotOf } from '../../../shared/rules';
import { randomUUID } from 'node:crypto';
import { applyChanges, type Change } from '../../../shared/changes';
import type { SessionState } from '../../../shared/domain';
import { recordFor } from '../../../shared/records/index';
import { sessionFromRecords } from '../../../shared/records/state';
import { type MergeEffect, mergeRecord, type StampedRecord, visibleConflicts } from '../../../shared/records/merge';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import type { RecordStamp } from '../db/event-store';
import type { Engine, MergePlan, StampedChanges } from '../engine';
import type { ArchiveContent } from './archive-write';
import { ExportError } from './errors';
import type { ImportedConflict, ImportReport } from '../../../shared/import-report';

export type { ImportReport, SessionImportOutcome } from '../../../shared/import-report';

const slot = (key: string, id: string) => `${key}\u0000${id}`;

function stampOf(record: StampedRecord): RecordStamp {
  return { rev: record.rev, vv: record.vv, kept: record.kept };
}

/** Merges a set of incoming records into a stream's local ones; collects the writes and what they mean. */
function mergeStream(kind: 'workspace' | 'session', local: readonly StampedRecord[], incoming: readonly StampedRecord[], current: (key: string, id: string) => unknown) {
  const mine = new Map(local.map((record) => [slot(record.key, record.id), record]));
  const writes: StampedChanges = { changes: [], stamps: [] };
  const effects: { record: StampedRecord; effect: MergeEffect }[] = [];
  for (const record of incoming) {
    const decision = mergeRecord(recordFor(kind, record.key), mine.get(slot(record.key, record.id)), record);
    if (!decision.result) continue;
    const result = decision.result;
    const id = recordFor(kind, record.key)?.singleton ? null : record.id;
    writes.changes.push({ key: record.key, id, before: current(record.key, record.id) ?? null, after: result.value });
    writes.stamps.push(stampOf(result));
    effects.push({ record: result, effect: decision.effect });
  }
  return { writes, effects };
}

function count(effects: readonly { effect: MergeEffect }[], effect: MergeEffect): number {
  return effects.filter((entry) => entry.effect === effect).length;
}

/**
 * Brings an archive into this laptop's data by merging it record by record (shared/records/merge):
 * the newer revision wins, deletions travel as tombstones, and where two laptops changed the same
 * text the other text stays visible. Merging is idempotent and order-independent. The merged result
 * must keep the session rules (dot budget, participants of this laptop); otherwise nothing changes.
 */
export function importArchive(engine: Engine, content: ArchiveContent, commandId = `import-${randomUUID()}`): ImportReport {
  const workspace = engine.workspace;
  const wsMerge = mergeStream('workspace', engine.recordRows(WORKSPACE_STREAM), content.workspace, (key, id) => (workspace as unknown as Record<string, Record<string, unknown>>)[key]?.[id]);
  const finalEntries = applyChanges(workspace, wsMerge.writes.changes).sessions;
  const report: ImportReport = { programmes: [], sessions: [], conflicts: [] };
  for (const record of content.workspace.filter((r) => r.key === 'programmes' && r.value !== null)) {
    const created = !Object.hasOwn(workspace.programmes, record.id);
    const name = (finalPrograme(engine, wsMerge.writes.changes, record.id) ?? (record.value as { name: string })).name;
    report.programmes.push({ id: record.id, name, created });
  }
  const plan: MergePlan = { workspace: wsMerge.writes, created: [], merged: [], deleted: [] };
  const incomingSessions = new Map(content.sessions.map((session) => [session.id, session.records]));
  for (const entry of content.workspace.filter((record) => record.key === 'sessions')) {
    const id = entry.id;
    const local = engine.session(id);
    const finalMeta = finalEntries[id];
    const entryWrite = wsMerge.writes.changes.findIndex((change) => change.key === 'sessions' && change.id === id);
    if (!finalMeta) {
      if (local) {
        plan.deleted.push(id);
        report.sessions.push({ id, title: local.meta.title, outcome: 'deleted', added: 0, updated: 0, deleted: 1, conflicts: 0 });
      } else if (entry.value !== null) {
        // Said, not silently skipped: a backup, not an archive, brings a deleted session back.
        report.sessions.push({ id, title: (entry.value as { title: string }).title, outcome: 'stays_deleted', added: 0, updated: 0, deleted: 0, conflicts: 0 });
      }
      continue;
    }
    const records = incomingSessions.get(id) ?? [];
    if (!local) {
      const created = createdSession(id, finalMeta, records, entryWrite >= 0 ? (wsMerge.writes.stamps[entryWrite] as RecordStamp) : stampOf(entry));
      checkRules(created.state, null, records, records);
      plan.created.push(created);
      report.sessions.push({ id, title: finalMeta.title, outcome: 'created', added: records.filter((r) => r.value !== null).length, updated: 0, deleted: 0, conflicts: 0 });
      continue;
    }
    const merged = mergeStream('session', engine.recordRows(id), records, (key, recordId) => currentOf(local, key, recordId));
    const stamp = entryWrite >= 0 ? wsMerge.writes.stamps[entryWrite] : undefined;
    if (stamp && JSON.stringify(finalMeta) !== JSON.stringify(local.meta)) {
      merged.writes.changes.push({ key: 'meta', id: null, before: local.meta, after: finalMeta });
      merged.writes.stamps.push(stamp);
    }
    checkRules(applyChanges(local, merged.writes.changes), local, records, merged.effects.map((entry) => entry.record));
    if (merged.writes.changes.length > 0) plan.merged.push({ id, ...merged.writes });
    const conflicts = merged.effects.filter((entry) => entry.effect === 'conflict');
    for (const { record } of conflicts) report.conflicts.push(conflictOf(id, record));
    const visible = merged.effects.filter((entry) => entry.effect !== 'none').length + (stamp ? 1 : 0);
    report.sessions.push({
      id,
      title: finalMeta.title,
      outcome: visible > 0 ? 'merged' : 'unchanged',
      added: count(merged.effects, 'added'),
      updated: count(merged.effects, 'updated'),
      deleted: count(merged.effects, 'deleted'),
      conflicts: conflicts.length,
    });
  }
  const anything = plan.workspace.changes.length + plan.created.length + plan.merged.length + plan.deleted.length > 0;
  if (anything) engine.applyMerge(commandId, plan);
  return report;
}

function finalPrograme(engine: Engine, changes: readonly Change[], id: string): { name: string } | undefined {
  const change = changes.find((c) => c.key === 'programmes' && c.id === id);
  return (change?.after as { name: string } | null | undefined) ?? engine.workspace.programmes[id];
}

function currentOf(state: SessionState, key: string, id: string): unknown {
  const value = (state as unknown as Record<string, unknown>)[key];
  if (id === '' && recordFor('session', key)?.singleton) return value;
  return (value as Record<string, unknown> | undefined)?.[id];
}

function createdSession(id: string, meta: SessionState['meta'], records: readonly StampedRecord[], metaStamp: RecordStamp) {
  const { state, changes } = sessionFromRecords(meta, records);
  const stamps = [...records.filter((record) => recordFor('session', record.key) && record.key !== 'meta').map(stampOf), metaStamp];
  return { id, state, changes, stamps };
}

/**
 * The rules an import must keep, as commands do: no participant over the dot budget, and nothing
 * imported may hang under a participant of this laptop that the archive does not truly share.
 */
function checkRules(result: SessionState, local: SessionState | null, incoming: readonly StampedRecord[], taken: readonly StampedRecord[]): void {
  const archived = new Map(incoming.filter((r) => r.key === 'participants' && r.value !== null).map((r) => [r.id, r.value as { joinedAt: number }]));
  for (const record of taken) {
    if (record.value === null || (record.key !== 'votes' && record.key !== 'notes')) continue;
    const person = record.key === 'votes' ? (record.value as { participantId: string }).participantId : (record.value as { authorId: string | null }).authorId;
    if (person === null) continue;
    const theirs = archived.get(person);
    if (!theirs) throw refused(`een ${record.key === 'votes' ? 'stem' : 'notitie'} hoort bij een deelnemer die niet in het archief staat.`);
    const mine = local?.participants[person];
    if (mine && mine.joinedAt !== theirs.joinedAt) throw refused('het archief zou stemmen of notities aan een deelnemer van deze laptop hangen.');
  }
  const dots = new Map<string, number>();
  const perPoint = new Map<string, number>();
  const { dotsPerParticipant, maxDotsPerItem } = result.settings;
  for (const vote of Object.values(result.votes)) {
    // A session that votes side by side gives every participant the budget on each side's ballot.
    const point = result.attentionPoints[vote.attentionPointId];
    const ballot = `${vote.participantId}/${(point ? ballotOf(result, point) : null) ?? ''}`;
    const total = (dots.get(ballot) ?? 0) + 1;
    dots.set(ballot, total);
    const onPoint = (perPoint.get(`${vote.participantId}/${vote.attentionPointId}`) ?? 0) + 1;
    perPoint.set(`${vote.participantId}/${vote.attentionPointId}`, onPoint);
    if (total > dotsPerParticipant) throw refused(`een deelnemer zou ${total} stippen krijgen, terwijl er ${dotsPerParticipant} mogen.`);
    if (maxDotsPerItem !== null && onPoint > maxDotsPerItem) throw refused(`een deelnemer zou meer dan ${maxDotsPerItem} stippen op één punt krijgen.`);
  }
}

const refused = (message: string) => new ExportError('invalid_archive', `Dit archief is niet ingelezen: ${message}`);

function conflictOf(sessionId: string, record: StampedRecord): ImportedConflict {
  const field = recordFor('session', record.key)?.conflictField ?? 'text';
  const shown = String((record.value as Record<string, unknown>)[field] ?? '');
  return { sessionId, key: record.key, id: record.id, shown, others: visibleConflicts(record, field).map((entry) => entry.text) };
}
