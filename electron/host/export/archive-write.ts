import Database from 'better-sqlite3';
import packageJson from '../../../package.json' with { type: 'json' };
import { toColumns } from '../../../shared/records/define';
import { SCHEMA_VERSION } from '../../../shared/records/index';
import type { StampedRecord } from '../../../shared/records/merge';
import { ARCHIVE_APPLICATION_ID, ARCHIVE_FORMAT, ARCHIVE_SCHEMA_V2, ARCHIVE_SCHEMA_VERSION, ARCHIVE_TABLES_V2, quote } from './archive-schema';

/**
 * What an archive holds: records with their revisions, tombstones included, so that merging it on
 * another laptop can tell an edit or a deletion from something that laptop never had.
 */
export interface ArchiveContent {
  scope: 'session' | 'programme';
  scopeId: string;
  /** Programmes and sessions-list entries (a session's deletion is its entry's tombstone). */
  workspace: StampedRecord[];
  /** The records of each session that exists. */
  sessions: { id: string; records: StampedRecord[] }[];
}

/**
 * Builds the archive in memory and returns the bytes of the SQLite file: the caller writes them
 * to disk (atomically) or sends them over HTTP. Nothing half-written ever lands anywhere.
 */
export function writeArchive(content: ArchiveContent, now: Date = new Date()): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${ARCHIVE_APPLICATION_ID}`);
    db.pragma(`user_version = ${ARCHIVE_SCHEMA_VERSION}`);
    db.exec(ARCHIVE_SCHEMA_V2);
    db.transaction(() => {
      db.prepare('INSERT INTO archive VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        ARCHIVE_SCHEMA_VERSION,
        ARCHIVE_FORMAT,
        now.toISOString(),
        `Eiland ${packageJson.version}`,
        content.scope,
        content.scopeId,
        SCHEMA_VERSION,
      );
      const inserts = new Map(
        ARCHIVE_TABLES_V2.map((table) => {
          const columns = [...table.keys, 'rev', 'vv', 'deleted', ...table.fields.map((field) => field.column)];
          const sql = `INSERT INTO ${table.table} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
          return [table.record.key, { table, statement: db.prepare(sql) }];
        }),
      );
      const write = (sessionId: string | null, record: StampedRecord) => {
        const target = inserts.get(record.key);
        if (!target) return;
        const keys = target.table.keys.map((key) => (key === 'session_id' ? sessionId : record.id));
        const value = (record.value ?? record.kept ?? {}) as Record<string, unknown>;
        const deleted = record.value === null ? 1 : 0;
        target.statement.run(...keys, record.rev, JSON.stringify(record.vv), deleted, ...toColumns(target.table.fields, value));
      };
      for (const record of content.workspace) write(null, record);
      for (const session of content.sessions) for (const record of session.records) write(session.id, record);
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}
