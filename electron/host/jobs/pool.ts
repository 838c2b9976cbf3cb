import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/jobs';
import { ExportError, isExportErrorCode } from '../export/errors';
import type { RunMessage, WorkerMessage, WorkerOutput, WorkerSetup, WorkerTask } from './messages';

/** A job was cancelled (by its requester, or because the host is stopping): nothing of it remains. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled');
    this.name = 'JobCancelled';
  }
}

export const workerFailed = () =>
  new ExportError('worker_failed', 'Het exporteren of inlezen is onverwacht gestopt. Er is niets veranderd. Probeer het nog eens.');

export interface PoolOptions {
  /** The bundled worker program (dist/host/export-worker.mjs beside main.mjs); null: there is none. */
  workerFile: string | null;
  /** The host's database; each export reads its own snapshot of it. */
  databaseFile: string;
  /** Jobs at once; the rest wait their turn. Default: the cores beyond the host's own, 1 or 2. */
  maxWorkers?: number;
  /** A worker with nothing to do stays warm this long (fonts and code loaded), then ends. */
  idleMs?: number;
  /** A worker readied for an export that is likely to come (prepare) waits this long for it. */
  preparedIdleMs?: number;
  /** The heap of one worker: a job that needs more ends its worker, never the host. */
  maxHeapMb?: number;
}

export interface PoolJob {
  output: Promise<WorkerOutput>;
  /** Stops the job: a waiting job is dropped, a running one's worker is ended. */
  cancel(): void;
}

interface Pending {
  message: RunMessage;
  transfer: ArrayBuffer[];
  onProgress(progress: JobProgress): void;
  resolve(output: WorkerOutput): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
  idle: NodeJS.Timeout | null;
  /** Readied by prepare: it waits longer for its first job. */
  prepared: boolean;
}

export interface PoolStats {
  /** Workers alive now, with or without a job. */
  workers: number;
  /** Workers started since the pool was made. */
  started: number;
}

const DEFAULT_IDLE_MS = 60_000;
/** Long enough for a facilitator to read the harvest panel and choose; its memory is freed after. */
const DEFAULT_PREPARED_IDLE_MS = 5 * 60_000;
/** Far above a 4,000-note report (~150 MB); a crafted archive that wants gigabytes stops here. */
const DEFAULT_MAX_HEAP_MB = 1024;

let counter = 0;

