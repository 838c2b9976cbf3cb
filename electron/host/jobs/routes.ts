import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ExportJobRequest, JOB_ROUTES, type JobEvent, type JobProgress, MAX_IMPORT_BYTES } from '../../../shared/jobs';
import { ExportError } from '../export/errors';
import { parseExportRequest, readJson, readLimited } from '../export/write-to-file';
import type { Reply } from '../http-api';
import { SECURITY_HEADERS } from '../static-files';
import type { Job, Jobs } from './jobs';
import { JobCancelled } from './pool';

/**
 * The HTTP side of jobs, all in this file so it can move into the host's router as it is. The
 * routes and their shapes are declared in shared/jobs.ts; http-api.ts checks the facilitator
 * token first and then hands `/api/jobs/…` here, and uses `download` and `readBody` for its own
 * export and import routes, which run through the same jobs but answer in one piece.
 */

const INTERNAL = 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.';

export const readBody = (request: IncomingMessage): Promise<Buffer> => readLimited(request, MAX_IMPORT_BYTES, 'Dit bestand is te groot om te importeren.');

/** A requester that goes away before the answer cancels its job: nobody is waiting for it. */
export function cancelOnClose(response: ServerResponse, job: { cancel(): void }): void {
  response.once('close', () => {
    if (!response.writableFinished) job.cancel();
  });
}

const answer = (status: number, code: string, message: string): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify({ code, message }),
});

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** GET /api/export/…: an export made in the worker and sent in one piece. */
export async function download(jobs: Jobs, request: ExportJobRequest, response: ServerResponse): Promise<Reply> {
  const job = jobs.makeExport(request);
  cancelOnClose(response, job);
  const output = await job.result;
  return { status: 200, type: output.contentType, body: asBuffer(output.data), filename: output.fileName };
}

/** POST /api/import: read and checked in the worker, applied here; the report in one piece. */
export async function importInOnePiece(jobs: Jobs, request: IncomingMessage, response: ServerResponse): Promise<Reply> {
  const job = jobs.startImport(await readBody(request));
  cancelOnClose(response, job);
  return { status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(await job.result) };
}

/**
 * Answers with the job's events, one JSON line each, as they happen (see shared/jobs.ts). The
 * status is 200 once the job has started; how it ended is in the last line.
 */
async function stream<T>(response: ServerResponse, start: (onProgress: (progress: JobProgress) => void) => Job<T>): Promise<null> {
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
  const write = (event: JobEvent) => {
    if (!response.writableEnded && !response.destroyed) response.write(`${JSON.stringify(event)}\n`);
  };
  const job = start((progress) => write({ t: 'progress', ...progress }));
  write({ t: 'job', jobId: job.id });
  cancelOnClose(response, job);
  try {
    write({ t: 'done', result: await job.result });
  } catch (error) {
    if (error instanceof JobCancelled) write({ t: 'cancelled' });
    else if (error instanceof ExportError) write({ t: 'failed', code: error.code, message: error.message });
    else {
      console.error('Eiland host: a job failed', error);
      write({ t: 'failed', code: 'internal', message: INTERNAL });
    }
  }
  response.end();
  return null;
}

const JOB = /^\/api\/jobs\/([A-Za-z0-9-]{8,64})(\/file)?$/;

/** `/api/jobs/…`: a Reply to send, or null when the answer was streamed here already. */
export async function jobRoute(request: IncomingMessage, response: ServerResponse, url: URL, jobs: Jobs): Promise<Reply | null> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (path === JOB_ROUTES.export) {
    if (method !== 'POST') return answer(405, 'bad_request', 'Start een export met POST.');
    const wanted = parseExportRequest(await readJson(request), false);
    return stream(response, (onProgress) => jobs.startExport(wanted, onProgress));
  }
  if (path === JOB_ROUTES.import) {
    if (method !== 'POST') return answer(405, 'bad_request', 'Stuur het archiefbestand met POST.');
    const bytes = await readBody(request);
    return stream(response, (onProgress) => jobs.startImport(bytes, onProgress));
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
