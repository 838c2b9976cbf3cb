import { z } from 'zod';
import type { Locale } from './i18n/messages';
import { backupNowRequestSchema, backupSettingsRequestSchema, backupStatusSchema, restoreReplySchema, restoreRequestSchema } from './backup';
import { type ImportReport, importReportSchema } from './import-report';

/**
 * The host's HTTP API, declared once: its paths, methods, body limits and the shapes of what goes
 * in and comes out. The host's router (electron/host/http/) serves exactly these routes and checks
 * bodies and answers against these schemas; the facilitator page, the phone page and the shell
 * build their requests and read the answers with the same declarations.
 *
 * Every refused call is answered with `{code, message}` and a fitting status.
 */
export const apiErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Archives above this are refused before they are read. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export interface ApiRoute<Body, Reply> {
  method: 'GET' | 'POST' | 'DELETE';
  /** A path; `:name` stands for one segment (see fillPath and matchPath). */
  path: string;
  /** The largest body accepted; 0: the route takes no body. */
  bodyLimit: number;
  /** 'json' bodies are parsed and checked against `body`; 'bytes' are handed over as they are. */
  bodyKind: 'none' | 'json' | 'bytes';
  body: z.ZodType<Body> | null;
  reply: z.ZodType<Reply> | null;
  /** Who may call it: the facilitator's token, or anyone who can reach the listener. */
  auth: 'facilitator' | 'none';
}

/** Keeps each route's own schemas in its type, so callers need no null checks. */
const route = <const S extends ApiRoute<unknown, unknown>>(spec: S): S => spec;

/** A phone trades the room's code for a participant token of its own. */
export const joinRequestSchema = z.object({
  code: z.string().max(32),
  /** Cut to the longest name a participant may have; absent or null: no name. */
  name: z.string().max(4000).nullable().optional(),
  /** The token this phone had in the room before; the host then keeps it the same participant. */
  previous: z.string().regex(/^[0-9a-f]{48}$/, 'previous is a token of 48 hexadecimal characters').nullable().optional(),
});
export const joinReplySchema = z.object({ token: z.string(), participantId: z.string(), sessionId: z.string() });

/** The import's reply is the merge report (shared/import-report.ts). */
export const importReplySchema = importReportSchema;
export type ImportReply = ImportReport;

export const EXPORT_FORMATS = ['pdf', 'docx', 'sqlite', 'csv', 'votes-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportScope = 'session' | 'programme';

/**
 * The file extensions each format may be saved under; the first is the one added to a name that
 * has none. The desktop's save path comes from a dialog, but export-to-file must not become a way
 * to overwrite any file of the user's (a script, a settings file): the name has to say what it
 * holds. `.eiland` is the archive type the desktop registers for double-click.
 */
export const EXPORT_EXTENSIONS: Record<ExportFormat, readonly string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  sqlite: ['.eiland', '.sqlite', '.db'],
  csv: ['.csv'],
  'votes-csv': ['.csv'],
};

/** A title as a file name: what the host calls its downloads, and what the save dialog offers. */
export function exportFileStem(title: string, date = ''): string {
  return [title, date].filter(Boolean).join(' ').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim() || 'eiland';
}

export const exportToFileRequestSchema = z.object({
  scope: z.enum(['session', 'programme']),
  id: entityId,
  format: z.enum(EXPORT_FORMATS),
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((path) => !path.includes('\u0000')),
  lang: z.enum(['nl', 'en']).optional(),
  sessions: z.array(entityId).max(1000).optional(),
});
export type ExportToFileRequest = z.infer<typeof exportToFileRequestSchema>;
export const exportToFileReplySchema = z.object({ path: z.string(), bytes: z.number(), pages: z.number().optional() });

/**
 * An export job (shared/jobs.ts): what export-to-file takes, where the path may be left out. With
 * a path the host writes the file there whole or not at all (the desktop's save dialog chose it);
 * without, it keeps the file for one download (browser mode).
 */
export const exportJobRequestSchema = exportToFileRequestSchema.partial({ path: true });
export type ExportJobRequest = z.infer<typeof exportJobRequestSchema>;

