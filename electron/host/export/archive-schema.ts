import { archiveColumns, type ArchiveColumn, type RecordDefinition } from '../../../shared/records/define';
import { ARCHIVED_RECORDS } from '../../../shared/records/index';

/**
 * The archive file: one standalone SQLite file with plain tables, readable with any SQLite tool
 * and documented in docs/archive-format.md. It is a stable exchange format, separate from the
 * app's own database (whose layout may change), and says its version in `archive.schema_version`.
 *
 * Version 2 onwards is derived from the record declarations (shared/records/): one table per record
 * type, one column per field, and per row its revision, version vector and whether it is a
 * tombstone. The current version is written; earlier derived ones are read by their frozen layout
 * (archive-schema-frozen.ts), and version 1 (hand-written below) is still read.
 */
export const ARCHIVE_FORMAT = 'eiland-archive';
/**
 * 4: a template keeps the sides set aside while a session works per theme (its zones may be zones
 * of the whole session); versions 2 and 3 are read by their frozen layouts.
 */
export const ARCHIVE_SCHEMA_VERSION = 4;
/** SQLite's application_id header field: "EILA", so file tools can tell an Eiland archive. */
export const ARCHIVE_APPLICATION_ID = 0x45494c41;

export const ARCHIVE_SCHEMA_V1 = `
CREATE TABLE archive (
  schema_version INTEGER NOT NULL,
  format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('session', 'programme')),
  scope_id TEXT NOT NULL
);
CREATE TABLE programme (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE session (
  id TEXT PRIMARY KEY,
  programme_id TEXT,
  title TEXT NOT NULL,
  group_name TEXT NOT NULL,
  date TEXT NOT NULL,
  facilitator TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  template_id TEXT NOT NULL,
  template_name TEXT NOT NULL,
  figure TEXT NOT NULL,
  background TEXT,
  dots_per_participant INTEGER NOT NULL,
  max_dots_per_item INTEGER,
  anonymous INTEGER NOT NULL,
  hide_notes_until_reveal INTEGER NOT NULL,
  moderation INTEGER,
  flow TEXT NOT NULL,
  timer TEXT NOT NULL
);
CREATE TABLE zone (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  question TEXT NOT NULL,
  area_x REAL NOT NULL,
  area_y REAL NOT NULL,
  area_rx REAL NOT NULL,
  area_ry REAL NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE participant (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  name TEXT,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE cluster (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  title TEXT NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE note (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  zone_id TEXT NOT NULL,
  cluster_id TEXT,
  text TEXT NOT NULL,
  x REAL NOT NULL,
  y REAL NOT NULL,
  color TEXT,
  author_id TEXT,
  author_name TEXT,
  created_at INTEGER NOT NULL,
  pending INTEGER,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE observation (
  session_id TEXT NOT NULL REFERENCES session(id),
  zone_id TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (session_id, zone_id)
);
CREATE TABLE attention_point (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  zone_id TEXT,
  title TEXT NOT NULL,
  position INTEGER NOT NULL,
  chosen INTEGER NOT NULL,
  theme_key TEXT,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE ingredient (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  attention_point_id TEXT NOT NULL,
  text TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE other_point (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  zone_id TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE vote (
  session_id TEXT NOT NULL REFERENCES session(id),
  id TEXT NOT NULL,
  attention_point_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE VIEW attention_point_dots AS
  SELECT p.session_id, p.id AS attention_point_id, p.zone_id, p.title, p.theme_key, p.chosen, count(v.id) AS dots
  FROM attention_point p
  LEFT JOIN vote v ON v.session_id = p.session_id AND v.attention_point_id = p.id
  GROUP BY p.session_id, p.id;
`;

const HEADER_V2 = `CREATE TABLE archive (
  schema_version INTEGER NOT NULL,
  format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('session', 'programme')),
  scope_id TEXT NOT NULL,
  records_version INTEGER NOT NULL
)`;

const SQL_TYPES = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', json: 'TEXT' } as const;

/** How one record type lies in an archive: its table, key columns and field columns. */
export interface ArchiveTable {
  record: RecordDefinition;
  table: string;
  /** The columns that say which row it is: `session_id` and/or `id`. */
  keys: string[];
  /** The record's fields; for a collection, its `id` field is the `id` key column. */
  fields: ArchiveColumn[];
}

export function archiveTableOf(record: RecordDefinition): ArchiveTable {
  const keys = [...(record.scope === 'session' ? ['session_id'] : []), ...(record.singleton ? [] : ['id'])];
  const fields = archiveColumns(record).filter((column) => !keys.includes(column.column));
  return { record, table: record.table as string, keys, fields };
}

export const ARCHIVE_TABLES_V2: readonly ArchiveTable[] = ARCHIVED_RECORDS.map(archiveTableOf);

/** Column names come from field names; quoted, so a field may be called `group` or `order`. */
export const quote = (name: string) => `"${name}"`;

/** Every field column is nullable: a tombstone keeps only what its record names (never text). */
function tableSql({ table, keys, fields }: ArchiveTable): string {
  const lines = [
    ...keys.map((key) => `  ${quote(key)} TEXT NOT NULL`),
    '  rev TEXT NOT NULL',
    '  vv TEXT NOT NULL',
    '  deleted INTEGER NOT NULL',
    ...fields.map((column) => `  ${quote(column.column)} ${SQL_TYPES[column.kind]}`),
    `  PRIMARY KEY (${keys.map(quote).join(', ')})`,
  ];
  return `CREATE TABLE ${table} (\n${lines.join(',\n')}\n)`;
}

/** A convenience for anyone who opens the file: the dots per attention point, tombstones left out. */
const RANKING_VIEW_V2 = `CREATE VIEW attention_point_dots AS
  SELECT p.session_id, p.id AS attention_point_id, p.zone_id, p.title, p.theme_key, p.chosen, count(v.id) AS dots
  FROM attention_point p
  LEFT JOIN vote v ON v.session_id = p.session_id AND v.attention_point_id = p.id AND v.deleted = 0
  WHERE p.deleted = 0
  GROUP BY p.session_id, p.id`;

const schemaOf = (tables: readonly ArchiveTable[]) => [HEADER_V2, ...tables.map(tableSql), RANKING_VIEW_V2].map((statement) => `${statement};`).join('\n');

export const ARCHIVE_SCHEMA_V2 = schemaOf(ARCHIVE_TABLES_V2);

/** The tables every version-1 archive has; reading checks for them before anything else. */
export const ARCHIVE_TABLES_V1 = [
  'archive',
  'programme',
  'session',
  'zone',
  'participant',
  'cluster',
  'note',
  'observation',
  'attention_point',
  'ingredient',
  'other_point',
  'vote',
] as const;
