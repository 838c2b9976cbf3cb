/**
 * The archive file: one standalone SQLite file with plain tables, readable with any SQLite tool
 * and documented in docs/archive-format.md. It is a stable exchange format, separate from the
 * app's own database (whose layout may change): a new version only ever adds, and says so in
 * `archive.schema_version`. Keep this file and the documentation in step.
 */
export const ARCHIVE_FORMAT = 'eiland-archive';
export const ARCHIVE_SCHEMA_VERSION = 1;
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

/** The tables every version-1 archive has; reading checks for them before anything else. */
export const ARCHIVE_TABLES = [
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
