import Database from 'better-sqlite3';
import { z } from 'zod';
import type { SessionState } from '../../../shared/domain';
import { fromColumns, migrateStored } from '../../../shared/records/define';
import { conflictsFieldSchema } from '../../../shared/records/fields';
import { recordFor, SCHEMA_VERSION } from '../../../shared/records/index';
import type { StampedRecord } from '../../../shared/records/merge';
import { isDeviceId, isRevision, ORIGIN_REVISION } from '../../../shared/records/revision';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { ARCHIVE_LIMITS } from './archive-limits';
import { readArchiveV1 } from './archive-read-v1';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_SCHEMA_V1,
  ARCHIVE_SCHEMA_V2,
  ARCHIVE_SCHEMA_V2_BEFORE_THEMES,
  ARCHIVE_SCHEMA_VERSION,
  ARCHIVE_TABLES_V2,
  ARCHIVE_TABLES_V2_BEFORE_THEMES,
  type ArchiveTable,
  quote,
} from './archive-schema';
import type { ArchiveContent } from './archive-write';
import { ExportError } from './errors';

/**
 * Reads an archive file (bytes) into records. The file comes from elsewhere, so it is untrusted:
 * it is opened read-only in memory; its whole schema must be exactly the one this Eiland writes
 * for its version (no triggers, views, generated or extra columns: nothing in it can run); its row
 * counts are checked against ARCHIVE_LIMITS before rows are read; rows are read by explicit
 * columns; and every value passes its record's schema, the same one commands are held to.
 */
const invalid = (message: string) => new ExportError('invalid_archive', `Het archief klopt niet: ${message}`);
const notAnArchive = () => new ExportError('unreadable_archive', 'Dit bestand is geen Eiland-archief.');

const schemaCache = new Map<string, string>();

/** The schema as SQLite keeps it after running our own CREATE statements, to compare with a file's. */
function expectedSchema(sql: string): string {
  const cached = schemaCache.get(sql);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    db.exec(sql);
    const text = schemaOf(db);
    schemaCache.set(sql, text);
    return text;
  } finally {
    db.close();
  }
}

function schemaOf(db: Database.Database): string {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();
  return JSON.stringify(rows);
}

/**
 * The tables of a version-2 file as it has them: as this Eiland writes them, or as before programme
 * themes (archive-schema.ts); any other schema is refused.
 */
function layoutOf(db: Database.Database, version: number): readonly ArchiveTable[] {
  const schema = schemaOf(db);
  if (version === 1) {
    if (schema === expectedSchema(ARCHIVE_SCHEMA_V1)) return [];
  } else if (schema === expectedSchema(ARCHIVE_SCHEMA_V2)) {
    return ARCHIVE_TABLES_V2;
  } else if (schema === expectedSchema(ARCHIVE_SCHEMA_V2_BEFORE_THEMES)) {
    return ARCHIVE_TABLES_V2_BEFORE_THEMES;
  }
  throw invalid('de tabellen zijn niet die van een Eiland-archief (er is iets toegevoegd of veranderd).');
}

function checkHeader(db: Database.Database): { version: number; scope: 'session' | 'programme'; scopeId: string; layout: readonly ArchiveTable[] } {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'archive'").all();
  if (tables.length === 0) throw notAnArchive();
  const header = db.prepare('SELECT schema_version, format, scope, scope_id FROM archive').get() as
    | { schema_version: unknown; format: unknown; scope: unknown; scope_id: unknown }
    | undefined;
  if (!header || header.format !== ARCHIVE_FORMAT) throw notAnArchive();
  if (typeof header.schema_version !== 'number' || !Number.isInteger(header.schema_version) || header.schema_version < 1) throw notAnArchive();
  if (header.schema_version > ARCHIVE_SCHEMA_VERSION) {
    throw new ExportError('unsupported_archive', 'Dit archief is gemaakt met een nieuwere versie van Eiland. Werk Eiland eerst bij.');
  }
  const layout = layoutOf(db, header.schema_version);
  if (header.schema_version >= 2) {
    // Records of a newer shape than this Eiland knows would be refused one by one; say why at once.
    const records = (db.prepare('SELECT records_version FROM archive').get() as { records_version: unknown } | undefined)?.records_version;
    if (typeof records !== 'number' || records > SCHEMA_VERSION) {
      throw new ExportError('unsupported_archive', 'Dit archief is gemaakt met een nieuwere versie van Eiland. Werk Eiland eerst bij.');
    }
  }
  const scope = header.scope === 'programme' ? 'programme' : 'session';
  return { version: header.schema_version, scope, scopeId: typeof header.scope_id === 'string' ? header.scope_id : '', layout };
}

