/**
 * Starts the host (database, server, exports) as an Electron utility process and waits for it to
 * say where it listens. The host is the same plain-Node program that browser mode runs; the shell
 * never imports it, it only speaks the messages defined in shared/ipc.ts.
 */
import { randomBytes } from 'node:crypto';
import { app, dialog, type UtilityProcess, utilityProcess } from 'electron';
import { isHostDatabaseRecoveredMessage, isHostReadyMessage, isHostStartProblemMessage, isHostStorageNoticeMessage } from '../../shared/ipc';
import { type StorageProblem, storageNoticeText, storageProblemText } from '../../shared/storage';
import { shellLocale, st } from './locale';
import { isLoopbackHttpUrl, originOf } from './security';

/** Long enough for a slow laptop opening a large database; short enough not to hang silently. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;


/** The secret the facilitator window presents to the host; made fresh for every start of the app. */
export function makeToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Command-line arguments of the host. Port 0: the operating system picks a free port. The
 * projector window gets a token of its own that can only watch, never the facilitator's.
 */
export function hostArgs(dataDir: string, token: string, projectorToken?: string): string[] {
  return ['--data', dataDir, '--port', '0', '--token', token, ...(projectorToken ? ['--projector-token', projectorToken] : [])];
}

export interface StartHostOptions {
  /** Absolute path of the bundled host (dist/host/main.mjs). */
  scriptPath: string;
  /** Folder for the database and exports: the app's userData folder. */
  dataDir: string;
  token: string;
  /** The projector window's token (see hostArgs). */
  projectorToken?: string;
  readyTimeoutMs?: number;
}

/** A host that is listening. `stop()` ends it on purpose, so its exit is not reported as a crash. */
export interface HostHandle {
  url: string;
  port: number;
  /** 'http://127.0.0.1:PORT' — the only origin the windows may show and IPC may come from. */
  origin: string;
  process: UtilityProcess;
  stop(): void;
}

/**
 * Forks the host and resolves when it reports 'ready'. If it exits, sends a bad address or stays
 * silent before that, the user gets a plain error box (in the shell's language), the app quits and this resolves null:
 * without the host there is nothing the app can show.
 */
export function startHost(options: StartHostOptions): Promise<HostHandle | null> {
  const child = utilityProcess.fork(options.scriptPath, hostArgs(options.dataDir, options.token, options.projectorToken), {
    serviceName: 'Eiland host',
  });
  let ready = false;
  let stopping = false;
  let failed = false;
  /** Why the host could not use its data folder, when it said so before exiting. */
  let problem: StorageProblem | null = null;

  return new Promise((resolve) => {
    const fail = (detail: string): void => {
      if (ready || failed) return;
      failed = true;
      clearTimeout(timer);
      stopping = true;
      child.kill();
      // A storage problem is the person's to solve (free space, a permission, a second Eiland): say which.
      if (problem) dialog.showErrorBox(st('shell.storageProblemTitle'), storageProblemText(shellLocale(), problem));
      else dialog.showErrorBox(st('shell.startFailedTitle'), st('shell.startFailed', { detail }));
      app.quit();
      resolve(null);
    };

    const timer = setTimeout(() => fail(st('shell.timedOut')), options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);

    child.on('message', (message: unknown) => {
      if (isHostDatabaseRecoveredMessage(message)) {
        // Not awaited: the user reads it while the app carries on starting.
        void dialog.showMessageBox({
          type: 'warning',
          title: st('shell.recoveredTitle'),
          message: st('shell.recoveredTitle'),
          detail: st('shell.recovered', { movedTo: message.movedTo }),
          buttons: [st('menu.ok')],
        });
        return;
      }
      if (isHostStartProblemMessage(message)) {
        problem = message.problem;
        return;
      }
      if (isHostStorageNoticeMessage(message)) {
        void dialog.showMessageBox({
          type: 'warning',
          title: st('shell.storageNoticeTitle'),
          message: st('shell.storageNoticeTitle'),
          detail: storageNoticeText(shellLocale(), message.notice),
          buttons: [st('menu.ok')],
        });
        return;
      }
      if (!isHostReadyMessage(message) || ready || failed) return;
      const origin = originOf(message.url);
      if (!isLoopbackHttpUrl(message.url) || origin === null) {
        fail(st('shell.badAddress'));
        return;
      }
      ready = true;
      clearTimeout(timer);
      resolve({
        url: message.url,
        port: message.port,
        origin,
        process: child,
        stop: () => {
          stopping = true;
          child.kill();
        },
      });
    });

    child.on('exit', (code: number) => {
      if (!ready) {
        fail(st('shell.exitedEarly', { code }));
        return;
      }
      if (stopping) return;
      // The windows are useless without the host; say so plainly instead of showing dead pages.
      dialog.showErrorBox(st('shell.stoppedTitle'), st('shell.stopped'));
      app.quit();
    });
  });
}
