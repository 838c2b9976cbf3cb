import type { BackupErrorCode } from '../../../shared/backup';
import { type Locale, translate } from '../../../shared/i18n/messages';

/**
 * A backup or restore that could not be done, with a code the page and the command line turn into
 * plain words (`backup.error.<code>` in the catalogue). `folder` names the folder it is about.
 */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly folder: string | null = null,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BackupError';
  }

  /** HTTP status for the page: the user's input or situation (4xx), or the machine (5xx). */
  get status(): number {
    if (this.code === 'not_found') return 404;
    if (this.code === 'busy') return 409;
    if (this.code === 'failed' || this.code === 'disk_full') return 500;
    return 400;
  }

  text(locale: Locale): string {
    return translate(locale, `backup.error.${this.code}`, { folder: this.folder ?? '' });
  }
}

/** Node errno codes and SQLite result codes that mean there is no room left to write. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);
const MISSING = new Set(['ENOENT', 'ENOTDIR']);
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM']);

/**
 * Turns what the file system or SQLite threw into a BackupError about `folder`. SQLite's extended
 * codes (SQLITE_IOERR_WRITE …) are matched by their base code too; EFBIG (a file larger than the
 * file system allows, FAT32 sticks) is "no room" for the facilitator as well.
 */
export function classify(error: unknown, folder: string | null): BackupError {
  if (error instanceof BackupError) return error;
  const code = typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '';
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  const message = error instanceof Error ? error.message : String(error);
  if (FULL.has(code) || FULL.has(base) || /database or disk is full|no space left/i.test(message)) return new BackupError('disk_full', folder, message);
  if (MISSING.has(code) || MISSING.has(base)) return new BackupError('folder_missing', folder, message);
  if (NOT_WRITABLE.has(code) || NOT_WRITABLE.has(base)) return new BackupError('folder_not_writable', folder, message);
  if (base === 'SQLITE_NOTADB') return new BackupError('not_eiland', folder, message);
  if (base === 'SQLITE_CORRUPT') return new BackupError('damaged', folder, message);
  return new BackupError('failed', folder, message);
}
