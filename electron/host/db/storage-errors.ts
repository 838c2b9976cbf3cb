import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, statfsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../../../shared/i18n/messages';
import type { HostMessage } from '../../../shared/protocol';
import { type StorageProblem, type StorageProblemKind, storageProblemText } from '../../../shared/storage';

/**
 * Telling a storage problem as it is. Only real damage may set a database file aside; a full disk,
 * a missing permission or a read-only folder or file is the computer's condition, not the file's,
 * and renaming a healthy file for it loses the person's data from view (issue 15).
 */

/** A problem with the data folder or its database that the person must solve; nothing was touched. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    options?: { cause?: unknown },
  ) {
    super(storageProblemText('en', problem), options);
    this.name = 'StorageError';
  }
}

/** SQLite's own verdict that the file is damaged: the only errors that set a file aside. */
export class DamagedDatabaseError extends Error {
  constructor(check: string) {
    super(`quick_check: ${check}`);
    this.name = 'DamagedDatabaseError';
  }
}

/** The error code of a better-sqlite3 SqliteError (`SQLITE_FULL`, extended codes too) or a Node errno. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isDamage(error: unknown): boolean {
  return error instanceof DamagedDatabaseError || /^SQLITE_(CORRUPT|NOTADB)/.test(codeOf(error));
}

const isDiskFull = (code: string) => code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
const isNoPermission = (code: string) => code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH';

/**
 * Below this much free space an I/O error is blamed on the disk: SQLite reports a full disk while
 * mapping its -shm file as SQLITE_IOERR_SHMSIZE, not SQLITE_FULL.
 */
const LOW_SPACE_BYTES = 1024 * 1024;

/**
 * What the file system says about the folder and the file, asked only after something failed.
 * A seam: tests on machines where no read-only mount or full disk can be made give their own.
 */
export interface StorageProbe {
  /** The errno code when no new file can be made in the folder, else null. */
  createIn(dir: string): string | null;
  /** The errno code when the file cannot be opened for writing, else null (it is not changed). */
  openForWriting(file: string): string | null;
  /** Bytes this user may still write on the folder's disk, or null when unknown. */
  freeBytes(dir: string): number | null;
}

export const fileSystemProbe: StorageProbe = {
  createIn(dir) {
    const probe = join(dir, `.eiland-probe-${randomBytes(6).toString('hex')}`);
    try {
      closeSync(openSync(probe, 'wx'));
      unlinkSync(probe);
      return null;
    } catch (error) {
      return codeOf(error) || 'EIO';
    }
  },
  openForWriting(file) {
    try {
      closeSync(openSync(file, 'r+'));
      return null;
    } catch (error) {
      return codeOf(error) || 'EIO';
    }
  },
  freeBytes(dir) {
    try {
      const stats = statfsSync(dir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  },
};

const problem = (kind: StorageProblemKind, path: string, error?: unknown): StorageProblem => {
  const detail = error instanceof Error ? `${codeOf(error) || error.name}: ${error.message}` : undefined;
  return detail === undefined ? { kind, path } : { kind, path, detail };
};

/**
 * Why opening the database in `dir` (file `file`) failed: 'damaged' only on SQLite's own verdict;
 * otherwise the condition of the disk, folder or file, asked of the file system itself, so the
 * message names the real cause and where it is.
 */
export function classifyOpenError(error: unknown, dir: string, file: string, probe: StorageProbe = fileSystemProbe): StorageProblem | 'damaged' {
  if (error instanceof StorageError) return error.problem;
  if (isDamage(error)) return 'damaged';
  const code = codeOf(error);
  if (error instanceof Error && error.message.includes('newer than this Eiland')) return problem('newer_version', file, error);
  if (isDiskFull(code)) return problem('disk_full', dir, error);
  const free = probe.freeBytes(dir);
  if (free !== null && free < LOW_SPACE_BYTES) return problem('disk_full', dir, error);
  const folder = existsSync(dir) ? probe.createIn(dir) : null;
  if (folder === 'EROFS') return problem('read_only_folder', dir, error);
  if (folder !== null && isNoPermission(folder)) return problem('no_permission', dir, error);
  if (folder !== null && isDiskFull(folder)) return problem('disk_full', dir, error);
  const onFile = existsSync(file) ? probe.openForWriting(file) : null;
  if (onFile === 'EROFS') return problem('read_only_folder', dir, error);
  if (onFile !== null && code.startsWith('SQLITE_READONLY')) return problem('read_only_file', file, error);
  if (onFile !== null && isNoPermission(onFile)) return problem('no_permission', file, error);
  if (code === 'EROFS') return problem('read_only_folder', dir, error);
  if (isNoPermission(code)) return problem('no_permission', dir, error);
  return problem('unknown', file, error);
}

/** A file-system error met while making or locking the data folder, as a StorageError. */
export function folderError(error: unknown, dir: string): StorageError {
  const code = codeOf(error);
  const kind: StorageProblemKind = isDiskFull(code) ? 'disk_full' : code === 'EROFS' ? 'read_only_folder' : isNoPermission(code) ? 'no_permission' : 'unknown';
  return new StorageError(problem(kind, dir, error), { cause: error });
}

// ---- while running --------------------------------------------------------------------------

/** The protocol's code for a storage error met by a command, or null when it is something else. */
export function runtimeStorageCode(error: unknown): 'disk_full' | 'read_only' | null {
  const code = codeOf(error);
  if (isDiskFull(code)) return 'disk_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  return null;
}

/**
 * The answer to a command that failed on storage: the engine has put memory back, nothing was
 * written, and the same command works again once the disk has room (clients show the catalogue's
 * `error.disk_full` / `error.read_only`). Null for any other failure.
 */
export function storageRefusal(error: unknown, id: string | null): Extract<HostMessage, { t: 'error' }> | null {
  const code = runtimeStorageCode(error);
  if (code === null) return null;
  const message = code === 'disk_full' ? 'Disk full; nothing was changed' : 'The database can only be read; nothing was changed';
  return { t: 'error', id, code, message };
}

/** The same for the HTTP API (import, demo): a status, a code and the catalogue's Dutch text. */
export function storageFailureReply(error: unknown): { status: number; code: 'disk_full' | 'read_only'; message: string } | null {
  const code = runtimeStorageCode(error);
  if (code === null) return null;
  // 507 Insufficient Storage says exactly what happened; a read-only file is the host's state, 409.
  return { status: code === 'disk_full' ? 507 : 409, code, message: translate('nl', `error.${code}`) };
}
