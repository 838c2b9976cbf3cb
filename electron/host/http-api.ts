import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/i18n/messages';
import { JOB_ROUTES } from '../../shared/jobs';
import type { Engine } from './engine';
import { ExportError } from './export/errors';
import { exportToFile } from './export/write-to-file';
import type { Jobs } from './jobs/jobs';
import { JobCancelled } from './jobs/pool';
import { cancelOnClose, download, importInOnePiece, jobRoute } from './jobs/routes';
import { SECURITY_HEADERS } from './static-files';

/**
 * The harvest over HTTP, for the facilitator's window (downloads, import, demo). Every route needs
 * the facilitator token (`?token=` or `Authorization: Bearer`), and every failure is answered as
 * JSON `{code, message}` with a fitting status; nothing half-done is ever left behind. Exports and
 * archive reading run in the export worker (jobs/), never on the loop that answers phones.
 *
 *   GET  /api/export/session/:id.pdf | .sqlite | .csv[?table=votes]   [&lang=en]
 *   GET  /api/export/programme/:id.pdf | .sqlite   [?sessions=a,b][&lang=en]
 *   GET  /api/programme/:id/suggestions            theme links to confirm
 *   POST /api/import   body: the bytes of an archive file
 *   POST /api/export-to-file   {scope, id, format, path, lang?, sessions?}: the desktop's save dialog (write-to-file.ts)
 *   POST /api/demo     makes the demo programme (once)
 *   …/api/jobs/…       the same exports and import with progress and cancel (shared/jobs.ts, jobs/routes.ts)
 */
export interface ApiContext {
  engine: Engine;
  jobs: Jobs;
  token: string;
}

const PREFIXES = ['/api/export/', '/api/export-to-file', '/api/import', '/api/demo', '/api/programme/', JOB_ROUTES.prefix];

/** `stream`: a body sent as it comes (a job's events); dropped when the requester goes away. */
export type Reply = { status: number; type: string; body: Buffer | string; filename?: string; stream?: Readable };

const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const failure = (status: number, code: string, message: string) => json(status, { code, message });

function authorised(request: IncomingMessage, url: URL, token: string): boolean {
  const header = request.headers.authorization;
  const given = url.searchParams.get('token') ?? (header?.startsWith('Bearer ') ? header.slice(7).trim() : null);
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A file name for a download: plain letters for old tools, the real title in filename*. */
function disposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/-+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The export code (pdfkit, fonts) is loaded on the first export, not at start: it is most of the
 * host's code, and the facilitator's screen should not wait for it.
 */
const loadExporter = () => import('./export/exporter');
const loadDemo = () => import('./export/demo');

async function route(request: IncomingMessage, url: URL, { engine, jobs }: ApiContext): Promise<Reply> {
  const method = request.method ?? 'GET';
  const locale: Locale = isLocale(url.searchParams.get('lang')) ? (url.searchParams.get('lang') as Locale) : DEFAULT_LOCALE;
  const chosen = url.searchParams.get('sessions')?.split(',').filter(Boolean);
  const path = url.pathname;
  if (path.startsWith(JOB_ROUTES.prefix)) return jobRoute(request, url, jobs);
  const exportMatch = /^\/api\/export\/(session|programme)\/([A-Za-z0-9_-]{1,64})\.(pdf|sqlite|csv)$/.exec(path);
  if (exportMatch) {
    if (method !== 'GET') return failure(405, 'bad_request', 'Gebruik GET om te exporteren.');
    const [, scope, id = '', ext] = exportMatch;
    if (scope === 'session') {
      const format = ext === 'csv' ? (url.searchParams.get('table') === 'votes' ? 'votes-csv' : 'csv') : (ext as 'pdf' | 'sqlite');
      return download(jobs, { scope, id, format, lang: locale }, request);
    }
    if (ext === 'csv') return failure(404, 'not_found', 'Een programma kan als PDF of als archief worden geëxporteerd.');
    return download(jobs, { scope: 'programme', id, format: ext as 'pdf' | 'sqlite', lang: locale, ...(chosen ? { sessions: chosen } : {}) }, request);
  }
  const suggestions = /^\/api\/programme\/([A-Za-z0-9_-]{1,64})\/suggestions$/.exec(path);
  if (suggestions && method === 'GET') return json(200, { suggestions: (await loadExporter()).programmeSuggestions(engine, suggestions[1] ?? '', chosen) });
  if (path === '/api/import') {
    if (method !== 'POST') return failure(405, 'bad_request', 'Stuur het archiefbestand met POST.');
    return importInOnePiece(jobs, request);
  }
  if (path === '/api/export-to-file') {
    if (method !== 'POST') return failure(405, 'bad_request', 'Stuur de opdracht met POST.');
    const { status, body } = await exportToFile(jobs, request, (job) => cancelOnClose(request, job));
    return json(status, body);
  }
  if (path === '/api/demo') {
    if (method !== 'POST') return failure(405, 'bad_request', 'Maak het voorbeeld met POST.');
    const { createDemo } = await loadDemo();
    return json(200, createDemo(engine));
  }
  return failure(404, 'not_found', 'Dit adres kent Eiland niet.');
}

function send(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) {
    reply.stream?.destroy();
    return;
  }
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': reply.type, 'Cache-Control': 'no-store' };
  if (reply.filename) headers['Content-Disposition'] = disposition(reply.filename);
  if (reply.stream) {
    const stream = reply.stream;
    response.writeHead(reply.status, headers);
    response.once('close', () => stream.destroy());
    stream.pipe(response);
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(reply.body);
  response.writeHead(reply.status, headers);
  response.end(reply.body);
}

/** Answers the request when it is one of the API's; returns false to let the server go on. */
export function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, context: ApiContext): boolean {
  if (!PREFIXES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(prefix))) return false;
  if (!authorised(request, url, context.token)) {
    send(response, failure(401, 'unauthorized', 'Toegangscode ontbreekt of klopt niet. Open Eiland via het adres dat bij het starten werd getoond.'));
    request.resume();
    return true;
  }
  route(request, url, context)
    .catch((error: unknown) => {
      if (error instanceof ExportError) return failure(error.status, error.code, error.message);
      // Only a requester that went away cancels these; the answer goes nowhere.
      if (error instanceof JobCancelled) return failure(409, 'cancelled', 'Gestopt. Er is niets veranderd.');
      console.error('Eiland host: export failed', error);
      return failure(500, 'internal', 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.');
    })
    .then((reply) => {
      if (reply.status >= 400) request.resume();
      send(response, reply);
    });
  return true;
}
