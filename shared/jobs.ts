import { z } from 'zod';

/**
 * Jobs: the harvest's heavy work (PDF, CSV and archive exports, reading an archive) runs on a
 * worker thread beside the host, so phones and the facilitator keep getting their answers while a
 * big report is made. This file is the one description of the job routes, shared by the host's
 * handlers (electron/host/jobs/routes.ts) and the facilitator page (renderer/src/harvest/job-client.ts).
 *
 *   POST   /api/jobs/export      {scope, id, format, lang?, sessions?, path?}
 *   POST   /api/jobs/import      body: the bytes of an archive file
 *          → 200 application/x-ndjson, one JobEvent a line: `job` (its id) first, then `progress`
 *            lines, and last exactly one of `done`, `failed` or `cancelled`. A request that is
 *            wrong is refused before any job starts, as plain JSON {code, message} with a 4xx.
 *   DELETE /api/jobs/:id         cancel: 204, or 404 when no such job is running
 *   GET    /api/jobs/:id/file    an export made without `path`, once, as a download
 *
 * The job belongs to the request that started it: when that connection closes before the end,
 * the job is cancelled too. A cancelled job leaves nothing behind (no file, no import).
 */
export const JOB_ROUTES = { export: '/api/jobs/export', import: '/api/jobs/import', prefix: '/api/jobs/' } as const;

export const jobPath = (jobId: string) => `${JOB_ROUTES.prefix}${encodeURIComponent(jobId)}`;
export const jobFilePath = (jobId: string) => `${jobPath(jobId)}/file`;

/** Job ids are made by the host: letters, digits and dashes. */
export const JOB_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Archives above this are refused before they are read (by the page before they are even sent). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The facilitator sees progress and a stop button for a job that runs longer than this. */
export const PROGRESS_AFTER_MS = 1000;

export const EXPORT_FORMATS = ['pdf', 'sqlite', 'csv', 'votes-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * What to export. Without `path` the host keeps the file for one download (browser mode); with
 * it, the host writes the file there whole or not at all (the desktop's save dialog chose it).
 */
export const exportJobRequest = z.object({
  scope: z.enum(['session', 'programme']),
  id: entityId,
  format: z.enum(EXPORT_FORMATS),
  path: z
    .string()
    .min(1)
    .max(4096)
    .refine((path) => !path.includes('\u0000'))
    .optional(),
  lang: z.enum(['nl', 'en']).optional(),
  sessions: z.array(entityId).max(1000).optional(),
});
export type ExportJobRequest = z.infer<typeof exportJobRequest>;

/**
 * Where a job is. `waiting`: behind another job; `preparing`: reading the data; `pages`: drawing
 * the report's rows (done of total); `saving`: making and writing the file; `checking`: reading
 * and checking an archive; `applying`: taking a checked archive into this laptop's data.
 */
export const JOB_STAGES = ['waiting', 'preparing', 'pages', 'saving', 'checking', 'applying'] as const;
export type JobStage = (typeof JOB_STAGES)[number];

export const jobProgress = z.object({
  stage: z.enum(JOB_STAGES),
  /** Steps done of `total`; a total of 0 means the stage cannot say how far it is. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const exportJobResult = z.object({
  fileName: z.string(),
  bytes: z.number().int().min(0),
  pages: z.number().int().min(1).optional(),
  /** Where the file was written, when the request named a path. */
  path: z.string().optional(),
  /** Where to fetch the file, when it did not. */
  download: z.string().optional(),
});
export type ExportJobResult = z.infer<typeof exportJobResult>;

export const importJobResult = z.object({
  programmes: z.array(z.object({ id: z.string(), name: z.string(), created: z.boolean() })),
  sessions: z.array(z.object({ id: z.string(), title: z.string(), outcome: z.enum(['created', 'merged', 'unchanged']), added: z.number().int().min(0) })),
});
export type ImportJobResult = z.infer<typeof importJobResult>;

export const jobEvent = z.discriminatedUnion('t', [
  z.object({ t: z.literal('job'), jobId: z.string().regex(JOB_ID) }),
  jobProgress.extend({ t: z.literal('progress') }),
  z.object({ t: z.literal('done'), result: z.unknown() }),
  z.object({ t: z.literal('failed'), code: z.string(), message: z.string() }),
  z.object({ t: z.literal('cancelled') }),
]);
export type JobEvent = z.infer<typeof jobEvent>;
