import { extname, isAbsolute } from 'node:path';
import { EXPORT_EXTENSIONS, type ExportToFileRequest, exportToFileRequestSchema } from '../../../shared/http-routes';
import type { Engine } from '../engine';
import { ExportError } from './errors';
import { programmeArchive, programmePdf, sessionArchive, sessionCsv, sessionPdf } from './exporter';
import { writeFileAtomically } from './files';

/**
 * POST /api/export-to-file: the desktop app's way to save a harvest. The shell's native save
 * dialog picks the path; the host makes the export with the same code as the downloads and the
 * command line (exporter.ts) and writes it whole or not at all (files.ts).
 *
 *   {scope: 'session' | 'programme', id, format: 'pdf' | 'sqlite' | 'csv' | 'votes-csv', path, lang?, sessions?}
 *
 * The answer is JSON: `{path, bytes, pages?}`, or `{code, message}`. A target that cannot be
 * written is 422 `not_writable` (the request was fine, the place is not), and nothing is left there.
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
  format: 'Onbekend formaat. Kies pdf, sqlite, csv of votes-csv.',
  path: 'Geef aan waar het bestand moet komen.',
  lang: 'De taal is nl of en.',
  sessions: 'De lijst met sessies klopt niet.',
};

/** Checks the request as a whole; every refusal is a 400 with one plain sentence. */
export function parseExportRequest(input: unknown): ExportToFileRequest {
  const parsed = exportToFileRequestSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new ExportError('bad_request', FIELD_MESSAGES[field] ?? 'Stuur een JSON-object met scope, id, format en path.');
  }
  const request = parsed.data;
  if (request.scope === 'programme' && (request.format === 'csv' || request.format === 'votes-csv')) {
    throw new ExportError('bad_request', 'CSV kan alleen per sessie. Kies voor een programma pdf of sqlite.');
  }
  if (!isAbsolute(request.path)) throw new ExportError('bad_request', 'Geef de volledige plek van het bestand, met de map erbij.');
  const allowed = EXTENSIONS[request.format];
  if (!allowed.includes(extname(request.path).toLowerCase())) {
    throw new ExportError('bad_request', `De bestandsnaam moet eindigen op ${allowed.join(' of ')}.`);
  }
  return request;
}

/** The bytes of the export, from the one export code path. */
async function produce(engine: Engine, request: ExportToFileRequest): Promise<{ data: Buffer | string; pages?: number }> {
  const locale = request.lang ?? 'nl';
  if (request.scope === 'session') {
    switch (request.format) {
      case 'pdf': {
        const { pdf, pages } = await sessionPdf(engine, request.id, locale);
        return { data: pdf, pages };
      }
      case 'sqlite':
        return { data: sessionArchive(engine, request.id) };
      case 'csv':
        return { data: sessionCsv(engine, request.id, 'notes', locale) };
      case 'votes-csv':
        return { data: sessionCsv(engine, request.id, 'votes', locale) };
    }
  }
  if (request.format === 'pdf') {
    const { pdf, pages } = await programmePdf(engine, request.id, locale, request.sessions);
    return { data: pdf, pages };
  }
  return { data: programmeArchive(engine, request.id, request.sessions) };
}

/**
 * Exports and writes a request checked by parseExportRequest. Errors about the request or the data (unknown id) are thrown
 * as ExportError for the API's usual answer; a place that cannot be written is answered here, as
 * 422, since the export itself was fine.
 */
export async function exportToFile(engine: Engine, wanted: ExportToFileRequest): Promise<ExportToFileReply> {
  const { data, pages } = await produce(engine, wanted);
  try {
    await writeFileAtomically(wanted.path, data);
  } catch (error) {
    if (error instanceof ExportError && error.code === 'not_writable') return { status: 422, body: { code: error.code, message: error.message } };
    throw error;
  }
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return { status: 200, body: pages === undefined ? { path: wanted.path, bytes } : { path: wanted.path, bytes, pages } };
}
