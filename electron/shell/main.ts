/**
 * Electron main-process entry (bundled to dist/electron/shell.cjs). The shell is thin: it starts
 * the host, shows the host's pages in hardened windows, and adds what only a desktop app can do
 * (menus, native dialogs, opening .eiland files, a projector window on the second screen).
 * Everything else lives in the host.
 *
 * Order matters: single-instance lock first (a second Eiland must not fork a second host on the
 * same database), hardening before any web contents exists, windows only once the host listens.
 * `open-file` is listened for before 'ready', because macOS sends the file that started the app early.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type MessageBoxOptions } from 'electron';
import type { Locale } from '../../shared/i18n/messages';
import { installCsp, installHardening } from './hardening';
import { type HostHandle, makeToken, startHost } from './host-process';
import { registerIpcHandlers } from './ipc-handlers';
import { localeFromSystem, setShellLocale, shellLocale, st } from './locale';
import { installMenu, showAboutDialog } from './menu';
import { ARCHIVE_EXTENSION, ArchiveOpener, archivePathsFromArgv } from './open-archive';
import { PreferencesFile } from './preferences';
import { RecentSessions } from './recent';
import { claimSingleInstance } from './single-instance';
import { sessionRoute, SESSIONS_ROUTE, ShellWindows } from './windows';
import { WindowStateFile } from './window-state';

let host: HostHandle | null = null;
let windows: ShellWindows | null = null;
let preferences: PreferencesFile | null = null;
let recent: RecentSessions | null = null;

/** The host's origin once it listens; until then no page may load and no IPC is trusted. */
const hostOrigin = (): string | null => host?.origin ?? null;

/** A message box attached to the facilitator window when there is one, so it cannot get lost behind it. */
function showMessage(options: MessageBoxOptions): void {
  const owner = windows?.mainWindow ?? null;
  void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options));
}

const archives = new ArchiveOpener({
  showResult: (title, message, detail) => showMessage({ type: 'info', title, message, detail, buttons: [st('menu.ok')] }),
  showError: (title, message) => showMessage({ type: 'warning', title, message: title, detail: message, buttons: [st('menu.ok')] }),
  openSession: (id) => windows?.showRoute(sessionRoute(id)),
  showSessions: () => windows?.showRoute(SESSIONS_ROUTE),
});

async function chooseArchives(): Promise<void> {
  const options = {
    properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
    // Exports made before the .eiland name existed end in .sqlite; the host checks what is inside either way.
    filters: [{ name: st('archive.filter'), extensions: [ARCHIVE_EXTENSION.slice(1), 'sqlite'] }],
  };
  const owner = windows?.mainWindow ?? BrowserWindow.getFocusedWindow();
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  if (!result.canceled) await archives.open(result.filePaths);
}

function refreshMenu(): void {
  installMenu({
    locale: shellLocale(),
    recent: recent?.sessions ?? [],
    projectorHighContrast: preferences?.value.projectorHighContrast ?? false,
    openProjector: () => windows?.openProjector(),
    showAbout: () => showAboutDialog(shellLocale()),
    openArchive: () => void chooseArchives(),
    showSessions: () => windows?.showRoute(SESSIONS_ROUTE),
    openSession: (id) => windows?.showRoute(sessionRoute(id)),
    clearRecent: () => recent?.clear(),
    setProjectorHighContrast: (on) => {
      preferences?.update({ projectorHighContrast: on });
      windows?.refreshProjector();
      refreshMenu();
    },
  });
}

function localeChanged(locale: Locale): void {
  if (locale === shellLocale() && preferences?.value.locale === locale) return;
  setShellLocale(locale);
  preferences?.update({ locale });
  refreshMenu();
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  preferences = new PreferencesFile(userData);
  setShellLocale(preferences.value.locale ?? localeFromSystem(app.getLocale()));
  recent = new RecentSessions(userData, refreshMenu);
  refreshMenu();
  const token = makeToken();
  const projectorToken = makeToken();
  // dist/electron/shell.cjs → dist/host/main.mjs; both inside app.asar when packaged.
  host = await startHost({ scriptPath: join(__dirname, '../host/main.mjs'), dataDir: userData, token, projectorToken });
  if (host === null) return; // startHost has told the user and asked the app to quit.
  installCsp(host.origin);
  const prefs = preferences;
  windows = new ShellWindows({
    preloadPath: join(__dirname, 'preload.cjs'),
    hostUrl: host.url,
    token,
    projectorToken,
    windowState: new WindowStateFile(userData),
    projectorHighContrast: () => prefs.value.projectorHighContrast,
  });
  registerIpcHandlers(hostOrigin, {
    openProjector: () => windows?.openProjector(),
    sessionOpened: (id, title) => recent?.opened(id, title),
    localeChanged,
  });
  windows.openMain();
  // Archives named on the command line (Windows, Linux) and any that macOS sent before now.
  void archives.open(archivePathsFromArgv(process.argv, process.cwd()));
  void archives.setHost({ url: host.url, token });
  // macOS keeps apps alive without windows; clicking the dock icon brings the facilitator back.
  app.on('activate', () => windows?.openMain());
}

export function main(): void {
  const onSecondInstance = (argv: readonly string[], workingDirectory: string): void => {
    windows?.focusMain();
    void archives.open(archivePathsFromArgv(argv, workingDirectory));
  };
  if (!claimSingleInstance(onSecondInstance)) return;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void archives.open([path]);
  });
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
      dialog.showErrorBox(st('shell.startFailedTitle'), st('shell.startFailed', { detail: String(error) }));
      app.quit();
    });
}

main();
