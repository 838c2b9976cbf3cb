import type { Database, Statement } from 'better-sqlite3';
import type { Change } from '../../../shared/changes';

export type StreamKind = 'workspace' | 'session';

export interface StoredEvent {
  stream: string;
  seq: number;
  commandId: string;
  type: string;
  changes: Change[];
}

export interface AppendInput {
  stream: string;
  seq: number;
  commandId: string;
  type: string;
  role: string;
  at: number;
  changes: readonly Change[];
}

/** Singletons are stored under this id, so one table holds every entity of a stream. */
const SINGLETON_ID = '';

/**
 * The durable side of the engine: state rows and the event log, always written together in one
 * transaction, so what is acknowledged is on disk and what is on disk is consistent.
 */
export class EventStore {
  private readonly statements: {
    insertEvent: Statement;
    upsertEntity: Statement;
    deleteEntity: Statement;
    setSeq: Statement;
    findCommand: Statement;
    eventsSince: Statement;
    entities: Statement;
    stream: Statement;
    streamsOfKind: Statement;
  };

  constructor(private readonly db: Database) {
    this.statements = {
      insertEvent: db.prepare(
        'INSERT INTO events (stream, seq, command_id, type, actor_role, at, changes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      upsertEntity: db.prepare(
        'INSERT INTO entities (stream, key, id, data) VALUES (?, ?, ?, ?) ON CONFLICT (stream, key, id) DO UPDATE SET data = excluded.data',
      ),
      deleteEntity: db.prepare('DELETE FROM entities WHERE stream = ? AND key = ? AND id = ?'),
      setSeq: db.prepare('UPDATE streams SET seq = ? WHERE id = ?'),
      findCommand: db.prepare('SELECT stream, seq FROM events WHERE command_id = ?'),
      eventsSince: db.prepare(
        'SELECT stream, seq, command_id AS commandId, type, changes FROM events WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      entities: db.prepare('SELECT key, id, data FROM entities WHERE stream = ?'),
      stream: db.prepare('SELECT id, kind, seq FROM streams WHERE id = ?'),
      streamsOfKind: db.prepare('SELECT id FROM streams WHERE kind = ?'),
    };
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

  /** Rebuilds a stream's state from its rows: singletons become fields, the rest id-keyed records. */
  loadState<S extends object>(stream: string, empty: S, collections: readonly string[]): S {
    const state = { ...empty } as Record<string, unknown>;
    for (const key of collections) state[key] = {};
    const rows = this.statements.entities.all(stream) as { key: string; id: string; data: string }[];
    for (const row of rows) {
      const value: unknown = JSON.parse(row.data);
      if (row.id === SINGLETON_ID) state[row.key] = value;
      else (state[row.key] as Record<string, unknown>)[row.id] = value;
    }
    return state as S;
  }

  /** Writes every entity of a state, e.g. a new or duplicated session. */
  writeState(stream: string, state: object, collections: readonly string[]): void {
    for (const [key, value] of Object.entries(state)) {
      if (collections.includes(key)) {
        for (const [id, entity] of Object.entries(value as object)) {
          this.statements.upsertEntity.run(stream, key, id, JSON.stringify(entity));
        }
      } else {
        this.statements.upsertEntity.run(stream, key, SINGLETON_ID, JSON.stringify(value));
      }
    }
  }

  applyChanges(stream: string, changes: readonly Change[]): void {
    for (const change of changes) {
      const id = change.id ?? SINGLETON_ID;
      if (change.after === null) this.statements.deleteEntity.run(stream, change.key, id);
      else this.statements.upsertEntity.run(stream, change.key, id, JSON.stringify(change.after));
    }
  }

  /** Appends one event and its state changes. Call inside a transaction (see Engine). */
  append(input: AppendInput): void {
    this.statements.insertEvent.run(
      input.stream,
      input.seq,
      input.commandId,
      input.type,
      input.role,
      input.at,
      JSON.stringify(input.changes),
    );
    this.applyChanges(input.stream, input.changes);
    this.statements.setSeq.run(input.seq, input.stream);
  }

  findCommand(commandId: string): { stream: string; seq: number } | undefined {
    return this.statements.findCommand.get(commandId) as { stream: string; seq: number } | undefined;
  }

  eventsSince(stream: string, seq: number, limit: number): StoredEvent[] {
    const rows = this.statements.eventsSince.all(stream, seq, limit) as (Omit<StoredEvent, 'changes'> & { changes: string })[];
    return rows.map((row) => ({ ...row, changes: JSON.parse(row.changes) as Change[] }));
  }

  sessionIds(): string[] {
    return (this.statements.streamsOfKind.all('session') as { id: string }[]).map((row) => row.id);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
