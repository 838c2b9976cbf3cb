import { z } from 'zod';

/**
 * What the host tells the facilitator's page about its backups (GET /api/backups), and the reasons
 * a backup or a restore can fail. The host (electron/host/backup) and the renderer
 * (renderer/src/backup) both import them, so the two sides cannot drift; the routes themselves
 * are declared in shared/http-routes.ts with the schemas at the end of this file.
 */

/** Each code has a text in the catalogue under `backup.error.<code>`. */
export const BACKUP_ERROR_CODES = [
  'disk_full',
  'folder_missing',
  'folder_not_writable',
  'folder_not_absolute',
  'folder_is_local',
  'damaged',
  'not_eiland',
  'newer',
  'not_found',
  'host_running',
  'busy',
  'no_data',
  'failed',
] as const;

export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

export function isBackupErrorCode(value: unknown): value is BackupErrorCode {
  return typeof value === 'string' && (BACKUP_ERROR_CODES as readonly string[]).includes(value);
}

/** Where a backup lies: `backups/` beside the data, or the second folder the facilitator chose. */
export type BackupFolderKind = 'local' | 'second';

export interface BackupFolderStatus {
  path: string;
  /** Time (ms since 1970) of the newest complete backup in this folder, or null when there is none. */
  lastGoodAt: number | null;
  /** The last attempt to write here failed; cleared by the next good backup in this folder. */
  error: { code: BackupErrorCode; at: number } | null;
}

export interface BackupEntry {
  /** The file name, e.g. eiland-2026-11-26T10-15-00-000Z.sqlite; a restore names it, never a path. */
  name: string;
  folder: BackupFolderKind;
  /** When it was taken (ms since 1970), read from the name. */
  at: number;
  bytes: number;
  /** Sessions in it, or null when the file could not be read. */
  sessions: number | null;
}

export interface BackupStatus {
  local: BackupFolderStatus;
  /** Null while no second folder is chosen. */
  second: BackupFolderStatus | null;
  /** A backup is being written right now. */
  running: boolean;
  /** Newest first; a backup in both folders is listed once, from `local`. */
  backups: BackupEntry[];
}

/** POST /api/backups/restore answers this before the host reopens on the restored file. */
export interface RestoreAnswer {
  /** The name the current database is kept under in the data folder; null when there was none. */
  keptAs: string | null;
}

const BACKUP_NAME_MAX = 255;
const folderKind = z.enum(['local', 'second']);
const folderStatus = z.object({
  path: z.string(),
  lastGoodAt: z.number().nullable(),
  error: z.object({ code: z.enum(BACKUP_ERROR_CODES), at: z.number() }).nullable(),
});

export const backupStatusSchema: z.ZodType<BackupStatus> = z.object({
  local: folderStatus,
  second: folderStatus.nullable(),
  running: z.boolean(),
  backups: z.array(z.object({ name: z.string(), folder: folderKind, at: z.number(), bytes: z.number(), sessions: z.number().nullable() })),
});

/** POST /api/backups/now takes an empty object (the page sends `{}`). */
export const backupNowRequestSchema = z.object({}).strict();

/** POST /api/backups/settings: the second folder (an absolute path), or null for none. */
export const backupSettingsRequestSchema = z.object({ secondFolder: z.string().min(1).max(4096).nullable() }).strict();

/** POST /api/backups/restore: a backup by its name in one of the two folders, never a path. */
export const restoreRequestSchema = z.object({ name: z.string().min(1).max(BACKUP_NAME_MAX), folder: folderKind }).strict();

export const restoreReplySchema: z.ZodType<RestoreAnswer> = z.object({ keptAs: z.string().nullable() });
