import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../../../electron/host/db/migrations';
import { databasePath, type OpenOptions, openDatabase } from '../../../../../electron/host/db/open';
import { fileSystemProbe, runtimeStorageCode, StorageError, type StorageProbe } from '../../../../../electron/host/db/storage-errors';
import { type StorageProblemKind, storageProblemText } from '../../../../../shared/storage';
import { bindReadOnly, canMakeImmutable, canMount, freshDir, makeImmutable, mountTmpfs } from '../../../../support/storage-faults';
import { commitFrames, crashSnapshot, tearFrame } from './wal';

/**
 * Opening the database when the computer, not the file, is the problem: a full disk, a read-only
 * folder or file, a missing permission. The file is never renamed, the message names the cause and
 * the place, and once the problem is gone the next start shows all the data. Real faults where this
 * machine can make them (see test/support/storage-faults.ts); the same errors injected elsewhere.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

function dataDir(parent?: string): string {
  const dir = freshDir(parent);
  if (parent === undefined) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const NOTES = 40;

/** A database with NOTES rows, closed cleanly; returns the hash of the file. */
function seed(dir: string): string {
  const { db } = openDatabase(dir);
  db.prepare("INSERT INTO streams (id, kind) VALUES ('workspace', 'workspace')").run();
  const insert = db.prepare("INSERT INTO entities (stream, key, id, data, rev, vv) VALUES ('workspace', 'notes', ?, ?, '', '{}')");
  for (let i = 0; i < NOTES; i += 1) insert.run(`n${i}`, `note ${i} ${'x'.repeat(300)}`);
  db.close();
  return hash(databasePath(dir));
}

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const notes = (db: Database.Database) => (db.prepare("SELECT count(*) AS n FROM entities WHERE key = 'notes'").get() as { n: number }).n;
const setAside = (dir: string) => readdirSync(dir).filter((name) => /^eiland\.(damaged|orphan|log)-/.test(name));

function refusal(dir: string, options?: OpenOptions): StorageError {
  try {
    openDatabase(dir, options).db.close();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return error as StorageError;
  }
  throw new Error('openDatabase was expected to refuse');
}

/** The one assertion every storage problem must pass: told as it is, nothing renamed, nothing changed. */
function expectTold(error: StorageError, kind: StorageProblemKind, path: string, dir: string, fileHash: string, words: { nl: string; en: string }): void {
  expect(error.problem).toMatchObject({ kind, path });
  const nl = storageProblemText('nl', error.problem);
  const en = storageProblemText('en', error.problem);
  expect(nl).toContain(words.nl);
  expect(en).toContain(words.en);
  expect(nl).toContain(path);
  expect(en).toContain(path);
  expect(setAside(dir)).toEqual([]);
  expect(hash(databasePath(dir))).toBe(fileHash);
}

function expectAllBack(dir: string): void {
  const { db, recoveredFrom, readOnly, notices } = openDatabase(dir);
  expect({ recoveredFrom, readOnly, notices }).toEqual({ recoveredFrom: null, readOnly: false, notices: [] });
  expect(notes(db)).toBe(NOTES);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}

const sqliteError = (code: string, message: string) => new Database.SqliteError(message, code);

/** A connection maker that fails with `error` until `heal()` is called. */
function failingConnect(error: Error): { connect: NonNullable<OpenOptions['connect']>; heal(): void } {
  let broken = true;
  return {
    connect: (path, options) => {
      if (broken) throw error;
      return new Database(path, options);
    },
    heal: () => {
      broken = false;
    },
  };
}

const probeWith = (answers: Partial<StorageProbe>): StorageProbe => ({ ...fileSystemProbe, ...answers });

describe('a full disk at start', () => {
  it(`is told as a full disk, renames nothing, and all data is back once space is freed (${canMount() ? 'a full tmpfs' : 'injected'})`, () => {
    if (canMount()) {
      const disk = mountTmpfs(4 * 1024 * 1024);
      cleanups.push(disk.remove);
      const dir = dataDir(disk.dir);
      const before = seed(dir);
      disk.fill();
      // SQLite says SQLITE_IOERR_SHMSIZE here (mapping its -shm file), not SQLITE_FULL: the free space tells.
      expectTold(refusal(dir), 'disk_full', dir, dir, before, { nl: 'De schijf is vol', en: 'The disk is full' });
      expectTold(refusal(dir), 'disk_full', dir, dir, before, { nl: 'De schijf is vol', en: 'The disk is full' });
      disk.free();
      expectAllBack(dir);
      return;
    }
    const dir = dataDir();
    const before = seed(dir);
    const fault = failingConnect(sqliteError('SQLITE_IOERR_SHMSIZE', 'disk I/O error'));
    const error = refusal(dir, { connect: fault.connect, probe: probeWith({ freeBytes: () => 0 }) });
    expectTold(error, 'disk_full', dir, dir, before, { nl: 'De schijf is vol', en: 'The disk is full' });
    fault.heal();
    expectAllBack(dir);
  });

  it('is told as a full disk when SQLite itself says SQLITE_FULL (injected), whatever the free space', () => {
    const dir = dataDir();
    const before = seed(dir);
    const fault = failingConnect(sqliteError('SQLITE_FULL', 'database or disk is full'));
    expectTold(refusal(dir, { connect: fault.connect }), 'disk_full', dir, dir, before, { nl: 'Maak ruimte vrij', en: 'Free up space' });
    fault.heal();
    expectAllBack(dir);
  });
});

