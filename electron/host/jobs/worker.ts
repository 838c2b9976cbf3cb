import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/jobs';
import { ExportError } from '../export/errors';
import type { RunMessage, WorkerMessage, WorkerOutput, WorkerSetup } from './messages';
import { runTask } from './tasks';

/**
 * The export worker's program (bundled as dist/host/export-worker.mjs). It runs one job at a
 * time, as the pool gives them (pool.ts), and answers each with progress and then `done` or
 * `failed`. A bug in a job is answered as `failed` too; only a crash (out of memory, a native
 * fault) ends the thread, and the pool tells the job's requester so.
 */
const port = parentPort;
if (!port) throw new Error('export-worker.mjs runs as a worker thread of the Eiland host');
const setup = workerData as WorkerSetup;

/**
 * On a busy laptop the host's loop, which phones and the facilitator wait on, must win the CPU
 * from a report being drawn. Linux gives every thread its own nice value, so this thread lowers
 * its own (the host's stays as it is). Elsewhere the call would reach the whole process: skipped.
 */
const WORKER_NICE = 10;

function giveWay(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0 && threadId !== process.pid) setPriority(threadId, WORKER_NICE);
  } catch {
    // No /proc, or not allowed: the worker runs at the host's priority, which works too.
  }
}

giveWay();

/** Often enough for a moving bar, rare enough that progress never costs the host anything. */
const PROGRESS_INTERVAL_MS = 100;

const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/**
 * The bytes in a plain buffer of their own, handed over to the host instead of copied there.
 * Copied here first: a Buffer may share Node's pool or be owned by SQLite, and neither can be moved.
 */
const owned = (data: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(data);

async function run({ jobId, task }: RunMessage): Promise<void> {
  let lastStage: string | null = null;
  let lastAt = 0;
  const progress = (update: JobProgress) => {
    const now = performance.now();
    const finished = update.total > 0 && update.done === update.total;
    if (update.stage === lastStage && !finished && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastStage = update.stage;
    lastAt = now;
    send({ t: 'progress', jobId, progress: update });
  };
  try {
    const output: WorkerOutput = await runTask(task, setup.databaseFile, progress);
    if (output.kind === 'export') {
      const data = owned(output.data);
      send({ t: 'done', jobId, output: { ...output, data } }, [data.buffer]);
    } else {
      send({ t: 'done', jobId, output });
    }
  } catch (error) {
    if (error instanceof ExportError) send({ t: 'failed', jobId, code: error.code, message: error.message, expected: true });
    else send({ t: 'failed', jobId, code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error), expected: false });
  }
}

port.on('message', (message: RunMessage) => {
  void run(message);
});
