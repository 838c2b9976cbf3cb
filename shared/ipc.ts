/**
 * Everything the Electron shell says to other processes, named in one place:
 * - the IPC channels between the preload bridge and the shell (renderer ⇄ main), and
 * - the messages the host sends to the shell over `process.parentPort` (host → main).
 * The preload, the shell, the host and the tests import these, so nothing is kept in sync by hand.
 * Pure TypeScript: no Node, DOM or Electron imports.
 */
import { isStorageNotice, isStorageProblem, type StorageNotice, type StorageProblem } from './storage';

/** IPC channels handled by the shell with `ipcMain.handle`; the preload calls them with `invoke`. */
export const IpcChannel = {
  openProjector: 'eiland:open-projector',
  chooseSavePath: 'eiland:choose-save-path',
  sessionOpened: 'eiland:session-opened',
  localeChanged: 'eiland:locale-changed',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/**
 * What the preload exposes as `window.eiland`. Only the desktop app has it; in browser mode
 * `window.eiland` is undefined, so renderer code must treat every member as optional behaviour.
 */
export interface EilandBridge {
  /** `process.platform` of the machine ('darwin', 'win32', 'linux', …), for keyboard hints. */
  readonly platform: string;
  /** Opens the projector window (or brings it forward when it is already open). */
  openProjector(): Promise<void>;
  /**
   * Asks the user where to save a file, starting from `defaultName` in their documents folder.
   * Resolves to the chosen absolute path, or null when the user cancelled.
   */
  chooseSavePath(defaultName: string): Promise<string | null>;
  /**
   * Tells the desktop which session the facilitator opened, for the menu's "Recente sessies".
   * Only the id and title go to the shell; the session itself stays in the host.
   */
  sessionOpened(id: string, title: string): Promise<void>;
  /** Tells the desktop the page's language, so the menus and dialogs speak it too ('nl' | 'en'). */
  localeChanged(locale: string): Promise<void>;
}

/** The global name under which the preload exposes the bridge (`window.eiland`). */
export const BRIDGE_NAME = 'eiland';

/**
 * Sent once by the host when its server listens. The url always ends with '/', so page paths
 * can be appended directly (`${url}projector.html`). Until this arrives there is nothing to show.
 */
export interface HostReadyMessage {
  type: 'ready';
  /** e.g. 'http://127.0.0.1:51234/' — loopback only: the desktop windows never leave the machine. */
  url: string;
  port: number;
}

/**
 * Sent when the host found the database file damaged at start-up and moved it aside instead of
 * overwriting it (nothing is lost); the shell tells the user where the old file now is.
 */
export interface HostDatabaseRecoveredMessage {
  type: 'database-recovered';
  /** Path (or file name) under which the damaged database was kept. */
  movedTo: string;
}

/**
 * Sent just before the host exits because it cannot use its data folder (a full disk, a missing
 * permission, a read-only folder, another Eiland on the same folder): the shell shows the cause
 * instead of a bare exit code. Nothing in the folder was changed.
 */
export interface HostStartProblemMessage {
  type: 'start-problem';
  problem: StorageProblem;
}

/** Sent at start for what the person must know while the host carries on (read-only file, a log that lost commits). */
export interface HostStorageNoticeMessage {
  type: 'storage-notice';
  notice: StorageNotice;
}

export type HostToShellMessage = HostReadyMessage | HostDatabaseRecoveredMessage | HostStartProblemMessage | HostStorageNoticeMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isHostReadyMessage(value: unknown): value is HostReadyMessage {
  return (
    isRecord(value) &&
    value.type === 'ready' &&
    typeof value.url === 'string' &&
    value.url.endsWith('/') &&
    typeof value.port === 'number' &&
    Number.isInteger(value.port) &&
    value.port > 0 &&
    value.port < 65536
  );
}

export function isHostDatabaseRecoveredMessage(value: unknown): value is HostDatabaseRecoveredMessage {
  return isRecord(value) && value.type === 'database-recovered' && typeof value.movedTo === 'string' && value.movedTo !== '';
}

export function isHostStartProblemMessage(value: unknown): value is HostStartProblemMessage {
  return isRecord(value) && value.type === 'start-problem' && isStorageProblem(value.problem);
}

export function isHostStorageNoticeMessage(value: unknown): value is HostStorageNoticeMessage {
  return isRecord(value) && value.type === 'storage-notice' && isStorageNotice(value.notice);
}
