import { randomInt } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { makeRevision, newDeviceId } from '../../../shared/records/revision';

interface Migration {
  version: number;
  name: string;
  /** Plain SQL, or a step that needs values only the program can make (a device id, the time). */
  sql?: string;
  run?: (db: Database, now: number) => void;
}

/**
 * Numbered schema migrations. Each runs once, in order, in its own transaction; the version is
 * kept in `PRAGMA user_version`. Never edit a migration that has shipped: add the next one.
 *
 * The model: a stream is the workspace or one session. `entities` holds the current state of every
 * stream (one row per entity, singletons under id ''), `events` is the append-only log of accepted
 * commands with their changes, in sequence order per stream.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams, entities and the event log',
    sql: `
      CREATE TABLE streams (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('workspace', 'session')),
        seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE entities (
        stream TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (stream, key, id)
      ) WITHOUT ROWID;
      CREATE TABLE events (
        stream TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        command_id TEXT NOT NULL,
        type TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        at INTEGER NOT NULL,
        changes TEXT NOT NULL,
        PRIMARY KEY (stream, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'command ids are unique, so a retried command is found and acknowledged again',
    sql: `CREATE UNIQUE INDEX events_command_id ON events (command_id);`,
  },
  {
    version: 3,
    name: 'rooms and participant tokens, so phones stay joined when the host restarts',
    sql: `
      CREATE TABLE rooms (
        session_id TEXT PRIMARY KEY REFERENCES streams(id) ON DELETE CASCADE,
        join_code TEXT NOT NULL UNIQUE,
        open INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE participant_tokens (
        token_hash TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'records carry a revision, a version vector and their stored version; deletions leave tombstones',
    run(db, now) {
      // This database's own device id: every revision it stamps ends in it (shared/records/revision.ts).
      const device = newDeviceId(() => randomInt(36) / 36);
      db.exec(`
        CREATE TABLE device (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
        CREATE TABLE entities_v4 (
          stream TEXT NOT NULL REFERENCES streams(id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          id TEXT NOT NULL,
          data TEXT NOT NULL,
          deleted INTEGER NOT NULL DEFAULT 0,
          v INTEGER NOT NULL DEFAULT 1,
          rev TEXT NOT NULL,
          vv TEXT NOT NULL,
          clock INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (stream, key, id)
        ) WITHOUT ROWID;
        CREATE INDEX entities_clock ON entities_v4 (clock);
      `);
      db.prepare('INSERT INTO device (id, created_at) VALUES (?, ?)').run(device, now);
      // What was stored before had no revisions: it is stamped once, as this device's, at upgrade time.
      const rev = makeRevision(now, 0, device);
      db.prepare('INSERT INTO entities_v4 (stream, key, id, data, rev, vv) SELECT stream, key, id, data, ?, ? FROM entities').run(rev, JSON.stringify({ [device]: rev }));
      db.exec('DROP TABLE entities; ALTER TABLE entities_v4 RENAME TO entities;');
    },
  },
  {
    version: 5,
    name: 'a closed room ends its tokens but remembers them, so a phone joining again stays the same participant',
    sql: 'ALTER TABLE participant_tokens ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;',
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Brings the database to the latest version; returns the versions it applied. */
export function migrate(db: Database, upTo = LATEST_VERSION, now = Date.now()): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`Database schema ${current} is newer than this Eiland (${LATEST_VERSION}); update Eiland`);
  }
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      if (migration.sql) db.exec(migration.sql);
      migration.run?.(db, now);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
