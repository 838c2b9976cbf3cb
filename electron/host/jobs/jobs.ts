import { randomUUID } from 'node:crypto';
import type { ExportJobRequest, ExportJobResult, ImportJobResult, JobProgress } from '../../../shared/jobs';
import { jobFilePath } from '../../../shared/jobs';
import type { Engine } from '../engine';
import { writeFileAtomically } from '../export/files';
import { importArchive } from '../export/importer';
import type { ExportOutput, WorkerOutput, WorkerTask } from './messages';
import { JobCancelled, type WorkerPool } from './pool';

export type OnProgress = (progress: JobProgress) => void;

export interface Job<T> {
  id: string;
  result: Promise<T>;
  /** Stops the job if it is still running; what it made so far is thrown away. */
  cancel(): void;
}

export interface KeptFile {
  data: Uint8Array;
  fileName: string;
  contentType: string;
}

interface JobContext {
  signal: AbortSignal;
  /** Runs a task in a worker; cancelling the job ends that worker. */
  inWorker(task: WorkerTask, transfer?: ArrayBuffer[]): Promise<WorkerOutput>;
}

/** A made file waits this long for its one download (GET /api/jobs/:id/file). */
const KEEP_MS = 10 * 60_000;
/** Made files kept at once; the oldest goes first. A session's report is well under a few MB. */
const KEEP_FILES = 8;

const noProgress: OnProgress = () => undefined;

/**
 * The harvest's jobs: every export and import of the app goes through here. The heavy part runs
 * in the worker pool; what must happen on the host — writing the file where the user chose,
 * taking a checked archive into the data through the engine — happens here, after the worker is
 * done, and only if the job was not cancelled. Nothing half-made is ever left: files are written
 * beside their place and renamed (files.ts), and an import is applied whole by the importer.
 */
export class Jobs {
  private readonly running = new Map<string, Job<unknown>>();
  private readonly kept = new Map<string, KeptFile & { timer: NodeJS.Timeout }>();

  constructor(
    private readonly engine: Engine,
    private readonly pool: WorkerPool,
  ) {}

  /** An export's bytes, for the caller to send (the GET download routes). */
  makeExport(request: ExportJobRequest, onProgress: OnProgress = noProgress): Job<ExportOutput> {
    return this.start(onProgress, (context) => this.produce(request, context));
  }

  /** An export written to `request.path`, or kept for one download when there is none. */
  startExport(request: ExportJobRequest, onProgress: OnProgress = noProgress): Job<ExportJobResult> {
    return this.start(onProgress, async (context, id) => {
      const output = await this.produce(request, context);
      const made = { fileName: output.fileName, bytes: output.data.byteLength, ...(output.pages === undefined ? {} : { pages: output.pages }) };
      if (request.path) {
        onProgress({ stage: 'saving', done: 0, total: 0 });
        await writeFileAtomically(request.path, output.data, context.signal);
        return { ...made, path: request.path };
      }
      this.keep(id, { data: output.data, fileName: output.fileName, contentType: output.contentType });
      return { ...made, download: jobFilePath(id) };
    });
  }

  /** Reads and checks archive bytes in a worker, then applies them here, whole, unless cancelled first. */
  startImport(bytes: Uint8Array, onProgress: OnProgress = noProgress): Job<ImportJobResult> {
    return this.start(onProgress, async (context) => {
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const handed = own ? bytes : new Uint8Array(bytes);
      const output = await context.inWorker({ kind: 'read-archive', bytes: handed }, [handed.buffer as ArrayBuffer]);
      if (output.kind !== 'archive') throw new Error('the worker answered an import with an export');
      context.signal.throwIfAborted();
      onProgress({ stage: 'applying', done: 0, total: 0 });
      return importArchive(this.engine, output.content);
    });
  }

  /** The harvest panel opened: an export is likely soon, so the pool readies a worker (pool.prepare). */
  prepare(): void {
    this.pool.prepare();
  }

  /** True when the job was running and is now cancelled. */
  cancel(id: string): boolean {
    const job = this.running.get(id);
    job?.cancel();
    return job !== undefined;
  }

  /** The made file of a job, once: it is forgotten as it is handed out. */
  takeFile(id: string): KeptFile | undefined {
    const file = this.kept.get(id);
    if (!file) return undefined;
    clearTimeout(file.timer);
    this.kept.delete(id);
    return { data: file.data, fileName: file.fileName, contentType: file.contentType };
  }

  async close(): Promise<void> {
    for (const job of this.running.values()) job.cancel();
    for (const file of this.kept.values()) clearTimeout(file.timer);
    this.kept.clear();
    await this.pool.close();
  }

  private async produce(request: ExportJobRequest, context: JobContext): Promise<ExportOutput> {
    const { path: _path, ...what } = request;
    const output = await context.inWorker({ kind: 'export', request: what });
    if (output.kind !== 'export') throw new Error('the worker answered an export with an archive');
    context.signal.throwIfAborted();
    return output;
  }

  private keep(id: string, file: KeptFile): void {
    const oldest = this.kept.keys().next();
    if (this.kept.size >= KEEP_FILES && !oldest.done) this.takeFile(oldest.value);
    const timer = setTimeout(() => this.takeFile(id), KEEP_MS);
    timer.unref();
    this.kept.set(id, { ...file, timer });
  }

  private start<T>(onProgress: OnProgress, work: (context: JobContext, id: string) => Promise<T>): Job<T> {
    const id = randomUUID();
    const controller = new AbortController();
    let current: { cancel(): void } | null = null;
    const context: JobContext = {
      signal: controller.signal,
      inWorker: (task, transfer = []) => {
        controller.signal.throwIfAborted();
        const poolJob = this.pool.run(task, onProgress, transfer);
        current = poolJob;
        return poolJob.output.finally(() => {
          current = null;
        });
      },
    };
    const result = Promise.resolve()
      .then(() => work(context, id))
      .finally(() => this.running.delete(id));
    const job: Job<T> = {
      id,
      result,
      cancel: () => {
        if (controller.signal.aborted) return;
        controller.abort(new JobCancelled());
        current?.cancel();
      },
    };
    this.running.set(id, job);
    return job;
  }
}