/** Job ids are made by the host (a UUID): letters, digits and dashes. */
export const JOB_ID = /^[A-Za-z0-9-]{8,64}$/;

export const demoReplySchema = z.object({ programmeId: z.string(), sessionIds: z.array(z.string()), created: z.array(z.string()) });

const pointRef = z.object({
  sessionId: z.string(),
  pointId: z.string(),
  title: z.string(),
  group: z.string(),
  date: z.string(),
  dots: z.number(),
  themeKey: z.string().nullable(),
});
const themeItem = z.object({
  sessionId: z.string(),
  target: z.enum(['point', 'cluster']),
  id: z.string(),
  title: z.string(),
  group: z.string(),
  date: z.string(),
});
export const suggestionsReplySchema = z.object({
  suggestions: z.array(z.object({ a: pointRef, b: pointRef, sharedWords: z.array(z.string()), score: z.number(), themeKey: z.string() })),
  /** Suggested themes across the groups (shared/report/suggest-themes.ts); a person confirms each. */
  themes: z.array(
    z.object({ title: z.string(), themeId: z.string().nullable(), words: z.array(z.string()), items: z.array(themeItem), sessionCount: z.number() }),
  ),
  /** Every attention point and cluster of the chosen sessions with the theme it is linked to, for linking by hand. */
  items: z.array(themeItem.extend({ themeId: z.string().nullable() })),
});

export const API_ROUTES = {
  join: route({ method: 'POST', path: '/api/join', bodyLimit: 4096, bodyKind: 'json', body: joinRequestSchema, reply: joinReplySchema, auth: 'none' }),
  import: route({ method: 'POST', path: '/api/import', bodyLimit: MAX_IMPORT_BYTES, bodyKind: 'bytes', body: null, reply: importReplySchema, auth: 'facilitator' }),
  exportToFile: route({
    method: 'POST',
    path: '/api/export-to-file',
    bodyLimit: 64 * 1024,
    bodyKind: 'json',
    body: exportToFileRequestSchema,
    reply: exportToFileReplySchema,
    auth: 'facilitator',
  }),
  demo: route({ method: 'POST', path: '/api/demo', bodyLimit: 0, bodyKind: 'none', body: null, reply: demoReplySchema, auth: 'facilitator' }),
  suggestions: route({
    method: 'GET',
    path: '/api/programme/:id/suggestions',
    bodyLimit: 0,
    bodyKind: 'none',
    body: null,
    reply: suggestionsReplySchema,
    auth: 'facilitator',
  }),
  /** The bytes of an export (`:file` is `<id>.pdf|docx|sqlite|csv`); the query is exportQuery's. */
  exportFile: route({ method: 'GET', path: '/api/export/:scope/:file', bodyLimit: 0, bodyKind: 'none', body: null, reply: null, auth: 'facilitator' }),
  /**
   * The harvest's jobs (shared/jobs.ts): an export or an import that runs in the host's export
   * worker and answers its progress as it goes, one JobEvent per line (application/x-ndjson).
   */
  jobExport: route({ method: 'POST', path: '/api/jobs/export', bodyLimit: 64 * 1024, bodyKind: 'json', body: exportJobRequestSchema, reply: null, auth: 'facilitator' }),
  jobImport: route({ method: 'POST', path: '/api/jobs/import', bodyLimit: MAX_IMPORT_BYTES, bodyKind: 'bytes', body: null, reply: null, auth: 'facilitator' }),
  /**
   * The harvest panel was opened: the host readies its export worker (code loaded and compiled by a
   * small report of its own), so the first export does not wait for that. 204; nothing else changes.
   */
  jobPrepare: route({ method: 'POST', path: '/api/jobs/prepare', bodyLimit: 0, bodyKind: 'none', body: null, reply: null, auth: 'facilitator' }),
  /** Stops a running job: 204, or 404 when no such job runs. */
  jobCancel: route({ method: 'DELETE', path: '/api/jobs/:id', bodyLimit: 0, bodyKind: 'none', body: null, reply: null, auth: 'facilitator' }),
  /** A job's made file (an export without a path), once, as a download. */
  jobFile: route({ method: 'GET', path: '/api/jobs/:id/file', bodyLimit: 0, bodyKind: 'none', body: null, reply: null, auth: 'facilitator' }),
  /** The backups (shared/backup.ts): their status and list, a backup now, the second folder, a restore. */
  backups: route({ method: 'GET', path: '/api/backups', bodyLimit: 0, bodyKind: 'none', body: null, reply: backupStatusSchema, auth: 'facilitator' }),
  backupNow: route({ method: 'POST', path: '/api/backups/now', bodyLimit: 1024, bodyKind: 'json', body: backupNowRequestSchema, reply: backupStatusSchema, auth: 'facilitator' }),
  backupSettings: route({
    method: 'POST',
    path: '/api/backups/settings',
    bodyLimit: 8 * 1024,
    bodyKind: 'json',
    body: backupSettingsRequestSchema,
    reply: backupStatusSchema,
    auth: 'facilitator',
  }),
  /** Answers `{keptAs}`; once the answer is sent the host closes, swaps the files and opens again. */
  backupRestore: route({
    method: 'POST',
    path: '/api/backups/restore',
    bodyLimit: 8 * 1024,
    bodyKind: 'json',
    body: restoreRequestSchema,
    reply: restoreReplySchema,
    auth: 'facilitator',
  }),
} as const;

