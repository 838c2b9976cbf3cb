import { z } from 'zod';

/**
 * What merging an archive did, as the host answers `POST /api/import` and the command line prints
 * it: per session whether it is new, was brought up to date, was already here or was deleted, with
 * counts; and each record whose text two laptops changed, so the facilitator can look at both.
 * The host builds it (electron/host/export/importer.ts); the harvest panel and the desktop shell
 * read it with this schema.
 */
/** `stays_deleted`: deleted on this laptop after the file was made; the older copy does not bring it back. */
export const SESSION_IMPORT_OUTCOMES = ['created', 'merged', 'unchanged', 'deleted', 'stays_deleted'] as const;

const count = z.number().int().min(0);

export const importReportSchema = z.object({
  programmes: z.array(z.object({ id: z.string(), name: z.string(), created: z.boolean() })),
  sessions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      outcome: z.enum(SESSION_IMPORT_OUTCOMES),
      added: count,
      updated: count,
      deleted: count,
      conflicts: count,
    }),
  ),
  conflicts: z.array(
    z.object({
      sessionId: z.string(),
      /** The record's state key ('notes', 'attentionPoints', …) and id. */
      key: z.string(),
      id: z.string(),
      /** The text now shown, and the other texts kept beside it. */
      shown: z.string(),
      others: z.array(z.string()),
    }),
  ),
});

export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportedSession = ImportReport['sessions'][number];
export type ImportedConflict = ImportReport['conflicts'][number];
export type SessionImportOutcome = ImportedSession['outcome'];

/** Reads a report from JSON that came over the wire; null when it is not one. */
export function parseImportReport(body: unknown): ImportReport | null {
  const parsed = importReportSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}
