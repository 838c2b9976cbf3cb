import { extname, isAbsolute } from 'node:path';
import { EXPORT_EXTENSIONS, type ExportToFileRequest } from '../../../shared/http-routes';
import { type ExportJobRequest, exportJobRequest } from '../../../shared/jobs';
import type { Job, Jobs } from '../jobs/jobs';
import { ExportError } from './errors';

/**
 * POST /api/export-to-file: the desktop app's way to save a harvest. The shell's native save
 * dialog picks the path; the host makes the export with the same code as the downloads and the
 * command line (exporter.ts, in the export worker) and writes it whole or not at all (files.ts).
 *
 *   {scope: 'session' | 'programme', id, format: 'pdf' | 'docx' | 'sqlite' | 'csv' | 'votes-csv', path, lang?, sessions?}
 *
 * The answer is JSON: `{path, bytes, pages?}`, or `{code, message}`. A target that cannot be
 * written is 422 `not_writable` (the request was fine, the place is not), and nothing is left there.
 * The same request without waiting, with progress and a way to stop it, is POST /api/jobs/export.
 */

/** The file extensions each format may be written under (see EXPORT_EXTENSIONS for why). */
export const EXTENSIONS = EXPORT_EXTENSIONS;

export interface ExportToFileReply {
  status: number;
  body: { path: string; bytes: number; pages?: number } | { code: string; message: string };
}

/** Which field was wrong, said so a person can act on it. */
const FIELD_MESSAGES: Record<string, string> = {
  scope: 'Kies wat je exporteert: "session" of "programme".',
  id: 'De id van de sessie of het programma ontbreekt of klopt niet.',
  format: 'Onbekend formaat. Kies pdf, docx, sqlite, csv of votes-csv.',
  path: 'Geef aan waar het bestand moet komen.',
  lang: 'De taal is nl of en.',
  sessions: 'De lijst met sessies klopt niet.',
};

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
    throw new ExportError('bad_request', 'CSV kan alleen per sessie. Kies voor een programma pdf, docx of sqlite.');
  }
  if (request.path === undefined) return request;
  if (!isAbsolute(request.path)) throw new ExportError('bad_request', 'Geef de volledige plek van het bestand, met de map erbij.');
  const allowed = EXTENSIONS[request.format];
  if (!allowed.includes(extname(request.path).toLowerCase())) {
    throw new ExportError('bad_request', `De bestandsnaam moet eindigen op ${allowed.join(' of ')}.`);
  }
  return request;
}

/** The export-to-file route's check: as parseExportRequest, with the path it must have. */
export function parseExportToFileRequest(input: unknown): ExportToFileRequest {
  const request = parseExportRequest(input, true);
  return { ...request, path: request.path as string };
}

/**
 * Exports and writes a request checked by parseExportRequest. Errors about the request or the data (unknown id) are thrown
 * as ExportError for the API's usual answer; a place that cannot be written is answered here, as
 * 422, since the export itself was fine. `started` hands the job out, so a requester that goes
 * away can have it cancelled.
 */
export async function exportToFile(jobs: Jobs, wanted: ExportToFileRequest, started: (job: Job<unknown>) => void): Promise<ExportToFileReply> {
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
