/**
 * Opening an Eiland archive (.eiland) from outside the app: a double-click in the file manager, a
 * file dropped on the app icon, "Open with", or File → "Archief openen…". macOS sends `open-file`
 * (even before the app is ready); Windows and Linux pass the path on the command line, to this
 * process or, when Eiland already runs, to the first instance as `second-instance`.
 *
 * The shell never reads the archive itself: it hands the bytes to the host (POST /api/import with
 * the facilitator token), which checks and merges them like any other import, then shows the result.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_ROUTES, MAX_IMPORT_BYTES } from '../../shared/http-routes';
import type { MessageKey } from '../../shared/i18n/messages';
import { st } from './locale';
import type { ImportedSession } from '../../shared/import-report';

/** The extension electron-builder registers (fileAssociations) and the save dialog suggests. */
export const ARCHIVE_EXTENSION = '.eiland';
/** The host's limit: refused before reading rather than after. */
export const MAX_ARCHIVE_BYTES = MAX_IMPORT_BYTES;

export function isArchivePath(path: string): boolean {
  return extname(path).toLowerCase() === ARCHIVE_EXTENSION;
}

/**
 * Archive paths among command-line arguments. Flags (Chromium's and ours) start with '-', the
 * program itself and "." (dev start) are not archives, nor are web addresses; relative paths are
 * relative to the folder the user started from, which `second-instance` reports as its working
 * directory.
 */
export function archivePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const path = localPath(arg, workingDirectory);
    if (path !== null && isArchivePath(path) && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** A path as given, or from a file:// URL (Linux desktop entries pass %U, which file managers fill with URLs). */
function localPath(arg: string, workingDirectory: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
    if (!arg.toLowerCase().startsWith('file://')) return null;
    try {
      return fileURLToPath(arg);
    } catch {
      return null;
    }
  }
  return isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
}

export interface HostAddress {
  /** 'http://127.0.0.1:PORT/' */
  url: string;
  token: string;
}

export type { ImportedSession } from '../../shared/import-report';

export type ImportResult = { ok: true; sessions: ImportedSession[] } | { ok: false; reason: string };

const REASONS: Record<string, MessageKey> = {
  too_large: 'archive.tooLarge',
  unreadable_archive: 'archive.notArchive',
  unsupported_archive: 'archive.newer',
  invalid_archive: 'archive.invalid',
  not_readable: 'archive.unreadable',
};

function parseSessions(body: unknown): ImportedSession[] | null {
  const reply = API_ROUTES.import.reply.safeParse(body);
  return reply.success ? reply.data.sessions : null;
}

/** Sends one archive file to the host's import and says what came of it, in the shell's language. */
export async function importArchiveFile(path: string, host: HostAddress, fetcher: typeof fetch = fetch): Promise<ImportResult> {
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_ARCHIVE_BYTES) return { ok: false, reason: st('archive.tooLarge') };
    bytes = await readFile(path);
  } catch {
    return { ok: false, reason: st('archive.unreadable') };
  }
  try {
    const response = await fetcher(new URL(API_ROUTES.import.path, host.url).toString(), {
      method: API_ROUTES.import.method,
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
      return { ok: false, reason: st(typeof code === 'string' && REASONS[code] ? (REASONS[code] as MessageKey) : 'archive.hostFailed') };
    }
    const sessions = parseSessions(body);
    return sessions === null ? { ok: false, reason: st('archive.hostFailed') } : { ok: true, sessions };
  } catch {
    return { ok: false, reason: st('archive.hostFailed') };
  }
}

/** The message box text for a finished import: counts, then each session with what happened to it. */
export function describeImport(sessions: readonly ImportedSession[]): { message: string; detail: string } {
  const count = (outcome: ImportedSession['outcome']) => sessions.filter((session) => session.outcome === outcome).length;
  return {
    message: st('archive.opened', { created: count('created'), merged: count('merged'), unchanged: count('unchanged') }),
    detail: sessions.map((session) => `• ${session.title} (${st(`archive.outcome.${session.outcome}`)})`).join('\n'),
  };
}

export interface ArchiveOpenerActions {
  showResult(title: string, message: string, detail: string): void;
  showError(title: string, message: string): void;
  /** Shows one session in the facilitator window. */
  openSession(id: string): void;
  /** Shows the sessions list in the facilitator window. */
  showSessions(): void;
}

/**
 * Opens archives one after another. Paths that arrive before the host is ready (macOS sends
 * `open-file` before `ready`, Windows/Linux pass them at start) wait in a queue until `setHost`.
 */
export class ArchiveOpener {
  private host: HostAddress | null = null;
  private readonly waiting: string[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly actions: ArchiveOpenerActions,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  setHost(host: HostAddress): Promise<void> {
    this.host = host;
    return this.open(this.waiting.splice(0));
  }

  /** Resolves when these paths (and any before them) are done. */
  open(paths: readonly string[]): Promise<void> {
    if (this.host === null) {
      this.waiting.push(...paths.filter((path) => !this.waiting.includes(path)));
      return this.chain;
    }
    for (const path of paths) this.chain = this.chain.then(() => this.openOne(path));
    return this.chain;
  }

  private async openOne(path: string): Promise<void> {
    if (this.host === null) return;
    const result = await importArchiveFile(path, this.host, this.fetcher);
    if (!result.ok) {
      this.actions.showError(st('archive.failedTitle'), st('archive.failed', { file: basename(path), reason: result.reason }));
      return;
    }
    const only = result.sessions.length === 1 ? result.sessions[0] : undefined;
    if (only) this.actions.openSession(only.id);
    else this.actions.showSessions();
    const { message, detail } = describeImport(result.sessions);
    this.actions.showResult(st('archive.openedTitle'), message, detail);
  }
}
