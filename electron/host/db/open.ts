import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when the file at the path was damaged and moved aside; the user must be told. */
  recoveredFrom: string | null;
}

const DATABASE_FILE = 'eiland.sqlite';

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

function openAndCheck(path: string): Database.Database {
  const db = new Database(path);
  try {
    // WAL: readers never block the writer, and a commit is one sequential append.
    // synchronous=NORMAL in WAL mode survives a crash or kill -9 of the process (the data is in
    // the OS); only a power cut can lose the last commits. See the README's design section.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens (or creates) the database in the data folder. A damaged file is never overwritten: it is
 * renamed to `eiland.damaged-<time>.sqlite` (with its -wal and -shm files) and a fresh one is made.
 */
export function openDatabase(dataDir: string, now = Date.now()): OpenedDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = databasePath(dataDir);
  try {
    return { db: openAndCheck(path), recoveredFrom: null };
  } catch (error) {
    if (!existsSync(path)) throw error;
    if (error instanceof Error && error.message.includes('newer than this Eiland')) throw error;
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const movedTo = join(dirname(path), `eiland.damaged-${stamp}.sqlite`);
    renameSync(path, movedTo);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
    }
    return { db: openAndCheck(path), recoveredFrom: movedTo };
  }
}