describe('a read-only folder', () => {
  it(`is told as read-only, renames nothing, and all data is back once it can be written (${canMount() ? 'a read-only bind mount' : 'injected EROFS'})`, () => {
    const dir = dataDir();
    const before = seed(dir);
    if (canMount()) {
      const undo = bindReadOnly(dir);
      cleanups.push(() => undo());
      expectTold(refusal(dir), 'read_only_folder', dir, dir, before, { nl: 'alleen lezen, niet schrijven', en: 'can only read' });
      undo();
      cleanups.pop();
    } else {
      const fault = failingConnect(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'));
      const error = refusal(dir, { connect: fault.connect, probe: probeWith({ createIn: () => 'EROFS', openForWriting: () => 'EROFS' }) });
      expectTold(error, 'read_only_folder', dir, dir, before, { nl: 'alleen lezen, niet schrijven', en: 'can only read' });
    }
    expectAllBack(dir);
  });
});

describe('a missing permission', () => {
  it(`on the folder is told as such, renames nothing, and all data is back once it is given (${canMakeImmutable() ? 'chattr +i on the folder' : 'injected EACCES'})`, () => {
    const dir = dataDir();
    const before = seed(dir);
    if (canMakeImmutable()) {
      // As root only an immutable folder refuses the -wal and -shm files SQLite must make (EPERM).
      const undo = makeImmutable(dir);
      cleanups.push(undo);
      expectTold(refusal(dir), 'no_permission', dir, dir, before, { nl: 'geen toestemming', en: 'does not give permission' });
      undo();
      cleanups.pop();
    } else {
      const fault = failingConnect(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'));
      const error = refusal(dir, { connect: fault.connect, probe: probeWith({ createIn: () => 'EACCES' }) });
      expectTold(error, 'no_permission', dir, dir, before, { nl: 'geen toestemming', en: 'does not give permission' });
    }
    expectAllBack(dir);
  });

  it('on the file (it cannot even be read: injected EACCES) names the file', () => {
    const dir = dataDir();
    const before = seed(dir);
    const fault = failingConnect(sqliteError('SQLITE_CANTOPEN', 'unable to open database file'));
    const error = refusal(dir, { connect: fault.connect, probe: probeWith({ openForWriting: () => 'EACCES' }) });
    expectTold(error, 'no_permission', databasePath(dir), dir, before, { nl: 'geen toestemming', en: 'does not give permission' });
    fault.heal();
    expectAllBack(dir);
  });
});

describe('a read-only database file', () => {
  it(`opens read-only: everything reads, every write fails as read_only, nothing is renamed (${canMakeImmutable() ? 'chattr +i' : 'injected EACCES'})`, () => {
    const dir = dataDir();
    const before = seed(dir);
    const file = databasePath(dir);
    let options: OpenOptions = {};
    let undo = () => {};
    if (canMakeImmutable()) {
      undo = makeImmutable(file);
      cleanups.push(undo);
    } else {
      options = { probe: probeWith({ openForWriting: () => 'EACCES' }) };
    }
    const opened = openDatabase(dir, options);
    expect(opened.readOnly).toBe(true);
    expect(opened.notices).toEqual([{ kind: 'read_only', path: file }]);
    expect(notes(opened.db)).toBe(NOTES);
    let failure: unknown;
    try {
      opened.db.prepare("INSERT INTO entities (stream, key, id, data, rev, vv) VALUES ('workspace', 'notes', 'late', '{}', '', '{}')").run();
    } catch (error) {
      failure = error;
    }
    expect(runtimeStorageCode(failure)).toBe('read_only');
    opened.db.close();
    expect(setAside(dir)).toEqual([]);
    expect(hash(file)).toBe(before);
    undo();
    cleanups.pop();
    expectAllBack(dir);
  });

  it('that an older Eiland made is refused, not migrated and not renamed: it must be written first', () => {
    const dir = dataDir();
    const before = seed(dir);
    const raw = new Database(databasePath(dir));
    raw.pragma(`user_version = ${LATEST_VERSION - 1}`);
    raw.close();
    const changed = hash(databasePath(dir));
    expect(changed).not.toBe(before);
    const error = refusal(dir, { probe: probeWith({ openForWriting: () => 'EACCES' }) });
    expectTold(error, 'read_only_file', databasePath(dir), dir, changed, { nl: 'kan alleen gelezen worden', en: 'can only be read' });
  });
});

describe('other refusals that change nothing', () => {
  it('a file made by a newer Eiland is left alone, not set aside', () => {
    const dir = dataDir();
    seed(dir);
    const raw = new Database(databasePath(dir));
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = hash(databasePath(dir));
    expectTold(refusal(dir), 'newer_version', databasePath(dir), dir, before, { nl: 'nieuwere versie', en: 'newer version' });
  });

  it('an error nobody recognises is shown in its own words and renames nothing', () => {
    const dir = dataDir();
    const before = seed(dir);
    const fault = failingConnect(sqliteError('SQLITE_IOERR_LOCK', 'disk I/O error'));
    const error = refusal(dir, { connect: fault.connect });
    expectTold(error, 'unknown', databasePath(dir), dir, before, { nl: 'SQLITE_IOERR_LOCK', en: 'SQLITE_IOERR_LOCK' });
  });

  it('a reader (readOnly) reports damage instead of setting the file aside', () => {
    const dir = dataDir();
    const garbage = Buffer.from('dit is geen database '.repeat(500));
    writeFileSync(databasePath(dir), garbage);
    const error = refusal(dir, { readOnly: true });
    expect(error.problem).toMatchObject({ kind: 'damaged', path: databasePath(dir) });
    expect(readFileSync(databasePath(dir))).toEqual(garbage);
    expect(setAside(dir)).toEqual([]);
  });
});

describe('the log next to the database', () => {
  const stamp = Date.UTC(2026, 10, 26, 12, 0, 0);
  const stampText = '2026-11-26T12-00-00-000Z';

  it('a log whose database is missing is set aside and reported, not deleted by SQLite', () => {
    const dir = dataDir();
    const { wal } = crashSnapshot(5);
    writeFileSync(`${databasePath(dir)}-wal`, wal);
    const opened = openDatabase(dir, { now: stamp });
    const kept = join(dir, `eiland.orphan-${stampText}.sqlite-wal`);
    expect(opened.notices).toEqual([{ kind: 'orphan_log', path: kept }]);
    expect(readFileSync(kept)).toEqual(wal);
    expect(notes(opened.db)).toBe(0);
    opened.db.close();
  });

  it('a log next to an empty database file: both are set aside', () => {
    const dir = dataDir();
    const { wal } = crashSnapshot(5);
    writeFileSync(databasePath(dir), Buffer.alloc(0));
    writeFileSync(`${databasePath(dir)}-wal`, wal);
    const opened = openDatabase(dir, { now: stamp });
    expect(opened.notices).toEqual([{ kind: 'orphan_log', path: join(dir, `eiland.orphan-${stampText}.sqlite-wal`) }]);
    expect(existsSync(join(dir, `eiland.orphan-${stampText}.sqlite`))).toBe(true);
    opened.db.close();
  });

  it('a healthy log after a crash is replayed without a word', () => {
    const dir = dataDir();
    const { db, wal } = crashSnapshot(9);
    writeFileSync(databasePath(dir), db);
    writeFileSync(`${databasePath(dir)}-wal`, wal);
    const opened = openDatabase(dir, { now: stamp });
    expect(opened.notices).toEqual([]);
    expect(notes(opened.db)).toBe(9);
    opened.db.close();
  });

  it('a log with committed frames SQLite drops is reported with a copy, once', () => {
    const dir = dataDir();
    const { db, wal, pageSize } = crashSnapshot(9);
    const commits = commitFrames(wal, pageSize);
    const torn = tearFrame(wal, commits[6] as number, pageSize);
    writeFileSync(databasePath(dir), db);
    writeFileSync(`${databasePath(dir)}-wal`, torn);
    const opened = openDatabase(dir, { now: stamp });
    const copy = join(dir, `eiland.log-${stampText}.sqlite-wal`);
    expect(opened.notices).toEqual([{ kind: 'log_dropped', path: copy, commits: 3 }]);
    expect(readFileSync(copy)).toEqual(torn);
    // SQLite replays exactly what the check said it would: the six transactions before the torn one.
    expect(notes(opened.db)).toBe(6);
    opened.db.close();
    const again = openDatabase(dir);
    expect(again.notices).toEqual([]);
    expect(notes(again.db)).toBe(6);
    again.db.close();
  });
});
