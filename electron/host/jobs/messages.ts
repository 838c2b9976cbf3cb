import type { ExportJobRequest, JobProgress } from '../../../shared/jobs';
import type { ArchiveContent } from '../export/archive-write';

/**
 * What the host and its export worker say to each other (worker.ts, pool.ts). Only plain data
 * crosses: the worker reads its own snapshot of the database, so the host never copies a session
 * to it, and file bytes come back as a transferred buffer, not a copy.
 */
export type WorkerTask =
  /** An export of the data as it is in the database when the worker starts reading. */
  | { kind: 'export'; request: Omit<ExportJobRequest, 'path'> }
  /** Archive bytes to read and check; nothing of this laptop's data is touched. */
  | { kind: 'read-archive'; bytes: Uint8Array }
  /** Loads and compiles the worker's code by drawing a made-up report in memory; reads no data. */
  | { kind: 'warm-up' };

export interface ExportOutput {
  kind: 'export';
  data: Uint8Array;
  fileName: string;
  contentType: string;
  pages?: number;
}

export interface ArchiveOutput {
  kind: 'archive';
  content: ArchiveContent;
}

export type WorkerOutput = ExportOutput | ArchiveOutput | { kind: 'warm'; ms: number };

/** Given once, when the worker starts. */
export interface WorkerSetup {
  databaseFile: string;
}

export interface RunMessage {
  t: 'run';
  jobId: string;
  task: WorkerTask;
}

export type WorkerMessage =
  | { t: 'progress'; jobId: string; progress: JobProgress }
  | { t: 'done'; jobId: string; output: WorkerOutput }
  /** `expected`: a refusal with a plain message (ExportError); else a bug, logged by the host. */
  | { t: 'failed'; jobId: string; code: string; message: string; expected: boolean };
