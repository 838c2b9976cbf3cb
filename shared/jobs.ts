import { z } from 'zod';
import { API_ROUTES, type ExportFormat, type ExportJobRequest, exportJobRequestSchema, fillPath, JOB_ID, MAX_IMPORT_BYTES } from './http-routes';
import { importReportSchema } from './import-report';

/**
 * Jobs: the harvest's heavy work (PDF, CSV and archive exports, reading an archive) runs on a
 * worker thread beside the host, so phones and the facilitator keep getting their answers while a
 * big report is made. The routes are declared with the others in shared/http-routes.ts (API_ROUTES
 * jobExport, jobImport, jobCancel, jobFile); this file describes what flows through them, for the
 * host's handlers (electron/host/jobs/routes.ts) and the facilitator page (renderer/src/harvest/job-client.ts).
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
export const JOB_ROUTES = { export: API_ROUTES.jobExport.path, import: API_ROUTES.jobImport.path } as const;

export const jobPath = (jobId: string) => fillPath(API_ROUTES.jobCancel.path, { id: jobId });
export const jobFilePath = (jobId: string) => fillPath(API_ROUTES.jobFile.path, { id: jobId });

export { JOB_ID, MAX_IMPORT_BYTES };
export type { ExportFormat, ExportJobRequest };

/** The facilitator sees progress and a stop button for a job that runs longer than this. */
export const PROGRESS_AFTER_MS = 1000;

/** What to export (see exportJobRequestSchema in shared/http-routes.ts). */
export const exportJobRequest = exportJobRequestSchema;

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

/** An import's result is the merge report, as POST /api/import answers it (shared/import-report.ts). */
export const importJobResult = importReportSchema;
export type ImportJobResult = z.infer<typeof importJobResult>;

export const jobEvent = z.discriminatedUnion('t', [
  z.object({ t: z.literal('job'), jobId: z.string().regex(JOB_ID) }),
  jobProgress.extend({ t: z.literal('progress') }),
  z.object({ t: z.literal('done'), result: z.unknown() }),
  z.object({ t: z.literal('failed'), code: z.string(), message: z.string() }),
  z.object({ t: z.literal('cancelled') }),
]);
export type JobEvent = z.infer<typeof jobEvent>;
