import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate } from '../../../../electron/host/db/migrations';
import { databasePath, openDatabase } from '../../../../electron/host/db/open';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it.each(MIGRATIONS.map((m) => m.version))('upgrade from version %i - 1 to %i, keeping the data written before', (version) => {
    const db = new Database(join(tempDir(), 'step.sqlite'));
    migrate(db, version - 1);
    if (version > 1) {
      db.prepare("INSERT INTO streams (id, kind, seq) VALUES ('workspace', 'workspace', 1)").run();
      // From version 4 on, every row carries its revision and version vector.
      const stamped = version - 1 >= 4;
      db.prepare(
        stamped
          ? "INSERT INTO entities (stream, key, id, data, rev, vv) VALUES ('workspace', 'programmes', 'p1', '{\"id\":\"p1\"}', 'r', '{}')"
          : "INSERT INTO entities (stream, key, id, data) VALUES ('workspace', 'programmes', 'p1', '{\"id\":\"p1\"}')",
      ).run();
    }
    expect(migrate(db, version)).toEqual([version]);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    if (version > 1) {
      expect(db.prepare("SELECT data FROM entities WHERE id = 'p1'").get()).toEqual({ data: '{"id":"p1"}' });
    }
    db.close();
  });

  it('bring an empty file to the latest schema, and a second run changes nothing', () => {
    const db = new Database(join(tempDir(), 'fresh.sqlite'));
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    const before = tables(db);
    expect(migrate(db)).toEqual([]);
    expect(tables(db)).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['streams', 'entities', 'events', 'events_command_id', 'rooms', 'participant_tokens']));
    db.close();
  });

  it('refuse a database made by a newer Eiland instead of damaging it', () => {
    const db = new Database(join(tempDir(), 'newer.sqlite'));
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer than this Eiland/);
    db.close();
  });
});

describe('opening the database', () => {
  it('uses WAL and foreign keys', () => {
    const { db, recoveredFrom } = openDatabase(tempDir());
    expect(recoveredFrom).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('sets a damaged file aside under a new name, never overwriting it, and starts fresh', () => {
    const dir = tempDir();
    const garbage = Buffer.from('dit is geen database '.repeat(500));
    writeFileSync(databasePath(dir), garbage);
    const { db, recoveredFrom } = openDatabase(dir, { now: Date.UTC(2026, 10, 26, 12, 0, 0) });
    expect(recoveredFrom).toMatch(/eiland\.damaged-2026-11-26T12-00-00-000Z\.sqlite$/);
    expect(readFileSync(recoveredFrom as string)).toEqual(garbage);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(readdirSync(dir).filter((name) => name.startsWith('eiland.damaged'))).toHaveLength(1);
    db.close();
  });

  it('sets aside a file whose pages are corrupt though its header is fine', () => {
    const dir = tempDir();
    const { db } = openDatabase(dir);
    db.prepare("INSERT INTO streams (id, kind) VALUES ('workspace', 'workspace')").run();
    for (let i = 0; i < 200; i += 1) db.prepare("INSERT INTO entities (stream, key, id, data, rev, vv) VALUES ('workspace', 'k', ?, ?, '', '{}')").run(`e${i}`, 'x'.repeat(500));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(databasePath(dir));
    bytes.fill(0xff, 4096 * 2, 4096 * 6); // wipe a few pages in the middle
    writeFileSync(databasePath(dir), bytes);
    const reopened = openDatabase(dir);
    expect(reopened.recoveredFrom).not.toBeNull();
    expect(existsSync(reopened.recoveredFrom as string)).toBe(true);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM entities').get()).toEqual({ n: 0 });
    reopened.db.close();
  });
});
