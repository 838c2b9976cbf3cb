import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../../../electron/host/export/archive-read';
import { ARCHIVE_SCHEMA_VERSION, ARCHIVE_TABLES_V2 } from '../../../../../electron/host/export/archive-schema';
import { type ArchiveContent, writeArchive } from '../../../../../electron/host/export/archive-write';
import { createDemo } from '../../../../../electron/host/export/demo';
import { ExportError } from '../../../../../electron/host/export/errors';
import { sessionArchive, sessionArchiveContent } from '../../../../../electron/host/export/exporter';
import { ARCHIVED_RECORDS } from '../../../../../shared/records/index';
import { V1_ARCHIVE_FIXTURE, V2_ARCHIVE_FIXTURE, V3_ARCHIVE_FIXTURE } from '../../../../support/fixtures';
import { send, type TempEngine, tempEngine } from './temp-engine';

/** Rewrites an archive with one SQL statement applied, as a hand-edited or hostile file would be. */
function tamper(bytes: Buffer, sql: string): Buffer {
  const db = new Database(bytes);
  db.exec(sql);
  const out = db.serialize();
  db.close();
  return out;
}

const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ExportError) return error.code;
    throw error;
  }
  return 'no error';
};

const SESSION = 'demo-avk-managers';

describe('archive file, the current version', () => {
  let temp: TempEngine;
  afterEach(() => temp?.cleanup());
  const demo = () => {
    temp = tempEngine();
    createDemo(temp.engine);
    return temp.engine;
  };

  it('has one table per archived record type, its columns derived from the record schema', () => {
    const db = new Database(sessionArchive(demo(), SESSION), { readonly: true });
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name != 'archive' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(ARCHIVED_RECORDS.map((record) => record.table).sort());
    const noteColumns = (db.prepare("SELECT name FROM pragma_table_info('note')").all() as { name: string }[]).map((c) => c.name);
    expect(noteColumns).toEqual(['session_id', 'id', 'rev', 'vv', 'deleted', 'zone_id', 'text', 'x', 'y', 'color', 'author_id', 'author_name', 'cluster_id', 'theme_id', 'created_at', 'pending', 'conflicts']);
    expect(db.prepare('SELECT schema_version, format, scope FROM archive').get()).toEqual({ schema_version: ARCHIVE_SCHEMA_VERSION, format: 'eiland-archive', scope: 'session' });
    expect(db.prepare('SELECT name FROM programme').all()).toEqual([{ name: 'Alliantie van Kracht tegen Armoede' }]);
    const ranking = db.prepare('SELECT dots FROM attention_point_dots ORDER BY dots DESC').all() as { dots: number }[];
    expect(ranking.map((row) => row.dots)).toEqual([9, 7, 6, 5, 3]);
    db.close();
  });

  it('reads back exactly the records it was written from, revisions and odd values included', () => {
    const engine = demo();
    const content = sessionArchiveContent(engine, SESSION);
    const records = content.sessions[0]?.records ?? [];
    const note = records.find((record) => record.key === 'notes');
    const settings = records.find((record) => record.key === 'settings');
    if (!note?.value || !settings?.value) throw new Error('the demo has notes and settings');
    // Optional, nullable, boolean, JSON and unusual text must all survive a trip through columns.
    note.value = { ...note.value, pending: true, color: '#FFCC00', text: 'ë ĳ ✓ 😀 "quotes", ‮ <b>', conflicts: [{ rev: note.rev, text: 'eerder' }] };
    settings.value = { ...settings.value, moderation: true, maxDotsPerItem: 2 };
    const byKey = (a: { key: string; id: string }, b: { key: string; id: string }) => `${a.key}/${a.id}`.localeCompare(`${b.key}/${b.id}`);
    const sorted = (c: ArchiveContent) => ({
      ...c,
      // An archive is read table by table; the order of the records carries no meaning.
      workspace: [...c.workspace].sort(byKey),
      sessions: c.sessions.map((session) => ({ ...session, records: [...session.records].sort((a, b) => `${a.key}/${a.id}`.localeCompare(`${b.key}/${b.id}`)) })),
    });
    expect(sorted(readArchive(writeArchive(content)))).toEqual(sorted(content));
  });

  it('carries deletions as tombstones that keep no text', () => {
    const engine = demo();
    const noteId = Object.keys(engine.session(SESSION)?.notes ?? {})[0] as string;
    send(engine, SESSION, { type: 'note.delete', ids: [noteId] });
    const bytes = sessionArchive(engine, SESSION);
    const db = new Database(bytes, { readonly: true });
    expect(db.prepare('SELECT deleted, text, zone_id FROM note WHERE id = ?').get(noteId)).toEqual({ deleted: 1, text: null, zone_id: null });
    db.close();
    const tombstone = readArchive(bytes).sessions[0]?.records.find((record) => record.id === noteId);
    expect(tombstone).toMatchObject({ key: 'notes', value: null });
  });

  it('keeps a programme’s saved templates and its archived flag (lost in version 1)', () => {
    const engine = demo();
    const template = engine.session(SESSION)?.template;
    send(engine, 'workspace', { type: 'programme.template.save', programmeId: 'demo-avk', template: { ...template, id: 'eigen', name: 'Ons model' } });
    send(engine, 'workspace', { type: 'programme.archive', id: 'demo-avk', archived: true });
    const programme = readArchive(sessionArchive(engine, SESSION)).workspace.find((record) => record.key === 'programmes');
    expect(programme?.value).toEqual(engine.workspace.programmes['demo-avk']);
    expect(programme?.value).toMatchObject({ archived: true, templates: [{ id: 'eigen', name: 'Ons model' }] });
  });

  it('refuses what is not an archive, with a plain message', () => {
    expect(code(() => readArchive(Buffer.from('dit is geen database'.repeat(50))))).toBe('unreadable_archive');
    expect(code(() => readArchive(Buffer.alloc(0)))).toBe('unreadable_archive');
    const other = new Database(':memory:');
    other.exec('CREATE TABLE notes (text TEXT)');
    expect(code(() => readArchive(other.serialize()))).toBe('unreadable_archive');
    expect(() => readArchive(Buffer.from('garbage'))).toThrow('Dit bestand is geen Eiland-archief.');
  });

  it('refuses an archive from a newer Eiland', () => {
    const bytes = sessionArchive(demo(), SESSION);
    expect(code(() => readArchive(tamper(bytes, 'UPDATE archive SET schema_version = 99')))).toBe('unsupported_archive');
    // Same archive format, but records of a newer shape.
    expect(code(() => readArchive(tamper(bytes, 'UPDATE archive SET records_version = records_version + 1')))).toBe('unsupported_archive');
    // Older than any Eiland made.
    expect(code(() => readArchive(tamper(bytes, 'UPDATE archive SET schema_version = 0')))).toBe('unreadable_archive');
  });

  it('validates every row like a command: bad ids, long texts, broken JSON, bad revisions, unknown sessions', () => {
    const bytes = sessionArchive(demo(), SESSION);
    const refuses = (sql: string, message?: RegExp) => {
      expect(code(() => readArchive(tamper(bytes, sql)))).toBe('invalid_archive');
      if (message) expect(() => readArchive(tamper(bytes, sql))).toThrow(message);
    };
    refuses("UPDATE note SET id = '__proto__' WHERE rowid = 1", /tabel note/);
    refuses("UPDATE note SET text = printf('%.600c', 'x') WHERE rowid = 1", /veld text/);
    refuses("UPDATE session_flow SET phases = '{not json'", /tabel session_flow/);
    refuses("UPDATE session SET id = 'workspace'; UPDATE session_flow SET session_id = 'workspace'");
    refuses("UPDATE note SET rev = 'gisteren' WHERE rowid = 1", /revisie/);
    refuses("UPDATE note SET vv = '{\"x\":1}' WHERE rowid = 1", /versievector/);
    refuses("UPDATE note SET session_id = 'elders' WHERE rowid = 1", /sessie die er niet in staat/);
    refuses("UPDATE note SET zone_id = 'no such id!' WHERE rowid = 1", /note/);
    refuses('DELETE FROM session_settings', /mist settings/);
  });

  it('refuses a file whose schema is not exactly ours: nothing in it ever runs', () => {
    const bytes = sessionArchive(demo(), SESSION);
    const attacks = [
      'DROP TABLE vote',
      // Evaluated by any SELECT *; this one would take gigabytes.
      "ALTER TABLE note ADD COLUMN boom TEXT GENERATED ALWAYS AS (printf('%.*c', 400000000, 'x')) VIRTUAL",
      'CREATE TRIGGER t AFTER INSERT ON note BEGIN SELECT 1; END',
      'CREATE VIEW extra AS SELECT * FROM note',
      'ALTER TABLE note ADD COLUMN extra TEXT',
      'CREATE INDEX idx ON note (text)',
      'DROP VIEW attention_point_dots; CREATE VIEW attention_point_dots AS SELECT 1',
    ];
    for (const sql of attacks) {
      expect(() => readArchive(tamper(bytes, sql)), sql).toThrow(/niet die van een Eiland-archief/);
    }
  });

  it('names the limit an oversized archive passes', () => {
    const bytes = sessionArchive(demo(), SESSION);
    const many = tamper(bytes, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2001) INSERT INTO participant (session_id, id, rev, vv, deleted, name, joined_at) SELECT 'demo-avk-managers', 'p' || i, (SELECT rev FROM session), '{}', 0, NULL, 1 FROM n");
    expect(() => readArchive(many)).toThrow(/\d+ deelnemers; hoogstens 2000 mogen/);
  });

  it('lists every archived record type in the documented format', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../../docs/archive-format.md'), 'utf8');
    for (const table of ARCHIVE_TABLES_V2) {
      expect(doc, table.table).toContain(`### \`${table.table}\``);
      for (const field of table.fields) expect(doc, `${table.table}.${field.column}`).toContain(`\`${field.column}\``);
    }
  });
});