/** What the host reads a query with (URLSearchParams has it; shared/ has no DOM or Node types). */
export interface QueryReader {
  get(name: string): string | null;
}

/** `?a=1&b=2` from the given values (none: ''), each encoded. */
export function queryString(values: Readonly<Record<string, string | undefined>>): string {
  const pairs = Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [`${encodeURIComponent(key)}=${encodeURIComponent(value)}`]));
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** A route's path with its `:name` segments filled in (each encoded as one segment). */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** The `:name` segments of a decoded path that fits the template, or null when it does not fit. */
export function matchPath(template: string, segments: readonly string[]): Record<string, string> | null {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

export interface ExportTarget {
  scope: ExportScope;
  id: string;
  format: ExportFormat;
  lang?: Locale;
  /** For a programme: the chosen sessions (all when absent). */
  sessions?: readonly string[];
}

const EXTENSION: Record<ExportFormat, string> = { pdf: 'pdf', docx: 'docx', sqlite: 'sqlite', csv: 'csv', 'votes-csv': 'csv' };

/** The GET address of an export, as the host's exportFile route reads it (parseExportTarget). */
export function exportFilePath(target: ExportTarget): string {
  const path = fillPath(API_ROUTES.exportFile.path, { scope: target.scope, file: `${target.id}.${EXTENSION[target.format]}` });
  return `${path}${queryString({
    lang: target.lang,
    table: target.format === 'votes-csv' ? 'votes' : undefined,
    sessions: target.scope === 'programme' && target.sessions?.length ? target.sessions.join(',') : undefined,
  })}`;
}

/** The GET address of a programme's link suggestions between the chosen sessions (all when none). */
export function suggestionsPath(programmeId: string, sessions: readonly string[]): string {
  return `${fillPath(API_ROUTES.suggestions.path, { id: programmeId })}${queryString({ sessions: sessions.length ? sessions.join(',') : undefined })}`;
}

const FILE = /^([A-Za-z0-9_-]{1,64})\.(pdf|docx|sqlite|csv)$/;

/** What an exportFile request asks for; null when it asks for no export there is. */
export function parseExportTarget(params: Readonly<Record<string, string>>, query: QueryReader): ExportTarget | null {
  const scope = params.scope;
  const file = FILE.exec(params.file ?? '');
  if ((scope !== 'session' && scope !== 'programme') || !file) return null;
  const [, id = '', extension] = file;
  const format: ExportFormat = extension === 'csv' ? (query.get('table') === 'votes' ? 'votes-csv' : 'csv') : (extension as ExportFormat);
  if (scope === 'programme' && extension === 'csv') return null;
  const lang = query.get('lang');
  const sessions = query.get('sessions')?.split(',').filter(Boolean);
  return {
    scope,
    id,
    format,
    ...(lang === 'nl' || lang === 'en' ? { lang } : {}),
    ...(sessions?.length ? { sessions } : {}),
  };
}
