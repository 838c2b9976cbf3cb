import type { Locale, MessageKey, MessageParams } from './i18n/messages';
import { translate } from './i18n/messages';

/**
 * What can stand between Eiland and its data folder, told as it is. The host finds these at start
 * (db/storage-errors.ts); the shell, the console and the command line show them through the one
 * catalogue. Pure: no Node, so the shell and the pages can use it too.
 */

/** Why the host cannot use its data: each a cause the person can do something about. */
export const STORAGE_PROBLEMS = [
  /** No space left on the disk (or the user's quota). */
  'disk_full',
  /** The operating system refuses Eiland access to the folder or the file. */
  'no_permission',
  /** The folder (or the whole disk, a write-protected stick) can only be read. */
  'read_only_folder',
  /** The file can only be read, and it must be changed first (an upgrade, a repair). */
  'read_only_file',
  /** Another Eiland (app, browser mode or command line) uses this data folder right now. */
  'folder_busy',
  /** The file was made by a newer Eiland; this one must not touch it. */
  'newer_version',
  /** Damaged, found by a reader that must not set anything aside (the command line). */
  'damaged',
  /** Anything else: the file is left as it is and the system's own words are shown. */
  'unknown',
] as const;
export type StorageProblemKind = (typeof STORAGE_PROBLEMS)[number];

/** Who holds a data folder: the process and when it started (ms since 1970), for the message. */
export interface FolderHolder {
  pid: number;
  startedAt: number;
}

export interface StorageProblem {
  kind: StorageProblemKind;
  /** The folder or file concerned, as the person can find it. */
  path: string;
  /** The system's own words (an error code and message), for support; never the only text. */
  detail?: string;
  holder?: FolderHolder;
}

/** Things found at start that the host can work with, but the person must know about. */
export type StorageNotice =
  /** The database file was damaged and set aside under `path`; Eiland started a new one. */
  | { kind: 'set_aside'; path: string }
  /** The database was missing or empty next to a change log (-wal); both were set aside under `path`. */
  | { kind: 'orphan_log'; path: string }
  /** The change log held `commits` saved changes SQLite could not read back; a copy is at `path` (or null). */
  | { kind: 'log_dropped'; path: string | null; commits: number }
  /** The database file can only be read: Eiland shows everything and exports, but changes nothing. */
  | { kind: 'read_only'; path: string };

function when(locale: Locale, at: number): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

function paramsOf(locale: Locale, problem: StorageProblem): MessageParams {
  const params: Record<string, string | number> = { path: problem.path, detail: problem.detail ?? '' };
  if (problem.holder) {
    params.pid = problem.holder.pid;
    params.startedAt = when(locale, problem.holder.startedAt);
  }
  return params;
}

/** A problem told in one locale: what is wrong, where, and what to do. */
export function storageProblemText(locale: Locale, problem: StorageProblem): string {
  const key: MessageKey = `storage.${problem.kind}`;
  return translate(locale, key, paramsOf(locale, problem));
}

/** Why the command line will not import or make the demo: an Eiland holds the folder, and where to do it instead. */
export function commandLineBusyText(locale: Locale, path: string, holder: FolderHolder): string {
  return translate(locale, 'storage.cli_busy', paramsOf(locale, { kind: 'folder_busy', path, holder }));
}

export function storageNoticeText(locale: Locale, notice: StorageNotice): string {
  switch (notice.kind) {
    case 'set_aside':
      return translate(locale, 'storage.notice.set_aside', { path: notice.path });
    case 'orphan_log':
      return translate(locale, 'storage.notice.orphan_log', { path: notice.path });
    case 'log_dropped':
      return translate(locale, notice.path ? 'storage.notice.log_dropped' : 'storage.notice.log_dropped_nocopy', { path: notice.path ?? '', commits: notice.commits });
    case 'read_only':
      return translate(locale, 'storage.notice.read_only', { path: notice.path });
  }
}

const KINDS = new Set<string>(STORAGE_PROBLEMS);

export function isStorageProblem(value: unknown): value is StorageProblem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const holder = record.holder as Record<string, unknown> | undefined;
  return (
    typeof record.kind === 'string' &&
    KINDS.has(record.kind) &&
    typeof record.path === 'string' &&
    (record.detail === undefined || typeof record.detail === 'string') &&
    (holder === undefined || (typeof holder === 'object' && holder !== null && typeof holder.pid === 'number' && typeof holder.startedAt === 'number'))
  );
}

export function isStorageNotice(value: unknown): value is StorageNotice {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  switch (record.kind) {
    case 'set_aside':
    case 'orphan_log':
    case 'read_only':
      return typeof record.path === 'string';
    case 'log_dropped':
      return (record.path === null || typeof record.path === 'string') && typeof record.commits === 'number';
    default:
      return false;
  }
}