/** Opens archive bytes; throws an ExportError with a plain Dutch message when they are not one. */
export function readArchive(bytes: Buffer): ArchiveContent {
  if (bytes.length > ARCHIVE_LIMITS.bytes) {
    throw new ExportError('too_large', `Dit archief is groter dan ${ARCHIVE_LIMITS.bytes / 1024 / 1024} MB; zo groot kan Eiland het niet inlezen.`);
  }
  let db: Database.Database;
  try {
    db = new Database(bytes, { readonly: true });
  } catch {
    throw notAnArchive();
  }
  try {
    // Nothing in a file from elsewhere may call functions of this program.
    db.pragma('trusted_schema = OFF');
    let header: ReturnType<typeof checkHeader>;
    try {
      header = checkHeader(db);
    } catch (error) {
      if (error instanceof ExportError) throw error;
      throw notAnArchive();
    }
    checkCounts(db, header.version, header.layout);
    const records = header.version === 1 ? recordsOfV1(db) : recordsOfV2(db, header.layout);
    return { scope: header.scope, scopeId: header.scopeId, ...records };
  } catch (error) {
    if (error instanceof ExportError) throw error;
    throw new ExportError('unreadable_archive', 'Dit archief is beschadigd en kan niet worden gelezen.');
  } finally {
    db.close();
  }
}

function count(db: Database.Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number }).n;
}

function checkCounts(db: Database.Database, version: number, layout: readonly ArchiveTable[]): void {
  const sessions = count(db, 'SELECT count(*) AS n FROM session');
  if (sessions > ARCHIVE_LIMITS.sessions) throw invalid(`er staan ${sessions} sessies in; een archief mag er hoogstens ${ARCHIVE_LIMITS.sessions} hebben.`);
  const tables = version === 1 ? ['programme', 'session', 'zone', 'participant', 'cluster', 'note', 'observation', 'attention_point', 'ingredient', 'other_point', 'vote'] : layout.map((t) => t.table);
  for (const table of tables) {
    const rows = count(db, `SELECT count(*) AS n FROM ${table}`);
    if (rows > ARCHIVE_LIMITS.rowsPerTable) throw invalid(`de tabel ${table} heeft ${rows} rijen; hoogstens ${ARCHIVE_LIMITS.rowsPerTable} mogen.`);
  }
  const most = (table: string) => count(db, `SELECT coalesce(max(c), 0) AS n FROM (SELECT count(*) AS c FROM ${table} GROUP BY session_id)`);
  const participants = most('participant');
  if (participants > ARCHIVE_LIMITS.participantsPerSession) {
    throw invalid(`een sessie heeft ${participants} deelnemers; hoogstens ${ARCHIVE_LIMITS.participantsPerSession} mogen.`);
  }
  const notes = most('note');
  if (notes > ARCHIVE_LIMITS.notesPerSession) throw invalid(`een sessie heeft ${notes} notities; hoogstens ${ARCHIVE_LIMITS.notesPerSession} mogen.`);
}

const vectorSchema = z.record(z.string().refine(isDeviceId), z.string().refine(isRevision)).refine((vv) => Object.keys(vv).length <= 64);

