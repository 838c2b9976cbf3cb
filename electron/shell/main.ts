/**
 * Electron main-process entry (bundled to dist/electron/shell.cjs). The shell is thin: it starts
 * the host, shows the host's pages in hardened windows, and adds what only a desktop app can do
 * (menus, native dialogs, a projector window on the second screen). Everything else lives in the host.
 *
 * Order matters: single-instance lock first (a second Eiland must not fork a second host on the
 * same database), hardening before any web contents exists, windows only once the host listens.
 */
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { installCsp, installHardening } from './hardening';
import { type HostHandle, hostTexts, makeToken, startHost } from './host-process';
import { registerIpcHandlers } from './ipc-handlers';
import { installMenu } from './menu';
import { claimSingleInstance } from './single-instance';
import { ShellWindows } from './windows';

let host: HostHandle | null = null;
let windows: ShellWindows | null = null;

/** The host's origin once it listens; until then no page may load and no IPC is trusted. */
const hostOrigin = (): string | null => host?.origin ?? null;

const openProjector = (): void => {
  windows?.openProjector();
};

async function start(): Promise<void> {
  installMenu(openProjector);
  const token = makeToken();
  // dist/electron/shell.cjs → dist/host/main.mjs; both inside app.asar when packaged.
  host = await startHost({ scriptPath: join(__dirname, '../host/main.mjs'), dataDir: app.getPath('userData'), token });
  if (host === null) return; // startHost has told the user and asked the app to quit.
  installCsp(host.origin);
  windows = new ShellWindows({ preloadPath: join(__dirname, 'preload.cjs'), hostUrl: host.url, token });
  registerIpcHandlers(hostOrigin, { openProjector });
  windows.openMain();
  // macOS keeps apps alive without windows; clicking the dock icon brings the facilitator back.
  app.on('activate', () => windows?.openMain());
}

export function main(): void {
  if (!claimSingleInstance(() => windows?.focusMain())) return;
  // Every renderer sandboxed, whatever a window's own options say.
  app.enableSandbox();
  installHardening(hostOrigin);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => host?.stop());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(hostTexts.startFailedTitle, hostTexts.startFailed(String(error)));
      app.quit();
    });
}

main();
