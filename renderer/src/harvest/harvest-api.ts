import {
  API_ROUTES,
  apiErrorSchema,
  type ExportFormat,
  type ExportScope,
  exportFilePath,
  type ImportReply,
  MAX_IMPORT_BYTES,
  suggestionsPath,
} from '../../../shared/http-routes';
import type { Locale, MessageKey } from '../../../shared/i18n/messages';
import type { LinkSuggestion } from '../../../shared/report/suggest';
import { type PageLocation, tokenOf } from '../client/url';
import { type ImportReport, parseImportReport } from '../../../shared/import-report';

/**
 * The harvest routes of the host (declared in shared/http-routes.ts), seen from the facilitator
 * page. The token goes in a Bearer header, never in an address that could end up in a history or
 * log. Every call ends: in a result, or in a message key from the catalogue; none throws.
 */
export type { ExportFormat, ExportScope } from '../../../shared/http-routes';
export { MAX_IMPORT_BYTES } from '../../../shared/http-routes';

export interface ExportJob {
  scope: ExportScope;
  id: string;
  format: ExportFormat;
  lang: Locale;
  /** For a programme: the chosen sessions (all when absent). */
  sessions?: readonly string[];
  /** The name offered in the save dialog, or used for a download when the host names none. */
  fileName: string;
}

/** `detail`: the host's own words on what was refused (e.g. which limit an archive passed), when it said more. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: MessageKey; detail?: string };

/** A local host answers in well under a second; a big programme PDF takes seconds, not minutes. */
export const EXPORT_TIMEOUT_MS = 120_000;
const QUICK_TIMEOUT_MS = 20_000;

const EXPORT_REASONS: Record<string, MessageKey> = {
  not_writable: 'harvest.error.notWritable',
  unknown_session: 'harvest.error.gone',
  unknown_programme: 'harvest.error.gone',
  unauthorized: 'error.unauthorized',
};

/** Why an import was refused, in the words the desktop's "Archief openen" uses too. */
const IMPORT_REASONS: Record<string, MessageKey> = {
  too_large: 'archive.tooLarge',
  unreadable_archive: 'archive.notArchive',
  unsupported_archive: 'archive.newer',
  invalid_archive: 'archive.invalid',
  unauthorized: 'error.unauthorized',
  disk_full: 'error.disk_full',
  read_only: 'error.read_only',
};

function headers(location: PageLocation, extra: Record<string, string> = {}): Record<string, string> {
  const token = tokenOf(location);
  return token === null ? extra : { ...extra, Authorization: `Bearer ${token}` };
}

async function failureOf(response: Response, reasons: Record<string, MessageKey>, fallback: MessageKey): Promise<MessageKey> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => null));
  return (body.success && reasons[body.data.code]) || fallback;
}

const thrownReason = (error: unknown): MessageKey => (error instanceof DOMException && error.name === 'TimeoutError' ? 'harvest.error.timeout' : 'harvest.error.noHost');

/** The GET address of an export (the same bytes the command line and export-to-file produce). */
export function exportPath(job: ExportJob): string {
  return exportFilePath({ scope: job.scope, id: job.id, format: job.format, lang: job.lang, ...(job.sessions ? { sessions: job.sessions } : {}) });
}

/** The file name the host gave in Content-Disposition (filename* first: it keeps the real title). */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const starred = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (starred?.[1]) {
    try {
      return decodeURIComponent(starred[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? null;
}

/** Browser mode: fetches the export as a file, named as the host names it. */
export async function fetchExport(job: ExportJob, location: PageLocation = window.location): Promise<Outcome<{ blob: Blob; fileName: string }>> {
  try {
    const response = await fetch(exportPath(job), { headers: headers(location), cache: 'no-store', signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, reason: await failureOf(response, EXPORT_REASONS, 'harvest.error.failed') };
    const blob = await response.blob();
    return { ok: true, value: { blob, fileName: dispositionName(response.headers.get('content-disposition')) ?? job.fileName } };
  } catch (error) {
    return { ok: false, reason: thrownReason(error) };
  }
}

/** Desktop mode: the host writes the export to the path the save dialog gave (whole or not at all). */
export async function exportToFile(job: ExportJob, path: string, location: PageLocation = window.location): Promise<Outcome<{ path: string }>> {
  const body = { scope: job.scope, id: job.id, format: job.format, path, lang: job.lang, ...(job.sessions?.length ? { sessions: job.sessions } : {}) };
  try {
    const response = await fetch(API_ROUTES.exportToFile.path, {
      method: API_ROUTES.exportToFile.method,
      headers: headers(location, { 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: await failureOf(response, EXPORT_REASONS, 'harvest.error.failed') };
    const written = API_ROUTES.exportToFile.reply.safeParse(await response.json().catch(() => null));
    return written.success ? { ok: true, value: { path: written.data.path } } : { ok: false, reason: 'harvest.error.failed' };
  } catch (error) {
    return { ok: false, reason: thrownReason(error) };
  }
}

export type { ImportedSession, ImportReport } from '../../../shared/import-report';

/** Sends the bytes of an archive file to the host, which checks and merges it. */
export async function importArchive(file: Blob, location: PageLocation = window.location): Promise<Outcome<ImportReport>> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, reason: 'archive.tooLarge' };
  try {
    const response = await fetch(API_ROUTES.import.path, {
      method: API_ROUTES.import.method,
      headers: headers(location, { 'Content-Type': 'application/octet-stream' }),
      body: await file.arrayBuffer(),
      cache: 'no-store',
      signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
      const reason = (typeof body?.code === 'string' && IMPORT_REASONS[body.code]) || 'archive.hostFailed';
      return { ok: false, reason, ...(typeof body?.message === 'string' && body.code === 'invalid_archive' ? { detail: body.message } : {}) };
    }
    const reply = API_ROUTES.import.reply.safeParse(await response.json().catch(() => null));
    return reply.success ? { ok: true, value: reply.data } : { ok: false, reason: 'archive.hostFailed' };
  } catch (error) {
    return { ok: false, reason: thrownReason(error) };
  }
}

/** The host's suggestions for theme links between the chosen sessions of a programme. */
export async function fetchSuggestions(
  programmeId: string,
  sessions: readonly string[],
  location: PageLocation = window.location,
): Promise<Outcome<LinkSuggestion[]>> {
  try {
    const response = await fetch(suggestionsPath(programmeId, sessions), {
      headers: headers(location),
      cache: 'no-store',
      signal: AbortSignal.timeout(QUICK_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: 'harvest.linksFailed' };
    const reply = API_ROUTES.suggestions.reply.safeParse(await response.json().catch(() => null));
    return reply.success ? { ok: true, value: reply.data.suggestions } : { ok: false, reason: 'harvest.linksFailed' };
  } catch {
    return { ok: false, reason: 'harvest.linksFailed' };
  }
}
