import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../../shared/changes';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { migrateStored, type RecordDefinition } from '../../../shared/records/define';
import { recordFor } from '../../../shared/records/index';
import type { StampedRecord } from '../../../shared/records/merge';
import { advanceVector, HybridClock, type Revision, type VersionVector } from '../../../shared/records/revision';

export type StreamKind = 'workspace' | 'session';

export interface StoredEvent {
  stream: string;
  seq: number;
  commandId: string;
  type: string;
  changes: Change[];
}

/** A revision brought in from elsewhere (an archive): written as it is, never stamped anew. */
export interface RecordStamp {
  rev: Revision;
  vv: VersionVector;
  /** For a tombstone: the fields it keeps, as the archive had them. */
  kept?: Record<string, unknown> | null;
}

export interface AppendInput {
  stream: string;
  seq: number;
  commandId: string;
  type: string;
  role: string;
  at: number;
  changes: readonly Change[];
  /** Per change, the revision it already has; absent: the change is this device's and is stamped now. */
  stamps?: readonly (RecordStamp | undefined)[];
}

/** One stored record with its revision; `value` null is a tombstone (`kept` holds its tombstone fields). */
export type RecordRow = StampedRecord;

/** Singletons are stored under this id, so one table holds every entity of a stream. */
const SINGLETON_ID = '';

const kindOf = (stream: string): StreamKind => (stream === WORKSPACE_STREAM ? 'workspace' : 'session');

/**
 * The durable side of the engine: record rows and the event log, always written together in one
 * transaction, so what is acknowledged is on disk and what is on disk is consistent.
 *
 * Every write stamps the record with a revision of this device's clock and advances its version
 * vector; a deletion leaves a tombstone row, so a merge on another laptop can tell "deleted here"
 * from "never seen here". `clock` numbers the writes of this database: a later sync can ask for
 * everything that changed here since a given number.
 */
export class EventStore {
  private readonly statements: {
    insertEvent: Statement;
    upsertEntity: Statement;
    entityStamp: Statement;
    setSeq: Statement;
    findCommand: Statement;
    eventsSince: Statement;
    recentEvents: Statement;
    entities: Statement;
    allEntities: Statement;
    stream: Statement;
    streamsOfKind: Statement;
  };
  readonly revisions: HybridClock;
  private writeClock: number;

  constructor(private readonly db: Database) {
    this.statements = {
      insertEvent: db.prepare(
        'INSERT INTO events (stream, seq, command_id, type, actor_role, at, changes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertEntity: db.prepare(
        `INSERT INTO entities (stream, key, id, data, deleted, v, rev, vv, clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stream, key, id) DO UPDATE SET data = excluded.data, deleted = excluded.deleted, v = excluded.v,
           rev = excluded.rev, vv = excluded.vv, clock = excluded.clock`,
      ),
      entityStamp: db.prepare('SELECT rev, vv FROM entities WHERE stream = ? AND key = ? AND id = ?'),
      setSeq: db.prepare('UPDATE streams SET seq = ? WHERE id = ?'),
      findCommand: db.prepare('SELECT stream, seq FROM events WHERE command_id = ?'),
      eventsSince: db.prepare(
        'SELECT stream, seq, command_id AS commandId, type, changes FROM events WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      recentEvents: db.prepare(
        'SELECT type, role, changes FROM (SELECT seq, type, actor_role AS role, changes FROM events WHERE stream = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
      ),
      entities: db.prepare('SELECT key, id, data, v FROM entities WHERE stream = ? AND deleted = 0'),
      allEntities: db.prepare('SELECT key, id, data, deleted, v, rev, vv FROM entities WHERE stream = ? ORDER BY key, id'),
      stream: db.prepare('SELECT id, kind, seq FROM streams WHERE id = ?'),
      streamsOfKind: db.prepare('SELECT id FROM streams WHERE kind = ?'),
    };
    const device = (db.prepare('SELECT id FROM device').get() as { id: string } | undefined)?.id;
    if (!device) throw new Error('The database has no device id; it was not migrated');
    const newest = (db.prepare('SELECT max(rev) AS rev FROM entities').get() as { rev: string | null }).rev;
    this.revisions = new HybridClock(device, newest);
    this.writeClock = (db.prepare('SELECT max(clock) AS clock FROM entities').get() as { clock: number | null }).clock ?? 0;
  }

  get deviceId(): string {
    return this.revisions.device;
  }

  stream(id: string): { id: string; kind: StreamKind; seq: number } | undefined {
    return this.statements.stream.get(id) as { id: string; kind: StreamKind; seq: number } | undefined;
  }

  createStream(id: string, kind: StreamKind): void {
    this.db.prepare('INSERT INTO streams (id, kind, seq) VALUES (?, ?, 0)').run(id, kind);
  }

  deleteStream(id: string): void {
    this.db.prepare('DELETE FROM streams WHERE id = ?').run(id);
  }

