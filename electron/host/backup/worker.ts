import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { LATEST_VERSION } from '../db/migrations';
import { BackupError, classify } from './errors';
import { WORKER_SOURCE } from './worker-source';

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
 * One thread serves every backup and stays for a minute after its last job, so a backup does not
 * pay for starting a JavaScript engine each time (~50 ms of CPU on a busy machine). It keeps the
 * process alive only while it has work: a host that stops or a command line that ends is not held.
 */

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

/** Pages per step inside the worker: between steps the thread answers other messages (a listing). */
const STEP_PAGES = 1024;

/**
 * better-sqlite3 for the thread, by its path. In the packaged app it is unpacked next to app.asar
 * (build/electron-builder.config.cjs), and the thread loads it from there, asar support or not.
 */
const sqlitePath = createRequire(import.meta.url)
  .resolve('better-sqlite3')
  .replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/**
 * Only on Linux is a nice value per thread; on macOS and Windows setPriority(0) would slow down the
 * whole host instead, so there the worker keeps the normal priority.
 */
const LOWER_PRIORITY = process.platform === 'linux';

type WorkerAnswer = { id: number; ok: true; result: unknown } | { id: number; ok: false; eiland?: string; code?: string; message: string };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
  idle: NodeJS.Timeout | null;
}

const IDLE_MS = 60_000;
let thread: Thread | null = null;
let nextId = 0;

function startThread(): Thread {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sqlite: sqlitePath, lowerPriority: LOWER_PRIORITY } });
  const started: Thread = { worker, pending: new Map(), idle: null };
  worker.on('message', (answer: WorkerAnswer) => {
    const waiting = started.pending.get(answer.id);
    started.pending.delete(answer.id);
    if (answer.ok) waiting?.resolve(answer.result);
    else waiting?.reject(Object.assign(new Error(answer.message), { code: answer.code, eiland: answer.eiland }));
    if (started.pending.size > 0) return;
    worker.unref();
    started.idle = setTimeout(() => void worker.terminate(), IDLE_MS);
    started.idle.unref();
  });
  const fail = (error: Error) => {
    if (thread === started) thread = null;
    for (const waiting of started.pending.values()) waiting.reject(error);
    started.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`backup worker stopped (exit ${code})`)));
  return started;
}

function run(job: object): Promise<unknown> {
  thread ??= startThread();
  const current = thread;
  if (current.idle) clearTimeout(current.idle);
  current.idle = null;
  current.worker.ref();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    current.pending.set(id, { resolve, reject });
    current.worker.postMessage({ id, job });
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
