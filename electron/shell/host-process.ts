/**
 * Starts the host (database, server, exports) as an Electron utility process and waits for it to
 * say where it listens. The host is the same plain-Node program that browser mode runs; the shell
 * never imports it, it only speaks the messages defined in shared/ipc.ts.
 */
import { randomBytes } from 'node:crypto';
import { app, dialog, type UtilityProcess, utilityProcess } from 'electron';
import { isHostDatabaseRecoveredMessage, isHostReadyMessage } from '../../shared/ipc';
import { isLoopbackHttpUrl, originOf } from './security';

/** Long enough for a slow laptop opening a large database; short enough not to hang silently. */
export const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Dialog texts in plain Dutch (the audience's language); kept together so a catalogue can replace them. */
export const hostTexts = {
  startFailedTitle: 'Eiland kan niet starten',
  startFailed: (detail: string): string =>
    `Het onderdeel van Eiland dat je sessies bewaart, kon niet starten (${detail}).\n\n` +
    'Sluit Eiland en probeer het opnieuw. Blijft dit gebeuren, vraag dan hulp aan wie Eiland voor je heeft geïnstalleerd.',
  exitedEarly: (code: number): string => `het stopte meteen, foutcode ${code}`,
  timedOut: 'het reageerde niet op tijd',
  badAddress: 'het gaf een ongeldig adres door',
  stoppedTitle: 'Eiland is gestopt',
  stopped:
    'Het onderdeel van Eiland dat je sessies bewaart, is onverwacht gestopt. ' +
    'Alles wat al bewaard was, blijft bewaard. Start Eiland opnieuw om verder te gaan.',
  recoveredTitle: 'Beschadigd sessiebestand apart gezet',
  recovered: (movedTo: string): string =>
    'Het bestand met je sessies was beschadigd. Eiland heeft het niet overschreven, maar apart gezet als:\n\n' +
    `${movedTo}\n\n` +
    'Eiland gaat verder met een nieuw, leeg bestand. Bewaar het oude bestand als je het later nog wilt laten bekijken.',
} as const;

/** The secret the facilitator window presents to the host; made fresh for every start of the app. */
export function makeToken(): string {
  return randomBytes(32).toString('hex');
}

/** Command-line arguments of the host. Port 0: the operating system picks a free port. */
export function hostArgs(dataDir: string, token: string): string[] {
  return ['--data', dataDir, '--port', '0', '--token', token];
}

export interface StartHostOptions {
  /** Absolute path of the bundled host (dist/host/main.mjs). */
  scriptPath: string;
  /** Folder for the database and exports: the app's userData folder. */
  dataDir: string;
  token: string;
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
 * silent before that, the user gets a plain Dutch error box, the app quits and this resolves null:
 * without the host there is nothing the app can show.
 */
export function startHost(options: StartHostOptions): Promise<HostHandle | null> {
  const child = utilityProcess.fork(options.scriptPath, hostArgs(options.dataDir, options.token), {
    serviceName: 'Eiland host',
  });
  let ready = false;
  let stopping = false;
  let failed = false;

  return new Promise((resolve) => {
    const fail = (detail: string): void => {
      if (ready || failed) return;
      failed = true;
      clearTimeout(timer);
      stopping = true;
      child.kill();
      dialog.showErrorBox(hostTexts.startFailedTitle, hostTexts.startFailed(detail));
      app.quit();
      resolve(null);
    };

    const timer = setTimeout(() => fail(hostTexts.timedOut), options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);

    child.on('message', (message: unknown) => {
      if (isHostDatabaseRecoveredMessage(message)) {
        // Not awaited: the user reads it while the app carries on starting.
        void dialog.showMessageBox({
          type: 'warning',
          title: hostTexts.recoveredTitle,
          message: hostTexts.recoveredTitle,
          detail: hostTexts.recovered(message.movedTo),
          buttons: ['OK'],
        });
        return;
      }
      if (!isHostReadyMessage(message) || ready || failed) return;
      const origin = originOf(message.url);
      if (!isLoopbackHttpUrl(message.url) || origin === null) {
        fail(hostTexts.badAddress);
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
        fail(hostTexts.exitedEarly(code));
        return;
      }
      if (stopping) return;
      // The windows are useless without the host; say so plainly instead of showing dead pages.
      dialog.showErrorBox(hostTexts.stoppedTitle, hostTexts.stopped);
      app.quit();
    });
  });
}