  /**
   * Rebuilds a stream's state from its rows: singletons become fields, the rest id-keyed records.
   * A row stored in an older shape is brought to the current one as it is read.
   */
  loadState<S extends object>(stream: string, empty: S, collections: readonly string[]): S {
    const state = { ...empty } as Record<string, unknown>;
    for (const key of collections) state[key] = {};
    const kind = kindOf(stream);
    const rows = this.statements.entities.all(stream) as { key: string; id: string; data: string; v: number }[];
    for (const row of rows) {
      const record = recordFor(kind, row.key);
      let value: unknown = JSON.parse(row.data);
      if (record && row.v < record.version) value = migrateStored(record, value, row.v);
      if (row.id === SINGLETON_ID) state[row.key] = value;
      else (state[row.key] as Record<string, unknown>)[row.id] = value;
    }
    return state as S;
  }

  /** Writes every entity of a state, e.g. a new or duplicated session, stamped as this device's. */
  writeState(stream: string, state: object, collections: readonly string[], at: number): void {
    const rev = this.revisions.next(at);
    const changes: Change[] = [];
    for (const [key, value] of Object.entries(state)) {
      if (!collections.includes(key)) changes.push({ key, id: null, before: null, after: value });
      else for (const [id, entity] of Object.entries(value as object)) changes.push({ key, id, before: null, after: entity });
    }
    this.writeChanges(stream, changes, rev);
  }

  /** Every record of a stream with its revision, tombstones included (archives and merges). */
  recordRows(stream: string): RecordRow[] {
    const rows = this.statements.allEntities.all(stream) as { key: string; id: string; data: string; deleted: number; v: number; rev: string; vv: string }[];
    const kind = kindOf(stream);
    return rows.map((row) => {
      const record = recordFor(kind, row.key);
      const parsed: unknown = JSON.parse(row.data);
      const value = (row.deleted === 1 ? null : record && row.v < record.version ? migrateStored(record, parsed, row.v) : parsed) as object | null;
      return { key: row.key, id: row.id, value, kept: row.deleted === 1 ? (parsed as Record<string, unknown>) : null, rev: row.rev, vv: JSON.parse(row.vv) as VersionVector };
    });
  }

  /** Appends one event and its record changes. Call inside a transaction (see Engine). */
  append(input: AppendInput): void {
    this.statements.insertEvent.run(input.stream, input.seq, input.commandId, input.type, input.role, input.at, JSON.stringify(input.changes));
    this.writeChanges(input.stream, input.changes, input.stamps ? null : this.revisions.next(input.at), input.stamps);
    this.statements.setSeq.run(input.seq, input.stream);
  }

  /** Writes records that already have their revisions (a new stream from an archive), with no event. */
  writeStamped(stream: string, changes: readonly Change[], stamps: readonly RecordStamp[]): void {
    this.writeChanges(stream, changes, null, stamps);
  }

  private writeChanges(stream: string, changes: readonly Change[], rev: Revision | null, stamps?: readonly (RecordStamp | undefined)[]): void {
    const kind = kindOf(stream);
    for (const [index, change] of changes.entries()) {
      const id = change.id ?? SINGLETON_ID;
      const record = recordFor(kind, change.key);
      let stamp = stamps?.[index];
      if (!stamp) {
        const own = rev ?? this.revisions.next(Date.now());
        const current = this.statements.entityStamp.get(stream, change.key, id) as { rev: string; vv: string } | undefined;
        stamp = { rev: own, vv: advanceVector(current ? (JSON.parse(current.vv) as VersionVector) : {}, own) };
      }
      const deleted = change.after === null;
      const data = JSON.stringify(deleted ? (stamp.kept ?? tombstoneOf(record, change.before)) : change.after);
      this.writeClock += 1;
      this.statements.upsertEntity.run(stream, change.key, id, data, deleted ? 1 : 0, record?.version ?? 1, stamp.rev, JSON.stringify(stamp.vv), this.writeClock);
    }
  }

  findCommand(commandId: string): { stream: string; seq: number } | undefined {
    return this.statements.findCommand.get(commandId) as { stream: string; seq: number } | undefined;
  }

  eventsSince(stream: string, seq: number, limit: number): StoredEvent[] {
    const rows = this.statements.eventsSince.all(stream, seq, limit) as (Omit<StoredEvent, 'changes'> & { changes: string })[];
    return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Change[] }));
  }

  /** A stream's last `limit` events, oldest first, with who sent them (for the undo history). */
  recentEvents(stream: string, limit: number): { type: string; role: string; changes: Change[] }[] {
    const rows = this.statements.recentEvents.all(stream, limit) as { type: string; role: string; changes: string }[];
    return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Change[] }));
  }

  sessionIds(): string[] {
    return (this.statements.streamsOfKind.all('session') as { id: string }[]).map((row) => row.id);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}

/** What a tombstone keeps of the deleted value: only the fields its record names, never text. */
export function tombstoneOf(record: RecordDefinition | undefined, before: unknown): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  if (!record?.tombstoneFields || before === null || typeof before !== 'object') return kept;
  for (const field of record.tombstoneFields) kept[field] = (before as Record<string, unknown>)[field] ?? null;
  return kept;
}
