/**
 * The entry point's wiring, driven like Electron would: a file arrives before the app is ready,
 * the app becomes ready, the host reports ready, then pages, IPC calls and menu clicks arrive.
 * The host is real (in this process, on loopback, with a real SQLite file and the shell's own
 * token), so opening an archive goes all the way through its import. Steps run in order against
 * one started shell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemo } from '../../../../electron/host/export/demo';
import { programmeArchive, sessionArchive } from '../../../../electron/host/export/exporter';
import { type RunningHost, startHost } from '../../../../electron/host/host';
import { IpcChannel } from '../../../../shared/ipc';
import { exportWorkerBundle } from '../../../support/export-worker-bundle';
import { startTestHost, tempDataDir } from '../../../support/host-harness';
import {
  app,
  dialog,
  display,
  FakeBrowserWindow,
  FakeEvent,
  FakeWebContents,
  type FakeUtilityProcess,
  ipcMain,
  Menu,
  resetFakes,
  screen,
  session,
  utilityProcess,
} from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
type Item = MenuItemConstructorOptions;
const menuItems = (items: Item[] = (Menu.current?.template ?? []) as Item[]): Item[] =>
  items.flatMap((item) => [item, ...menuItems((item.submenu ?? []) as Item[])]);
const menuItem = (label: string) => menuItems().find((item) => item.label === label);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('electron/shell/main.ts', () => {
  let child: FakeUtilityProcess;
  let host: RunningHost;
  let source: Awaited<ReturnType<typeof startTestHost>>;
  let demo: ReturnType<typeof createDemo>;
  let sessionFile: string;
  let programmeFile: string;
  let main: FakeBrowserWindow;
  const page = () => ({ senderFrame: { url: `${host.url}?token=x` } });

  beforeAll(async () => {
    resetFakes();
    source = await startTestHost();
    demo = createDemo(source.engine);
    sessionFile = join(source.dataDir, 'Programmateam.eiland');
    programmeFile = join(source.dataDir, 'Alliantie.eiland');
    writeFileSync(sessionFile, sessionArchive(source.engine, demo.sessionIds[0] as string));
    writeFileSync(programmeFile, programmeArchive(source.engine, demo.programmeId));
  }, 60_000);
  afterAll(async () => {
    await host?.stop();
    await source?.cleanup();
  });

  it('takes the single-instance lock, sandboxes all renderers and waits for app ready', async () => {
    await import('../../../../electron/shell/main');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('takes a file macOS sends before the app is ready, and keeps it for later', () => {
    const event = new FakeEvent();
    app.emit('open-file', event, sessionFile);
    expect(event.defaultPrevented).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('forks the host with the userData folder and a fresh token once the app is ready, menus in Dutch', async () => {
    app.markReady();
    await flush();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    child = utilityProcess.forked[0] as FakeUtilityProcess;
    expect(child.modulePath.replaceAll('\\', '/')).toMatch(/\/host\/main\.mjs$/);
    expect(child.args.slice(0, 4)).toEqual(['--data', app.userData, '--port', '0']);
    expect(child.args[5]).toMatch(/^[0-9a-f]{64}$/);
    expect(menuItem('Bestand')).toBeDefined();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('opens the facilitator window on the host URL, then the waiting archive in it', async () => {
    host = await startHost({ dataDir: tempDataDir(), port: 0, token: child.args[5] as string, rendererDir: '/nonexistent', exportWorker: await exportWorkerBundle() });
    child.emit('message', { type: 'ready', url: host.url, port: Number(new URL(host.url).port) });
    await flush();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    main = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(main.loadURL.mock.calls[0]?.[0]).toBe(`${host.url}?token=${child.args[5]}`);
    expect((main.options.webPreferences as { preload: string }).preload.replaceAll('\\', '/')).toMatch(/\/preload\.cjs$/);
    expect(session.defaultSession.webRequest.headersFilter).toEqual({ urls: [`${host.url.slice(0, -1)}/*`] });

    await until(() => dialog.showMessageBox.mock.calls.length > 0);
    const sessionId = demo.sessionIds[0] as string;
    expect(host.engine.workspace.sessions[sessionId]).toBeDefined();
    expect(main.loadedUrl).toBe(`${host.url}?token=${child.args[5]}#/session/${sessionId}`);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(main, expect.objectContaining({ title: 'Archief geopend', message: 'Nieuw: 1. Bijgewerkt: 0. Was er al: 0.' }));
  });

  it('blocks navigation away from the host in any new web contents', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = new FakeEvent('https://example.org/');
    contents.emit('will-navigate', away);
    const within = new FakeEvent(`${host.url}report.html`);
    contents.emit('will-navigate', within);
    expect(away.defaultPrevented).toBe(true);
    expect(within.defaultPrevented).toBe(false);
  });

  it('lists the sessions the page opened under "Recente sessies", and opens one from there', async () => {
    const opened = ipcMain.handlers.get(IpcChannel.sessionOpened);
    expect(() => opened?.({ senderFrame: { url: 'http://127.0.0.1:1/' } }, 'evil', 'Evil')).toThrow(/not an Eiland page/);
    await opened?.(page(), 's1', 'Programmateam');
    await opened?.(page(), 's2', 'Stuurgroep');
    const recent = (menuItem('Recente sessies')?.submenu ?? []) as Item[];
    expect(recent.map((item) => item.label)).toEqual(['Stuurgroep', 'Programmateam', undefined, 'Lijst wissen']);
    recent[1]?.click?.({} as never, undefined, {} as never);
    expect(main.loadedUrl).toMatch(/#\/session\/s1$/);
    expect(JSON.parse(readFileSync(join(app.userData, 'recent-sessions.json'), 'utf8')).sessions).toHaveLength(2);
  });

  it('speaks the language the page reports, and remembers it', async () => {
    await ipcMain.handlers.get(IpcChannel.localeChanged)?.(page(), 'en');
    expect(menuItem('File')).toBeDefined();
    expect(menuItem('Recent sessions')).toBeDefined();
    expect(JSON.parse(readFileSync(join(app.userData, 'preferences.json'), 'utf8'))).toMatchObject({ locale: 'en' });
  });

  it('opens the projector on the second display, and switches it to high contrast from the menu', async () => {
    screen.displays = [display(1, { x: 0, y: 0, width: 1920, height: 1080 }), display(2, { x: 1920, y: 0, width: 1280, height: 800 })];
    const openProjector = ipcMain.handlers.get(IpcChannel.openProjector);
    expect(() => openProjector?.({ senderFrame: { url: 'http://127.0.0.1:1/' } })).toThrow(/not an Eiland page/);
    await openProjector?.(page());
    const projector = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    // Its own token, which can only watch (args: --token T --projector-token P): never the facilitator's.
    expect(child.args[6]).toBe('--projector-token');
    expect(child.args[7]).toMatch(/^[0-9a-f]{64}$/);
    expect(child.args[7]).not.toBe(child.args[5]);
    expect(projector.loadedUrl).toBe(`${host.url}projector.html?token=${child.args[7]}`);
    expect(projector.options).toMatchObject({ x: 1920, fullscreen: true });
    menuItem('Projector in high contrast')?.click?.({ checked: true } as never, undefined, {} as never);
    expect(projector.loadedUrl).toBe(`${host.url}projector.html?token=${child.args[7]}&contrast=high`);
    expect(menuItem('Projector in high contrast')?.checked).toBe(true);
  });

  it('brings the window forward and opens the archive a second start was given', async () => {
    main.focused = false;
    dialog.showMessageBox.mockClear();
    app.emit('second-instance', {}, ['/opt/Eiland/eiland', programmeFile], '/');
    expect(main.focused).toBe(true);
    await until(() => dialog.showMessageBox.mock.calls.length > 0);
    for (const id of demo.sessionIds) expect(host.engine.workspace.sessions[id], id).toBeDefined();
    expect(main.loadedUrl).toMatch(/#\/$/);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(main, expect.objectContaining({ title: 'Archive opened' }));
  });

  it('opens archives chosen in File → "Open archive…"', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [sessionFile] });
    dialog.showMessageBox.mockClear();
    menuItem('Open archive…')?.click?.({} as never, undefined, {} as never);
    await until(() => dialog.showMessageBox.mock.calls.length > 0);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(main, expect.objectContaining({ filters: [{ name: 'Eiland archive', extensions: ['eiland', 'sqlite'] }] }));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(main, expect.objectContaining({ message: 'New: 0. Brought up to date: 0. Already here: 1.' }));
  });

  it('remembers where the facilitator window was when it closes', () => {
    main.bounds = { x: 60, y: 40, width: 1200, height: 760 };
    main.close();
    expect(JSON.parse(readFileSync(join(app.userData, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 60, y: 40, width: 1200, height: 760 },
      maximized: false,
    });
  });

  it('stops the host on quit without reporting a crash', () => {
    app.emit('will-quit');
    expect(child.kill).toHaveBeenCalledTimes(1);
    child.emit('exit', 0);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