/**
 * Worker threads for the harvest's heavy work. One job per worker at a time; cancelling a running
 * job ends its worker (terminate), which is the only way to stop synchronous work like drawing a
 * PDF, and the next job gets a fresh one. A worker that dies mid-job fails only that job.
 * A pool library (piscina, tinypool) was not worth a dependency: jobs are few, one or two at once,
 * and what they need (per-job terminate, progress, a crash told apart from a refusal) is this file.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private readonly maxWorkers: number;
  private closed = false;
  private started = 0;

  constructor(private readonly options: PoolOptions) {
    this.maxWorkers = options.maxWorkers ?? Math.min(2, Math.max(1, availableParallelism() - 1));
  }

  run(task: WorkerTask, onProgress: (progress: JobProgress) => void, transfer: ArrayBuffer[] = []): PoolJob {
    let pending: Pending | undefined;
    const output = new Promise<WorkerOutput>((resolve, reject) => {
      pending = { message: { t: 'run', jobId: `w${++counter}`, task }, transfer, onProgress, resolve, reject };
    });
    const job = pending as Pending;
    if (this.closed) job.reject(new JobCancelled());
    else if (this.options.workerFile === null) {
      console.error('Eiland host: no export worker was given; exports and imports cannot run');
      job.reject(workerFailed());
    } else {
      this.queue.push(job);
      this.dispatch();
      if (this.queue.includes(job)) onProgress({ stage: 'waiting', done: 0, total: 0 });
    }
    return { output, cancel: () => this.cancel(job) };
  }

  /**
   * An export is likely soon (the harvest panel opened): a worker is started and warmed up, unless
   * one is there already, which then waits the longer prepared time for its next job. Nothing is
   * told back: an export that comes meanwhile waits for the warm-up or takes another worker, and a
   * warm-up that fails only costs its worker.
   */
  prepare(): void {
    if (this.closed || this.options.workerFile === null) return;
    const ready = [...this.slots];
    if (ready.length > 0 || this.queue.length > 0) {
      for (const slot of ready) {
        slot.prepared = true;
        if (slot.idle) {
          clearTimeout(slot.idle);
          this.rest(slot);
        }
      }
      return;
    }
    const warmUp = this.run({ kind: 'warm-up' }, () => undefined);
    warmUp.output.catch(() => undefined);
    for (const slot of this.slots) slot.prepared = true;
  }

  stats(): PoolStats {
    return { workers: this.slots.size, started: this.started };
  }

  /** Ends every worker; jobs still waiting or running are cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new JobCancelled());
    await Promise.all([...this.slots].map((slot) => this.end(slot, new JobCancelled())));
  }

  private cancel(job: Pending): void {
    const waiting = this.queue.indexOf(job);
    if (waiting !== -1) {
      this.queue.splice(waiting, 1);
      job.reject(new JobCancelled());
      return;
    }
    const running = [...this.slots].find((slot) => slot.job === job);
    if (!running) return;
    void this.end(running, new JobCancelled());
    this.dispatch();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = [...this.slots].find((candidate) => candidate.job === null) ?? (this.slots.size < this.maxWorkers ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift() as Pending;
      if (slot.idle) clearTimeout(slot.idle);
      slot.idle = null;
      slot.job = job;
      // Its first real job came: afterwards it waits as any worker does.
      if (job.message.task.kind !== 'warm-up') slot.prepared = false;
      try {
        slot.worker.postMessage(job.message, job.transfer);
      } catch {
        // A buffer that cannot be handed over (shared with Node's pool, say) is copied instead.
        slot.worker.postMessage(job.message);
      }
    }
  }

  private spawn(): Slot {
    const setup: WorkerSetup = { databaseFile: this.options.databaseFile };
    const worker = new Worker(this.options.workerFile as string, {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
    });
    // An idle worker must never keep the host running.
    worker.unref();
    const slot: Slot = { worker, job: null, idle: null, prepared: false };
    this.started += 1;
    this.slots.add(slot);
    worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
    worker.on('error', (error) => {
      // Uncaught in the worker, or it could not start: this job fails, the host goes on.
      console.error('Eiland host: the export worker stopped', error);
      void this.end(slot, workerFailed());
      this.dispatch();
    });
    worker.on('exit', () => {
      if (!this.slots.has(slot)) return;
      void this.end(slot, workerFailed());
      this.dispatch();
    });
    return slot;
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    const job = slot.job;
    if (!job || message.jobId !== job.message.jobId) return;
    if (message.t === 'progress') {
      job.onProgress(message.progress);
      return;
    }
    slot.job = null;
    if (message.t === 'done') job.resolve(message.output);
    else if (message.expected && isExportErrorCode(message.code)) job.reject(new ExportError(message.code, message.message));
    else job.reject(new Error(`export worker: ${message.message}`));
    this.rest(slot);
    this.dispatch();
  }

  /** A worker with no job waits for the next one a while, then ends. */
  private rest(slot: Slot): void {
    if (slot.job !== null || !this.slots.has(slot)) return;
    const waitMs = slot.prepared ? (this.options.preparedIdleMs ?? DEFAULT_PREPARED_IDLE_MS) : (this.options.idleMs ?? DEFAULT_IDLE_MS);
    slot.idle = setTimeout(() => void this.end(slot, new JobCancelled()), waitMs);
    slot.idle.unref();
  }

  /** Takes a worker out of the pool and ends it; its job, if any, fails with `reason`. */
  private async end(slot: Slot, reason: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.idle) clearTimeout(slot.idle);
    const job = slot.job;
    slot.job = null;
    job?.reject(reason);
    await slot.worker.terminate();
  }
}
