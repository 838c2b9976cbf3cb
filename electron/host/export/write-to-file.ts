import type { IncomingMessage } from 'node:http';
import { extname, isAbsolute } from 'node:path';
import { type ExportFormat, type ExportJobRequest, exportJobRequest } from '../../../shared/jobs';
import type { Job, Jobs } from '../jobs/jobs';
import { ExportError } from './errors';

/**
 * POST /api/export-to-file: the desktop app's way to save a harvest. The shell's native save
 * dialog picks the path; the host makes the export with the same code as the downloads and the
 * command line (exporter.ts, in the export worker) and writes it whole or not at all (files.ts).
 *
 *   {scope: 'session' | 'programme', id, format: 'pdf' | 'sqlite' | 'csv' | 'votes-csv', path, lang?, sessions?}
 *
 * The answer is JSON: `{path, bytes, pages?}`, or `{code, message}`. A target that cannot be
 * written is 422 `not_writable` (the request was fine, the place is not), and nothing is left there.
 * The same request without waiting, with progress and a way to stop it, is POST /api/jobs/export.
 */

/** A few hundred bytes in practice; anything far bigger is not a request for this route. */
const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * The file extensions each format may be written under. The path comes from a save dialog, but
 * the route must not become a way to overwrite any file of the user's with an export (a script,
 * a settings file): the name has to say what it holds. `.eiland` is the archive type the desktop
 * registers for double-click.
 */
export const EXTENSIONS: Record<ExportFormat, readonly string[]> = {
  pdf: ['.pdf'],
  sqlite: ['.sqlite', '.eiland', '.db'],
  csv: ['.csv'],
  'votes-csv': ['.csv'],
};

export interface ExportToFileReply {
  status: number;
  body: { path: string; bytes: number; pages?: number } | { code: string; message: string };
}

/** Which field was wrong, said so a person can act on it. */
const FIELD_MESSAGES: Record<string, string> = {
  scope: 'Kies wat je exporteert: "session" of "programme".',
  id: 'De id van de sessie of het programma ontbreekt of klopt niet.',
  format: 'Onbekend formaat. Kies pdf, sqlite, csv of votes-csv.',
  path: 'Geef aan waar het bestand moet komen.',
  lang: 'De taal is nl of en.',
  sessions: 'De lijst met sessies klopt niet.',
};

/** A request's body, refused as `too_large` (with `tooLarge` said) once it passes `limit` bytes. */
export async function readLimited(request: IncomingMessage, limit: number, tooLarge: string): Promise<Buffer> {
  if (Number(request.headers['content-length'] ?? 0) > limit) throw new ExportError('too_large', tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ExportError('too_large', tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readLimited(request, MAX_REQUEST_BYTES, 'Dit verzoek is te groot.');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new ExportError('bad_request', 'Dit verzoek is geen geldige JSON.');
  }
}

/**
 * Checks the request as a whole; every refusal is a 400 with one plain sentence. `needsPath`:
 * this route writes a file; an export job may also keep its file for a download instead.
 */
export function parseExportRequest(input: unknown, needsPath = true): ExportJobRequest {
  const parsed = exportJobRequest.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new ExportError('bad_request', FIELD_MESSAGES[field] ?? 'Stuur een JSON-object met scope, id, format en path.');
  }
  const request = parsed.data;
  if (needsPath && request.path === undefined) throw new ExportError('bad_request', FIELD_MESSAGES.path as string);
  if (request.scope === 'programme' && (request.format === 'csv' || request.format === 'votes-csv')) {
    throw new ExportError('bad_request', 'CSV kan alleen per sessie. Kies voor een programma pdf of sqlite.');
  }
  if (request.path === undefined) return request;
  if (!isAbsolute(request.path)) throw new ExportError('bad_request', 'Geef de volledige plek van het bestand, met de map erbij.');
  const allowed = EXTENSIONS[request.format];
  if (!allowed.includes(extname(request.path).toLowerCase())) {
    throw new ExportError('bad_request', `De bestandsnaam moet eindigen op ${allowed.join(' of ')}.`);
  }
  return request;
}

/**
 * Reads, checks, exports and writes. Errors about the request or the data (unknown id) are thrown
 * as ExportError for the API's usual answer; a place that cannot be written is answered here, as
 * 422, since the export itself was fine. `started` hands the job out, so a requester that goes
 * away can have it cancelled.
 */
export async function exportToFile(jobs: Jobs, request: IncomingMessage, started: (job: Job<unknown>) => void): Promise<ExportToFileReply> {
  const wanted = parseExportRequest(await readJson(request));
  const job = jobs.startExport(wanted);
  started(job);
  try {
    const { path = wanted.path as string, bytes, pages } = await job.result;
    return { status: 200, body: pages === undefined ? { path, bytes } : { path, bytes, pages } };
  } catch (error) {
    if (error instanceof ExportError && error.code === 'not_writable') return { status: 422, body: { code: error.code, message: error.message } };
    throw error;
  }
}
