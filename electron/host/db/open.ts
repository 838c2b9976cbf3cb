import { constants, copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { StorageNotice } from '../../../shared/storage';
import { LATEST_VERSION, migrate } from './migrations';
import { classifyOpenError, DamagedDatabaseError, fileSystemProbe, folderError, type StorageProbe, StorageError } from './storage-errors';
import { inspectWal } from './wal-check';

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when the file at the path was damaged and moved aside; the user must be told. */
  recoveredFrom: string | null;
  /** The file can only be read: everything shows and exports, every write fails with SQLITE_READONLY. */
  readOnly: boolean;
  /** What the person must hear about this start (a file set aside, a log that lost commits, read-only). */
  notices: StorageNotice[];
}

export interface OpenOptions {
  /** The time in the names of files set aside. */
  now?: number;
  /**
   * Only read, for the command line next to a running host: no folder is made, nothing is set
   * aside, checked in the log or migrated, and damage is reported instead of repaired.
   */
  readOnly?: boolean;
  /** Asks the file system what is wrong after a failure; tests give their own where no real fault can be made. */
  probe?: StorageProbe;
  /** Makes the SQLite connection; tests inject the errors SQLite gives on a full or read-only disk. */
  connect?: (path: string, options: Database.Options) => Database.Database;
}

const DATABASE_FILE = 'eiland.sqlite';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

const defaultConnect = (path: string, options: Database.Options) => new Database(path, options);

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

function quickCheck(db: Database.Database): void {
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new DamagedDatabaseError(String(check));
}

function openAndCheck(path: string, connect: NonNullable<OpenOptions['connect']>): Database.Database {
  const db = connect(path, {});
  try {
    // WAL: readers never block the writer, and a commit is one sequential append. synchronous=FULL
    // syncs the log at every commit, so an acknowledged command survives a power cut too, not only
    // a crash of the app (NORMAL would only sync at checkpoints). See the README's design section.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    quickCheck(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openForReading(path: string, connect: NonNullable<OpenOptions['connect']>): Database.Database {
  const db = connect(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    quickCheck(db);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new Error(`This database is version ${version}, newer than this Eiland (${LATEST_VERSION})`);
    // Migrating writes; a file that needs it cannot be used until it can be written.
    if (version < LATEST_VERSION) throw new StorageError({ kind: 'read_only_file', path, detail: `version ${version}, needs ${LATEST_VERSION}` });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Renames the file and its -wal and -shm to `<name>` (+ the same suffixes); returns the new name of `first`. */
function setAside(path: string, name: string, first: '' | '-wal' = ''): string {
  const movedTo = join(dirname(path), name);
  try {
    for (const suffix of first === '' ? ['', '-wal', '-shm'] : ['-wal', '', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
    }
  } catch (error) {
    throw folderError(error, dirname(path));
  }
  return movedTo + first;
}

/**
 * A log (-wal) with content next to a missing or empty database: SQLite would delete that log and
 * start empty without a word. Both are set aside instead, and the person is told.
 */
function orphanLog(path: string, stamp: string): StorageNotice | null {
  if (!sizeOf(`${path}-wal`) || (sizeOf(path) ?? 0) > 0) return null;
  return { kind: 'orphan_log', path: setAside(path, `eiland.orphan-${stamp}.sqlite`, '-wal') };
}

/** Committed transactions in the log that SQLite will drop at open: a copy of the log is kept and the person told. */
function droppedCommits(path: string, stamp: string): StorageNotice | null {
  const report = inspectWal(`${path}-wal`);
  if (report === null || report.droppedCommits === 0) return null;
  let copy: string | null = join(dirname(path), `eiland.log-${stamp}.sqlite-wal`);
  try {
    copyFileSync(`${path}-wal`, copy, constants.COPYFILE_EXCL);
  } catch {
    copy = null; // a full disk: the message still says what was lost
  }
  return { kind: 'log_dropped', path: copy, commits: report.droppedCommits };
}

/**
 * Opens (or creates) the database in the data folder. Only SQLite's own verdict of damage sets a file
 * aside (renamed to `eiland.damaged-<time>.sqlite` with its -wal and -shm, never overwritten); a full
 * disk, a missing permission or a read-only folder throws a StorageError naming the cause and
 * changes nothing; a file that can only be read opens read-only. The caller holds the folder's lock
 * (data-lock.ts), except with `readOnly`.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): OpenedDatabase {
  const path = databasePath(dataDir);
  const connect = options.connect ?? defaultConnect;
  const probe = options.probe ?? fileSystemProbe;
  const fail = (error: unknown): never => {
    const verdict = classifyOpenError(error, dataDir, path, probe);
    throw verdict === 'damaged' ? new StorageError({ kind: 'damaged', path }, { cause: error }) : new StorageError(verdict, { cause: error });
  };
  if (options.readOnly) {
    try {
      return { db: openForReading(path, connect), recoveredFrom: null, readOnly: true, notices: [] };
    } catch (error) {
      return fail(error);
    }
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw folderError(error, dataDir);
  }
  const stamp = new Date(options.now ?? Date.now()).toISOString().replace(/[:.]/g, '-');
  const notices: StorageNotice[] = [];
  const orphan = orphanLog(path, stamp);
  if (orphan) notices.push(orphan);
  const dropped = droppedCommits(path, stamp);
  if (dropped) notices.push(dropped);

  const writable = !existsSync(path) || probe.openForWriting(path) === null;
  let db: Database.Database | null = null;
  let recoveredFrom: string | null = null;
  try {
    db = writable ? openAndCheck(path, connect) : openForReading(path, connect);
  } catch (error) {
    if (classifyOpenError(error, dataDir, path, probe) !== 'damaged') return fail(error);
    recoveredFrom = setAside(path, `eiland.damaged-${stamp}.sqlite`);
    notices.push({ kind: 'set_aside', path: recoveredFrom });
    try {
      db = openAndCheck(path, connect);
    } catch (again) {
      return fail(again);
    }
  }
  // Start the log afresh, so the frames SQLite dropped are not found (and reported) again next time.
  if (dropped && writable) db.pragma('wal_checkpoint(TRUNCATE)');
  if (!writable && recoveredFrom === null) notices.push({ kind: 'read_only', path });
  return { db, recoveredFrom, readOnly: !writable && recoveredFrom === null, notices };
}
