import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/i18n/messages';
import type { Engine } from './engine';
import { ExportError } from './export/errors';
import { SECURITY_HEADERS } from './static-files';

/**
 * The harvest over HTTP, for the facilitator's window (downloads, import, demo). Every route needs
 * the facilitator token (`?token=` or `Authorization: Bearer`), and every failure is answered as
 * JSON `{code, message}` with a fitting status; nothing half-done is ever left behind.
 *
 *   GET  /api/export/session/:id.pdf | .sqlite | .csv[?table=votes]   [&lang=en]
 *   GET  /api/export/programme/:id.pdf | .sqlite   [?sessions=a,b][&lang=en]
 *   GET  /api/programme/:id/suggestions            theme links to confirm
 *   POST /api/import   body: the bytes of an archive file
 *   POST /api/export-to-file   {scope, id, format, path, lang?, sessions?}: the desktop's save dialog (write-to-file.ts)
 *   POST /api/demo     makes the demo programme (once)
 */
export interface ApiContext {
  engine: Engine;
  token: string;
}

/** Archives above this are refused before they are read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const PREFIXES = ['/api/export/', '/api/export-to-file', '/api/import', '/api/demo', '/api/programme/'];

type Reply = { status: number; type: string; body: Buffer | string; filename?: string };

const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const failure = (status: number, code: string, message: string) => json(status, { code, message });

export function authorised(request: IncomingMessage, url: URL, token: string): boolean {
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

const fileStem = (title: string, date = '') => `${[title, date].filter(Boolean).join(' ').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim() || 'eiland'}`;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_IMPORT_BYTES) throw new ExportError('too_large', 'Dit bestand is te groot om te importeren.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMPORT_BYTES) throw new ExportError('too_large', 'Dit bestand is te groot om te importeren.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The export code (pdfkit, fonts) is loaded on the first export, not at start: it is most of the
 * host's code, and the facilitator's screen should not wait for it.
 */
const loadExporter = () => import('./export/exporter');
const loadDemo = () => import('./export/demo');
const loadWriter = () => import('./export/write-to-file');

async function route(request: IncomingMessage, url: URL, engine: Engine): Promise<Reply> {
  const { importArchiveBytes, programmeArchive, programmeOf, programmePdf, programmeSuggestions, sessionArchive, sessionCsv, sessionOf, sessionPdf } =
    await loadExporter();
  const method = request.method ?? 'GET';
  const locale: Locale = isLocale(url.searchParams.get('lang')) ? (url.searchParams.get('lang') as Locale) : DEFAULT_LOCALE;
  const chosen = url.searchParams.get('sessions')?.split(',').filter(Boolean);
  const path = url.pathname;
  const exportMatch = /^\/api\/export\/(session|programme)\/([A-Za-z0-9_-]{1,64})\.(pdf|sqlite|csv)$/.exec(path);
  if (exportMatch) {
    if (method !== 'GET') return failure(405, 'bad_request', 'Gebruik GET om te exporteren.');
    const [, scope, id = '', ext] = exportMatch;
    if (scope === 'session') {
      const meta = sessionOf(engine, id).meta;
      const stem = fileStem(meta.title, meta.date);
      if (ext === 'pdf') return { status: 200, type: 'application/pdf', body: (await sessionPdf(engine, id, locale)).pdf, filename: `${stem}.pdf` };
      if (ext === 'sqlite') return { status: 200, type: 'application/vnd.sqlite3', body: sessionArchive(engine, id), filename: `${stem}.eiland` };
      const table = url.searchParams.get('table') === 'votes' ? 'votes' : 'notes';
      return { status: 200, type: 'text/csv; charset=utf-8', body: sessionCsv(engine, id, table, locale), filename: `${stem} ${table}.csv` };
    }
    const stem = fileStem(programmeOf(engine, id).name);
    if (ext === 'pdf') return { status: 200, type: 'application/pdf', body: (await programmePdf(engine, id, locale, chosen)).pdf, filename: `${stem}.pdf` };
    if (ext === 'sqlite') return { status: 200, type: 'application/vnd.sqlite3', body: programmeArchive(engine, id, chosen), filename: `${stem}.eiland` };
    return failure(404, 'not_found', 'Een programma kan als PDF of als archief worden geëxporteerd.');
  }
  const suggestions = /^\/api\/programme\/([A-Za-z0-9_-]{1,64})\/suggestions$/.exec(path);
  if (suggestions && method === 'GET') return json(200, { suggestions: programmeSuggestions(engine, suggestions[1] ?? '', chosen) });
  if (path === '/api/import') {
    if (method !== 'POST') return failure(405, 'bad_request', 'Stuur het archiefbestand met POST.');
    return json(200, importArchiveBytes(engine, await readBody(request)));
  }
  if (path === '/api/export-to-file') {
    if (method !== 'POST') return failure(405, 'bad_request', 'Stuur de opdracht met POST.');
    const { status, body } = await (await loadWriter()).exportToFile(engine, request);
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
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'Content-Type': reply.type,
    'Content-Length': Buffer.byteLength(reply.body),
    'Cache-Control': 'no-store',
  };
  if (reply.filename) headers['Content-Disposition'] = disposition(reply.filename);
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
  route(request, url, context.engine)
    .catch((error: unknown) => {
      if (error instanceof ExportError) return failure(error.status, error.code, error.message);
      console.error('Eiland host: export failed', error);
      return failure(500, 'internal', 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.');
    })
    .then((reply) => {
      if (reply.status >= 400) request.resume();
      send(response, reply);
    });
  return true;
}
