import { API_ROUTES, apiErrorSchema, type ExportFormat, type ExportScope, suggestionsPath } from '../../../shared/http-routes';
import type { Locale, MessageKey } from '../../../shared/i18n/messages';
import type { LinkSuggestion } from '../../../shared/report/suggest';
import type { LinkableItem, ThemeSuggestion } from '../../../shared/report/suggest-themes';

/** What the host suggests for the chosen sessions, and every point and cluster with its theme. */
export interface SuggestionsReply {
  suggestions: LinkSuggestion[];
  themes: ThemeSuggestion[];
  items: LinkableItem[];
}
import { type PageLocation, tokenOf } from '../client/url';

/**
 * The harvest routes of the host (declared in shared/http-routes.ts), seen from the facilitator
 * page; exports and imports themselves run as jobs (job-client.ts). The token goes in a Bearer
 * header, never in an address that could end up in a history or log. Every call ends: in a
 * result, or in a message key from the catalogue; none throws.
 */
export type { ExportFormat, ExportScope } from '../../../shared/http-routes';
export { MAX_IMPORT_BYTES } from '../../../shared/http-routes';
export type { ImportedSession, ImportReport } from '../../../shared/import-report';

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

const QUICK_TIMEOUT_MS = 20_000;

export const EXPORT_REASONS: Record<string, MessageKey> = {
  not_writable: 'harvest.error.notWritable',
  unknown_session: 'harvest.error.gone',
  unknown_programme: 'harvest.error.gone',
  unauthorized: 'error.unauthorized',
};

/** Why an import was refused, in the words the desktop's "Archief openen" uses too. */
export const IMPORT_REASONS: Record<string, MessageKey> = {
  too_large: 'archive.tooLarge',
  unreadable_archive: 'archive.notArchive',
  unsupported_archive: 'archive.newer',
  invalid_archive: 'archive.invalid',
  unauthorized: 'error.unauthorized',
  disk_full: 'error.disk_full',
  read_only: 'error.read_only',
};

/** The host's address for a path: the page's own origin (and so works outside a page too). */
export const hostUrl = (location: PageLocation, path: string) => `${location.protocol}//${location.host}${path}`;

export function authHeaders(location: PageLocation, extra: Record<string, string> = {}): Record<string, string> {
  const token = tokenOf(location);
  return token === null ? extra : { ...extra, Authorization: `Bearer ${token}` };
}

export async function failureOf(response: Response, reasons: Record<string, MessageKey>, fallback: MessageKey): Promise<MessageKey> {
  const body = apiErrorSchema.safeParse(await response.json().catch(() => null));
  return (body.success && reasons[body.data.code]) || fallback;
}

const thrownReason = (error: unknown): MessageKey => (error instanceof DOMException && error.name === 'TimeoutError' ? 'harvest.error.timeout' : 'harvest.error.noHost');

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

/** Browser mode: the file a finished export job made, named as the host names it. */
export async function fetchJobFile(download: string, fallbackName: string, location: PageLocation = window.location): Promise<Outcome<{ blob: Blob; fileName: string }>> {
  try {
    const response = await fetch(hostUrl(location, download), { headers: authHeaders(location), cache: 'no-store', signal: AbortSignal.timeout(QUICK_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, reason: await failureOf(response, EXPORT_REASONS, 'harvest.error.failed') };
    const blob = await response.blob();
    return { ok: true, value: { blob, fileName: dispositionName(response.headers.get('content-disposition')) ?? fallbackName } };
  } catch (error) {
    return { ok: false, reason: thrownReason(error) };
  }
}

/** The host's suggestions for theme links between the chosen sessions of a programme. */
export async function fetchSuggestions(
  programmeId: string,
  sessions: readonly string[],
  location: PageLocation = window.location,
): Promise<Outcome<SuggestionsReply>> {
  try {
    const response = await fetch(suggestionsPath(programmeId, sessions), {
      headers: authHeaders(location),
      cache: 'no-store',
      signal: AbortSignal.timeout(QUICK_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, reason: 'harvest.linksFailed' };
    const reply = API_ROUTES.suggestions.reply.safeParse(await response.json().catch(() => null));
    return reply.success ? { ok: true, value: reply.data } : { ok: false, reason: 'harvest.linksFailed' };
  } catch {
    return { ok: false, reason: 'harvest.linksFailed' };
  }
}