describe('archive file, version 2 (an earlier layout of the records)', () => {
  it('is still read, every row brought forward: other points written before they had an order get one', () => {
    const content = readArchive(readFileSync(V2_ARCHIVE_FIXTURE));
    expect(content).toMatchObject({ scope: 'programme', scopeId: 'demo-avk' });
    const records = content.sessions.flatMap((session) => session.records);
    expect(records.filter((record) => record.key === 'notes')).toHaveLength(37);
    const others = records.filter((record) => record.key === 'otherPoints');
    expect(others).toHaveLength(10);
    for (const other of others) expect(other.value).toMatchObject({ order: 0 });
    // Its revisions are kept, unlike version 1's: it was written by the record layer.
    expect(others.every((other) => typeof other.rev === 'string' && other.rev.split('.').length === 3)).toBe(true);
    const raw = new Database(readFileSync(V2_ARCHIVE_FIXTURE), { readonly: true });
    const texts = (raw.prepare('SELECT text FROM other_point ORDER BY id').all() as { text: string }[]).map((row) => row.text);
    raw.close();
    expect(others.map((other) => (other.value as { text: string }).text).sort()).toEqual([...texts].sort());
    // Made before programme themes: nothing in it is linked, and it brings no themes.
    expect(records.filter((record) => record.key === 'notes').every((record) => !('themeId' in (record.value ?? {})))).toBe(true);
    expect(content.workspace.some((record) => record.key === 'themes')).toBe(false);
  });

  it('is held to its own layout: a column of a later version added to it is refused', () => {
    const bytes = tamper(readFileSync(V2_ARCHIVE_FIXTURE), 'ALTER TABLE other_point ADD COLUMN "order" INTEGER');
    expect(code(() => readArchive(bytes))).toBe('invalid_archive');
  });

  it('names a version it does not know', () => {
    const bytes = tamper(readFileSync(V2_ARCHIVE_FIXTURE), 'UPDATE archive SET schema_version = 0');
    expect(code(() => readArchive(bytes))).toBe('unreadable_archive');
  });
});

