import { API_ROUTES } from '../../../shared/http-routes';
import type { MessageKey } from '../../../shared/i18n/messages';
import {
  type ExportJobRequest,
  type ExportJobResult,
  exportJobResult,
  type ImportJobResult,
  importJobResult,
  JOB_ROUTES,
  type JobProgress,
  jobEvent,
  jobPath,
  MAX_IMPORT_BYTES,
} from '../../../shared/jobs';
import type { PageLocation } from '../client/url';
import { authHeaders, EXPORT_REASONS, failureOf, hostUrl, IMPORT_REASONS } from './harvest-api';

/**
 * The facilitator page's side of the host's jobs (shared/jobs.ts): start an export or an import,
 * hear its progress line by line, stop it. Every call ends in one of three outcomes and none
 * throws: a result, a message key from the catalogue, or "stopped".
 */
export type JobOutcome<T> = { kind: 'done'; value: T } | { kind: 'failed'; reason: MessageKey; detail?: string } | { kind: 'stopped' };

/** Refusals whose own words say more than the catalogue's (which limit an archive passed, say). */
const DETAILED = new Set(['invalid_archive']);

export interface JobWatcher {
  /** The host's id of the job, for `stopJob`. */
  onStarted?(jobId: string): void;
  onProgress?(progress: JobProgress): void;
}

/** The host sends a line at least this often while a job runs; longer silence means it is gone. */
const SILENCE_MS = 120_000;

interface JobCall<T> {
  path: string;
  init: RequestInit;
  parse(result: unknown): T | null;
  reasons: Record<string, MessageKey>;
  fallback: MessageKey;
}

/** Reads the answer's lines as they come; the last line says how the job ended. */
async function follow<T>(response: Response, call: JobCall<T>, watcher: JobWatcher, alive: () => void): Promise<JobOutcome<T>> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { kind: 'failed', reason: 'harvest.error.noHost' };
    alive();
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        return { kind: 'failed', reason: call.fallback };
      }
      const event = jobEvent.safeParse(raw);
      if (!event.success) continue; // a kind of line this page does not know yet
      switch (event.data.t) {
        case 'job':
          watcher.onStarted?.(event.data.jobId);
          break;
        case 'progress':
          watcher.onProgress?.({ stage: event.data.stage, done: event.data.done, total: event.data.total });
          break;
        case 'done': {
          const value = call.parse(event.data.result);
          return value === null ? { kind: 'failed', reason: call.fallback } : { kind: 'done', value };
        }
        case 'failed':
          return { kind: 'failed', reason: call.reasons[event.data.code] ?? call.fallback, ...(DETAILED.has(event.data.code) ? { detail: event.data.message } : {}) };
        case 'cancelled':
          return { kind: 'stopped' };
      }
    }
  }
}

async function runJob<T>(call: JobCall<T>, watcher: JobWatcher, stop: AbortSignal | undefined, location: PageLocation): Promise<JobOutcome<T>> {
  const silence = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => silence.abort(), SILENCE_MS);
  };
  alive();
  const signal = stop ? AbortSignal.any([stop, silence.signal]) : silence.signal;
  try {
    const response = await fetch(hostUrl(location, call.path), { ...call.init, headers: authHeaders(location, call.init.headers as Record<string, string>), cache: 'no-store', signal });
    if (!response.ok || !response.body) return { kind: 'failed', reason: await failureOf(response, call.reasons, call.fallback) };
    return await follow(response, call, watcher, alive);
  } catch {
    if (stop?.aborted) return { kind: 'stopped' };
    return { kind: 'failed', reason: silence.signal.aborted ? 'harvest.error.timeout' : 'harvest.error.noHost' };
  } finally {
    clearTimeout(timer);
  }
}

/** An export: written where `request.path` says (desktop), or kept by the host for `fetchJobFile`. */
export function runExportJob(request: ExportJobRequest, watcher: JobWatcher, stop?: AbortSignal, location: PageLocation = window.location) {
  const call: JobCall<ExportJobResult> = {
    path: JOB_ROUTES.export,
    init: { method: API_ROUTES.jobExport.method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) },
    parse: (result) => exportJobResult.safeParse(result).data ?? null,
    reasons: EXPORT_REASONS,
    fallback: 'harvest.error.failed',
  };
  return runJob(call, watcher, stop, location);
}

/** An archive file, checked by the host before anything changes, then read in whole. */
export async function runImportJob(file: Blob, watcher: JobWatcher, stop?: AbortSignal, location: PageLocation = window.location): Promise<JobOutcome<ImportJobResult>> {
  if (file.size > MAX_IMPORT_BYTES) return { kind: 'failed', reason: 'archive.tooLarge' };
  const call: JobCall<ImportJobResult> = {
    path: JOB_ROUTES.import,
    init: { method: API_ROUTES.jobImport.method, headers: { 'Content-Type': 'application/octet-stream' }, body: await file.arrayBuffer() },
    parse: (result) => importJobResult.safeParse(result).data ?? null,
    reasons: IMPORT_REASONS,
    fallback: 'archive.hostFailed',
  };
  return runJob(call, watcher, stop, location);
}

/**
 * Tells the host an export is likely soon (a harvest panel opened), so its first one finds the
 * worker ready. Nothing depends on the answer: a host that cannot is simply slower once.
 */
export function prepareExports(location: PageLocation = window.location): void {
  const call = fetch(hostUrl(location, API_ROUTES.jobPrepare.path), { method: API_ROUTES.jobPrepare.method, headers: authHeaders(location), cache: 'no-store', signal: AbortSignal.timeout(10_000) });
  call.catch(() => undefined);
}

/** Asks the host to stop a job; true when it did. The job's own answer then ends in "stopped". */
export async function stopJob(jobId: string, location: PageLocation = window.location): Promise<boolean> {
  try {
    const response = await fetch(hostUrl(location, jobPath(jobId)), { method: API_ROUTES.jobCancel.method, headers: authHeaders(location), cache: 'no-store', signal: AbortSignal.timeout(10_000) });
    return response.status === 204;
  } catch {
    return false;
  }
}
