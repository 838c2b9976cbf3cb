import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { LATEST_VERSION } from '../db/migrations';
import { BackupError, classify } from './errors';

/**
 * The SQLite work of a backup runs on a worker thread with its own connection, never on the host's
 * loop. Measured on a 10,000-note database (7.4 MB): better-sqlite3's backup() on the host's own
 * connection can take its pages in small steps of ~1 ms, but its last step commits the whole copy
 * and fsyncs it (~30 ms, ~60 ms into a WAL file), and `PRAGMA integrity_check` takes ~40 ms: both
 * would hold every command's acknowledgement. Here the host only posts a message and waits.
 *
 * The worker opens the live file read-only and holds one read transaction for the whole copy: in
 * WAL mode the host goes on writing meanwhile, and the copy is the database exactly as it was when
 * that transaction began, so every command acknowledged before the backup started is in it. The
 * copy goes to a temporary name, is made one self-contained file (journal_mode=DELETE), must pass
 * integrity_check, is fsynced, and only then renamed to its real name.
 *
 * The source is plain JavaScript run with `eval`, so the same code runs from the TypeScript sources
 * (tests), from the bundled host and from the packaged app without a separate file to find.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const Database = require(workerData.sqlite);

// On Linux a thread has its own nice value: this one gives way to the host's loop when cores are busy.
if (workerData.lowerPriority) {
  try { require('node:os').setPriority(19); } catch {}
}

const coded = (eiland, message) => Object.assign(new Error(message), { eiland });

function removeQuietly(file) {
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    try { fs.rmSync(file + suffix, { force: true }); } catch {}
  }
}

function fsyncPath(target, flags) {
  let fd;
  try {
    fd = fs.openSync(target, flags);
    fs.fsyncSync(fd);
  } catch (error) {
    // A folder cannot be opened on Windows; its rename is durable there without it.
    if (flags === 'r+') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

// Checks a copy this worker made: one file, intact, an Eiland database this version can open.
function verify(file, latest) {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw coded('damaged', 'integrity_check: ' + String(check));
    const version = db.pragma('user_version', { simple: true });
    if (version > latest) throw coded('newer', 'schema ' + version + ' > ' + latest);
    const hasStreams = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'streams'").get();
    if (!hasStreams) throw coded('not_eiland', 'no streams table');
    return db.prepare("SELECT count(*) FROM streams WHERE kind = 'session'").pluck().get();
  } finally {
    db.close();
  }
}

async function copy({ source, temp, target, latest, stepPages }) {
  removeQuietly(temp);
  try {
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      // One read transaction: the steps below all read the same snapshot, so the backup never
      // restarts when the host commits, and what it holds is one consistent moment.
      from.exec('BEGIN');
      from.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
      await from.backup(temp, { progress: () => stepPages });
      from.exec('COMMIT');
    } finally {
      from.close();
    }
    const sessions = verify(temp, latest);
    fsyncPath(temp, 'r+');
    fs.renameSync(temp, target);
    fsyncPath(path.dirname(target), 'r');
    return { bytes: fs.statSync(target).size, sessions };
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
}

function inspect({ files }) {
  return files.map((file) => {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare("SELECT count(*) FROM streams WHERE kind = 'session'").pluck().get();
      } finally {
        db.close();
      }
    } catch {
      return null;
    }
  });
}

(async () => {
  const job = workerData.job;
  try {
    const result = job.kind === 'copy' ? await copy(job) : inspect(job);
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, eiland: error.eiland, code: error.code, message: String(error.message || error) });
  }
})();
`;

export interface CopyJob {
  kind: 'copy';
  /** A database file, opened read-only (the live one while the host writes, or a backup). */
  source: string;
  /** Written first, removed on any failure. */
  temp: string;
  /** The copy's real name; it exists only once the copy passed integrity_check. */
  target: string;
}

export interface CopyResult {
  bytes: number;
  sessions: number;
}

/** Pages per step inside the worker: steps there only let the thread see a terminate sooner. */
const STEP_PAGES = 1024;

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Only on Linux is a nice value per thread; on macOS and Windows setPriority(0) would slow down the
 * whole host instead, so there the worker keeps the normal priority.
 */
const LOWER_PRIORITY = process.platform === 'linux';

type WorkerAnswer = { ok: true; result: unknown } | { ok: false; eiland?: string; code?: string; message: string };

function run(job: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { job, sqlite: sqlitePath, lowerPriority: LOWER_PRIORITY } });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else reject(Object.assign(new Error(answer.message), { code: answer.code, eiland: answer.eiland }));
    });
    worker.once('error', (error) => {
      answered = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`backup worker stopped (exit ${code})`));
    });
  });
}

/**
 * Copies a database with SQLite's online backup into `target`, through `temp`, verified. Failures
 * come back as a BackupError about `folder` (the folder named in the message to the user).
 */
export async function copyDatabase(job: Omit<CopyJob, 'kind'>, folder: string | null): Promise<CopyResult> {
  try {
    return (await run({ kind: 'copy', ...job, latest: LATEST_VERSION, stepPages: STEP_PAGES })) as CopyResult;
  } catch (error) {
    const eiland = (error as { eiland?: string }).eiland;
    if (eiland === 'damaged' || eiland === 'newer' || eiland === 'not_eiland') throw new BackupError(eiland, folder, (error as Error).message);
    throw classify(error, folder);
  }
}

/** How many sessions each file holds (null for one that cannot be read); read-only, off the loop. */
export async function countSessions(files: readonly string[]): Promise<(number | null)[]> {
  if (files.length === 0) return [];
  return (await run({ kind: 'inspect', files })) as (number | null)[];
}