describe('archive file, version 3 (before sessions worked per theme)', () => {
  it('is still read: its templates have every side and none set aside', () => {
    const content = readArchive(readFileSync(V3_ARCHIVE_FIXTURE));
    expect(content).toMatchObject({ scope: 'programme', scopeId: 'demo-avk' });
    const templates = content.sessions.flatMap((session) => session.records).filter((record) => record.key === 'template');
    expect(templates).toHaveLength(3);
    for (const template of templates) {
      const value = template.value as { zones: { id: string; whole?: boolean }[]; setAside?: unknown };
      expect(value.zones.map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
      expect(value.zones.some((zone) => zone.whole)).toBe(false);
      expect(value.setAside).toBeUndefined();
    }
  });

  it('is held to its own layout: the set_aside column of version 4 added to it is refused', () => {
    const bytes = tamper(readFileSync(V3_ARCHIVE_FIXTURE), 'ALTER TABLE session_template ADD COLUMN "set_aside" TEXT');
    expect(code(() => readArchive(bytes))).toBe('invalid_archive');
  });
});

describe('archive file, version 1', () => {
  it('is still read: its records are older than any change, so they only fill gaps', () => {
    const content: ArchiveContent = readArchive(readFileSync(V1_ARCHIVE_FIXTURE));
    expect(content).toMatchObject({ scope: 'programme', scopeId: 'demo-avk' });
    expect(content.sessions.map((session) => session.id).sort()).toEqual(['demo-avk-managers', 'demo-avk-programmateam', 'demo-avk-stuurgroep']);
    const notes = content.sessions.flatMap((session) => session.records.filter((record) => record.key === 'notes'));
    expect(notes).toHaveLength(37);
    expect(notes.every((note) => note.vv && Object.keys(note.vv).length === 0)).toBe(true);
    // Version-1 settings had no moderation field: the record migration adds it, switched off.
    const settings = content.sessions[0]?.records.find((record) => record.key === 'settings');
    expect(settings?.value).toMatchObject({ moderation: false });
  });
});
