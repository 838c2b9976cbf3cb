import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { type ExportJobRequest, JOB_ROUTES, type JobEvent, type JobProgress, MAX_IMPORT_BYTES } from '../../../shared/jobs';
import { ExportError } from '../export/errors';
import { parseExportRequest, readJson, readLimited } from '../export/write-to-file';
import type { Reply } from '../http-api';
import type { Job, Jobs } from './jobs';
import { JobCancelled } from './pool';

/**
 * The HTTP side of jobs, all in this file so it can move into the host's router as it is: the
 * handlers take the request and answer a Reply, never touching the response. The routes and their
 * shapes are declared in shared/jobs.ts; http-api.ts checks the facilitator token first, hands
 * `/api/jobs/…` here, and uses `download`, `importInOnePiece` and `readBody` for its own export and
 * import routes, which run through the same jobs but answer in one piece. A job's events are a
 * Reply whose body is a stream (`stream`): the one thing a router must add to send them.
 */

const INTERNAL = 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.';

export const readBody = (request: IncomingMessage): Promise<Buffer> => readLimited(request, MAX_IMPORT_BYTES, 'Dit bestand is te groot om te importeren.');

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

const answer = (status: number, code: string, message: string): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify({ code, message }),
});

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** GET /api/export/…: an export made in the worker and sent in one piece. */
export async function download(jobs: Jobs, wanted: ExportJobRequest, request: IncomingMessage): Promise<Reply> {
  const job = jobs.makeExport(wanted);
  cancelOnClose(request, job);
  const output = await job.result;
  return { status: 200, type: output.contentType, body: asBuffer(output.data), filename: output.fileName };
}

/** POST /api/import: read and checked in the worker, applied here; the report in one piece. */
export async function importInOnePiece(jobs: Jobs, request: IncomingMessage): Promise<Reply> {
  const job = jobs.startImport(await readBody(request));
  cancelOnClose(request, job);
  return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(await job.result) };
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
  return { status: 200, type: 'application/x-ndjson; charset=utf-8', body: '', stream: body as Readable };
}

const JOB = /^\/api\/jobs\/([A-Za-z0-9-]{8,64})(\/file)?$/;

/** `/api/jobs/…`: the job routes of shared/jobs.ts. */
export async function jobRoute(request: IncomingMessage, url: URL, jobs: Jobs): Promise<Reply> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (path === JOB_ROUTES.export) {
    if (method !== 'POST') return answer(405, 'bad_request', 'Start een export met POST.');
    const wanted = parseExportRequest(await readJson(request), false);
    return stream((onProgress) => jobs.startExport(wanted, onProgress));
  }
  if (path === JOB_ROUTES.import) {
    if (method !== 'POST') return answer(405, 'bad_request', 'Stuur het archiefbestand met POST.');
    const bytes = await readBody(request);
    return stream((onProgress) => jobs.startImport(bytes, onProgress));
  }
  const match = JOB.exec(path);
  if (!match) return answer(404, 'not_found', 'Dit adres kent Eiland niet.');
  const id = match[1] as string;
  if (match[2]) {
    if (method !== 'GET') return answer(405, 'bad_request', 'Haal het bestand op met GET.');
    const file = jobs.takeFile(id);
    if (!file) return answer(404, 'not_found', 'Dit bestand is er niet (meer). Exporteer het opnieuw.');
    return { status: 200, type: file.contentType, body: asBuffer(file.data), filename: file.fileName };
  }
  if (method !== 'DELETE') return answer(405, 'bad_request', 'Stop een taak met DELETE.');
  if (!jobs.cancel(id)) return answer(404, 'not_found', 'Deze taak loopt niet (meer).');
  return { status: 204, type: 'text/plain; charset=utf-8', body: '' };
}
