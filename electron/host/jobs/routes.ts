import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { API_ROUTES, type ExportJobRequest, JOB_ID } from '../../../shared/http-routes';
import type { JobEvent, JobProgress } from '../../../shared/jobs';
import { ApiRefusal, apiRoute } from '../http/api-route';
import { failure, type Reply, text } from '../http/reply';
import type { Route } from '../http/router';
import { ExportError } from '../export/errors';
import { parseExportRequest } from '../export/write-to-file';
import type { Job, Jobs } from './jobs';
import { JobCancelled } from './pool';

/**
 * The job routes of the host's router (declared in shared/http-routes.ts, described in
 * shared/jobs.ts), and the helpers the one-piece export and import routes (http/routes.ts) use to
 * run through the same jobs. Handlers answer a Reply and never touch the response; a job's events
 * are a Reply whose body is a stream, which the router drops when the requester goes away.
 */

const INTERNAL = 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.';

/**
 * A requester that goes away before its answer cancels its job: nobody is waiting for it. The
 * connection may outlive the request (keep-alive), so the watch ends with the job.
 */
export function cancelOnClose(request: IncomingMessage, job: Job<unknown>): void {
  const socket = request.socket;
  const gone = () => job.cancel();
  socket.once('close', gone);
  void job.result.then(
    () => socket.off('close', gone),
    () => socket.off('close', gone),
  );
}

/** A job stopped because its requester left: the answer goes nowhere, but it is still one. */
export function refuseStopped(error: unknown): Reply | null {
  return error instanceof JobCancelled ? failure(409, 'cancelled', 'Gestopt. Er is niets veranderd.') : null;
}

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** A made file as a download: plain letters for old tools, the real title in filename*. */
export function download(contentType: string, data: Uint8Array | Buffer | string, fileName: string): Reply {
  const ascii = fileName.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/-+/g, '-');
  return {
    status: 200,
    body: typeof data === 'string' ? data : Buffer.isBuffer(data) ? data : asBuffer(data),
    headers: {
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  };
}

/** GET /api/export/…: an export made in the worker and sent in one piece. */
export async function exportInOnePiece(jobs: Jobs, wanted: ExportJobRequest, request: IncomingMessage): Promise<Reply> {
  const job = jobs.makeExport(wanted);
  cancelOnClose(request, job);
  const output = await job.result;
  return download(output.contentType, output.data, output.fileName);
}

/**
 * The job's events, one JSON line each, as they happen (see shared/jobs.ts), as a 200 whose body
 * is a stream; how the job ended is in its last line. Whoever reads the stream and drops it
 * before the end (the router, when the requester's connection closes) stops the job.
 */
function stream<T>(start: (onProgress: (progress: JobProgress) => void) => Job<T>): Reply {
  const body = new PassThrough();
  const write = (event: JobEvent) => {
    if (!body.destroyed && !body.writableEnded) body.write(`${JSON.stringify(event)}\n`);
  };
  const job = start((progress) => write({ t: 'progress', ...progress }));
  write({ t: 'job', jobId: job.id });
  // After the last line this is a no-op: the job is no longer running.
  body.once('close', () => job.cancel());
  job.result
    .then(
      (result) => write({ t: 'done', result }),
      (error: unknown) => {
        if (error instanceof JobCancelled) write({ t: 'cancelled' });
        else if (error instanceof ExportError) write({ t: 'failed', code: error.code, message: error.message });
        else {
          console.error('Eiland host: a job failed', error);
          write({ t: 'failed', code: 'internal', message: INTERNAL });
        }
      },
    )
    .finally(() => body.end());
  return { status: 200, body: '', headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' }, stream: body };
}

function jobId(params: Readonly<Record<string, string>>): string {
  const id = params.id ?? '';
  if (!JOB_ID.test(id)) throw new ApiRefusal(404, 'not_found', 'Deze taak bestaat niet.');
  return id;
}

export function jobRoutes(jobs: Jobs, token: string): Route[] {
  const own = { listeners: ['loopback'] as const, token, refuse: refuseStopped };
  return [
    apiRoute(API_ROUTES.jobExport, {
      ...own,
      // The same checks and words as export-to-file, except that the path may be left out.
      parseBody: (raw) => parseExportRequest(raw, false),
      handle: ({ body }) => stream((onProgress) => jobs.startExport(body, onProgress)),
    }),
    apiRoute(API_ROUTES.jobImport, {
      ...own,
      bodyTimeoutMs: 120_000,
      // An empty or wrong file is the worker's to say (`unreadable_archive`), like any other.
      handle: ({ bytes }) => stream((onProgress) => jobs.startImport(bytes, onProgress)),
    }),
    apiRoute(API_ROUTES.jobPrepare, {
      ...own,
      handle() {
        jobs.prepare();
        return text(204, '');
      },
    }),
    apiRoute(API_ROUTES.jobCancel, {
      ...own,
      handle({ params }) {
        if (!jobs.cancel(jobId(params))) throw new ApiRefusal(404, 'not_found', 'Deze taak loopt niet (meer).');
        return text(204, '');
      },
    }),
    apiRoute(API_ROUTES.jobFile, {
      ...own,
      handle({ params }) {
        const file = jobs.takeFile(jobId(params));
        if (!file) throw new ApiRefusal(404, 'not_found', 'Dit bestand is er niet (meer). Exporteer het opnieuw.');
        return download(file.contentType, file.data, file.fileName);
      },
    }),
  ];
}
