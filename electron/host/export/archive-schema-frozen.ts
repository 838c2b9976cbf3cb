/**
 * Earlier layouts of the records-derived archive (version 2 onwards), frozen as they were written,
 * so that an archive made by an earlier Eiland stays readable after a record gains a field: the
 * file's schema is compared with its own version's, its rows are read by the columns that version
 * had, and each value is brought forward by its record's migrations from the version it had then.
 * When a record's stored shape changes, freeze the current ARCHIVE_SCHEMA here under the current
 * ARCHIVE_SCHEMA_VERSION, then raise that version (docs/archive-format.md lists what changed).
 */
import { VERSION_3 } from './archive-schema-v3';

export interface FrozenArchiveSchema {
  sql: string;
  /** Each record's version when this layout was current (shared/records/, `version`). */
  recordVersions: Readonly<Record<string, number>>;
}

/** Version 2: Eiland of 2026-12-06, before other points kept their order and themes were records. */
const VERSION_2: FrozenArchiveSchema = {
  sql: `CREATE TABLE archive (
  schema_version INTEGER NOT NULL,
  format TEXT NOT NULL,
  created_at TEXT NOT NULL,
  app_version TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('session', 'programme')),
  scope_id TEXT NOT NULL,
  records_version INTEGER NOT NULL
);
CREATE TABLE programme (
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "name" TEXT,
  "created_at" INTEGER,
  "templates" TEXT,
  "archived" INTEGER,
  PRIMARY KEY ("id")
);
CREATE TABLE session (
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "programme_id" TEXT,
  "title" TEXT,
  "group" TEXT,
  "date" TEXT,
  "facilitator" TEXT,
  "created_at" INTEGER,
  "updated_at" INTEGER,
  "archived" INTEGER,
  PRIMARY KEY ("id")
);
CREATE TABLE action (
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "programme_id" TEXT,
  "session_id" TEXT,
  "attention_point_id" TEXT,
  "ingredient_id" TEXT,
  "zone_id" TEXT,
  "theme_key" TEXT,
  "point_title" TEXT,
  "text" TEXT,
  "owner" TEXT,
  "due" TEXT,
  "status" TEXT,
  "note" TEXT,
  "created_at" INTEGER,
  "updated_at" INTEGER,
  "conflicts" TEXT,
  PRIMARY KEY ("id")
);
CREATE TABLE session_settings (
  "session_id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "dots_per_participant" INTEGER,
  "max_dots_per_item" INTEGER,
  "anonymous" INTEGER,
  "hide_notes_until_reveal" INTEGER,
  "moderation" INTEGER,
  PRIMARY KEY ("session_id")
);
CREATE TABLE session_template (
  "session_id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "id" TEXT,
  "name" TEXT,
  "figure" TEXT,
  "zones" TEXT,
  "background" TEXT,
  PRIMARY KEY ("session_id")
);
CREATE TABLE session_flow (
  "session_id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "phases" TEXT,
  "current_phase_id" TEXT,
  "revealed_zone_ids" TEXT,
  "voting_open" INTEGER,
  "votes_revealed" INTEGER,
  "focus_zone_id" TEXT,
  "review_action_id" TEXT,
  PRIMARY KEY ("session_id")
);
CREATE TABLE session_timer (
  "session_id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "duration_ms" INTEGER,
  "started_at" INTEGER,
  "remaining_ms" REAL,
  PRIMARY KEY ("session_id")
);
CREATE TABLE note (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "zone_id" TEXT,
  "text" TEXT,
  "x" REAL,
  "y" REAL,
  "color" TEXT,
  "author_id" TEXT,
  "author_name" TEXT,
  "cluster_id" TEXT,
  "created_at" INTEGER,
  "pending" INTEGER,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE cluster (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "zone_id" TEXT,
  "title" TEXT,
  "x" REAL,
  "y" REAL,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE attention_point (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "zone_id" TEXT,
  "title" TEXT,
  "order" INTEGER,
  "chosen" INTEGER,
  "theme_key" TEXT,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE ingredient (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "attention_point_id" TEXT,
  "text" TEXT,
  "order" INTEGER,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE other_point (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "zone_id" TEXT,
  "text" TEXT,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE observation (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "text" TEXT,
  "conflicts" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE vote (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "attention_point_id" TEXT,
  "participant_id" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE participant (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "name" TEXT,
  "joined_at" INTEGER,
  "merged_into" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE action_review (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "order" INTEGER,
  "origin_session_id" TEXT,
  "attention_point_id" TEXT,
  "zone_id" TEXT,
  "theme_key" TEXT,
  "point_title" TEXT,
  "text" TEXT,
  "owner" TEXT,
  "due" TEXT,
  "previous_status" TEXT,
  "previous_note" TEXT,
  "status" TEXT,
  "note" TEXT,
  PRIMARY KEY ("session_id", "id")
);
CREATE TABLE action_reaction (
  "session_id" TEXT NOT NULL,
  "id" TEXT NOT NULL,
  rev TEXT NOT NULL,
  vv TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  "action_id" TEXT,
  "participant_id" TEXT,
  "thumb" TEXT,
  "text" TEXT,
  "created_at" INTEGER,
  PRIMARY KEY ("session_id", "id")
);
CREATE VIEW attention_point_dots AS
  SELECT p.session_id, p.id AS attention_point_id, p.zone_id, p.title, p.theme_key, p.chosen, count(v.id) AS dots
  FROM attention_point p
  LEFT JOIN vote v ON v.session_id = p.session_id AND v.attention_point_id = p.id AND v.deleted = 0
  WHERE p.deleted = 0
  GROUP BY p.session_id, p.id;`,
  recordVersions: {
    programmes: 1,
    sessions: 1,
    actions: 1,
    settings: 2,
    template: 1,
    flow: 2,
    timer: 1,
    notes: 1,
    clusters: 1,
    attentionPoints: 1,
    ingredients: 1,
    otherPoints: 1,
    observations: 1,
    votes: 1,
    participants: 2,
    reviews: 1,
    reactions: 1,
  },
};

export const FROZEN_ARCHIVE_SCHEMAS: Readonly<Record<number, FrozenArchiveSchema>> = { 2: VERSION_2, 3: VERSION_3 };