function readTable(db: Database.Database, table: ArchiveTable, sessionIds: ReadonlySet<string> | null): { sessionId: string | null; record: StampedRecord }[] {
  const columns = [...table.keys, 'rev', 'vv', 'deleted', ...table.fields.map((field) => field.column)];
  const rows = db.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${table.table} ORDER BY ${table.keys.map(quote).join(', ')}`).all() as Record<string, unknown>[];
  const what = `tabel ${table.table}`;
  return rows.map((row) => {
    const sessionId = table.keys.includes('session_id') ? String(row.session_id) : null;
    if (sessionIds && sessionId !== null && !sessionIds.has(sessionId)) throw invalid(`${what} noemt een sessie die er niet in staat.`);
    if (typeof row.rev !== 'string' || !isRevision(row.rev)) throw invalid(`${what}: een revisie klopt niet.`);
    const vv = vectorSchema.safeParse(parseJson(row.vv));
    if (!vv.success) throw invalid(`${what}: een versievector klopt niet.`);
    if (row.deleted !== 0 && row.deleted !== 1) throw invalid(`${what}: de kolom deleted is 0 of 1.`);
    const value = fromColumns(table.fields, row);
    const id = table.keys.includes('id') ? String(row.id) : '';
    if (table.keys.includes('id')) value.id = id;
    const { record } = table;
    if (row.deleted === 1) {
      const kept: Record<string, unknown> = {};
      for (const field of record.tombstoneFields ?? []) kept[field] = value[field] ?? null;
      if (record.conflictField && value.conflicts !== undefined) {
        const conflicts = conflictsFieldSchema.safeParse(value.conflicts);
        if (!conflicts.success) throw invalid(`${what}, rij ${id}, veld conflicts.`);
        kept.conflicts = conflicts.data;
      }
      return { sessionId, record: { key: record.key, id, value: null, kept, rev: row.rev, vv: vv.data } };
    }
    const parsed = record.schema.safeParse(value);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || '?';
      throw invalid(`${what}, rij ${id || sessionId}, veld ${field}.`);
    }
    return { sessionId, record: { key: record.key, id, value: parsed.data, kept: null, rev: row.rev, vv: vv.data } };
  });
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function recordsOfV2(db: Database.Database, layout: readonly ArchiveTable[]): Omit<ArchiveContent, 'scope' | 'scopeId'> {
  const workspace: StampedRecord[] = [];
  for (const table of layout.filter((t) => t.record.scope !== 'session')) workspace.push(...readTable(db, table, null).map((row) => row.record));
  const live = workspace.filter((record) => record.key === 'sessions' && record.value !== null).map((record) => record.id);
  if (live.includes(WORKSPACE_STREAM)) throw invalid(`een sessie heeft de gereserveerde id "${WORKSPACE_STREAM}".`);
  const sessions = new Map(live.map((id) => [id, [] as StampedRecord[]]));
  for (const table of layout.filter((t) => t.record.scope === 'session')) {
    for (const { sessionId, record } of readTable(db, table, new Set(live))) sessions.get(sessionId as string)?.push(record);
  }
  for (const [id, records] of sessions) {
    for (const key of ['settings', 'template', 'flow', 'timer']) {
      if (!records.some((record) => record.key === key && record.value !== null)) throw invalid(`sessie ${id} mist ${key}.`);
    }
  }
  return { workspace, sessions: [...sessions].map(([id, records]) => ({ id, records })) };
}

/** A version-1 archive has no revisions: its records are older than any change (they only fill gaps). */
function recordsOfV1(db: Database.Database): Omit<ArchiveContent, 'scope' | 'scopeId'> {
  const { programmes, sessions } = readArchiveV1(db);
  const stamp = (kind: 'workspace' | 'session', key: string, id: string, value: object): StampedRecord => {
    const record = recordFor(kind, key);
    const current = record ? (migrateStored(record, value, 1) as object) : value;
    return { key, id, value: current, kept: null, rev: ORIGIN_REVISION, vv: {} };
  };
  const known = new Set(programmes.map((programme) => programme.id));
  const workspace = programmes.map((programme) => stamp('workspace', 'programmes', programme.id, programme));
  const out: ArchiveContent['sessions'] = [];
  for (const state of sessions) {
    // A programme that is not in the file cannot be pointed at: the session stands alone (as version 1 did).
    const programmeId = state.meta.programmeId !== null && known.has(state.meta.programmeId) ? state.meta.programmeId : null;
    workspace.push(stamp('workspace', 'sessions', state.meta.id, { ...state.meta, programmeId }));
    out.push({ id: state.meta.id, records: recordsOfState(state, (key, id, value) => stamp('session', key, id, value)) });
  }
  return { workspace, sessions: out };
}

/** A session state as records (the meta copy excluded: the sessions-list entry carries it). */
export function recordsOfState(state: SessionState, stamp: (key: string, id: string, value: object) => StampedRecord): StampedRecord[] {
  const records: StampedRecord[] = [];
  for (const [key, value] of Object.entries(state)) {
    if (key === 'meta') continue;
    const record = recordFor('session', key);
    if (!record) continue;
    if (record.singleton) records.push(stamp(key, '', value as object));
    else for (const [id, item] of Object.entries(value as Record<string, object>)) records.push(stamp(key, id, item));
  }
  return records;
}
