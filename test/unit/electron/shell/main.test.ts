/**
 * The entry point's wiring, driven like Electron would: the app becomes ready, the host reports
 * ready, then pages and IPC calls arrive. Steps run in order against one started shell.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../../../shared/ipc';
import {
  app,
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

describe('electron/shell/main.ts', () => {
  let host: FakeUtilityProcess;

  // Vitest clears mock call records before each test, so every step asserts only its own calls.
  beforeAll(resetFakes);

  it('takes the single-instance lock, sandboxes all renderers and waits for app ready', async () => {
    await import('../../../../electron/shell/main');
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('web-contents-created')).toBe(1);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
  });

  it('forks the host with the userData folder and a fresh token once the app is ready', async () => {
    app.markReady();
    await flush();
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    host = utilityProcess.forked[0] as FakeUtilityProcess;
    expect(host.modulePath.replaceAll('\\', '/')).toMatch(/\/host\/main\.mjs$/);
    expect(host.args.slice(0, 4)).toEqual(['--data', '/fake/userData', '--port', '0']);
    expect(host.args[5]).toMatch(/^[0-9a-f]{64}$/);
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('opens the facilitator window on the host URL with the same token', async () => {
    host.emit('message', { type: 'ready', url: 'http://127.0.0.1:45678/', port: 45678 });
    await flush();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const main = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    expect(main.loadedUrl).toBe(`http://127.0.0.1:45678/?token=${host.args[5]}`);
    expect((main.options.webPreferences as { preload: string }).preload.replaceAll('\\', '/')).toMatch(/\/preload\.cjs$/);
    expect(session.defaultSession.webRequest.headersFilter).toEqual({ urls: ['http://127.0.0.1:45678/*'] });
  });

  it('blocks navigation away from the host in any new web contents', () => {
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = new FakeEvent('https://example.org/');
    contents.emit('will-navigate', away);
    const within = new FakeEvent('http://127.0.0.1:45678/report.html');
    contents.emit('will-navigate', within);
    expect(away.defaultPrevented).toBe(true);
    expect(within.defaultPrevented).toBe(false);
  });

  it('opens the projector on the second display when our page asks, and refuses a foreign frame', async () => {
    screen.displays = [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 800 } },
    ];
    const openProjector = ipcMain.handlers.get(IpcChannel.openProjector);
    expect(() => openProjector?.({ senderFrame: { url: 'http://127.0.0.1:1/' } })).toThrow(/not an Eiland page/);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    await openProjector?.({ senderFrame: { url: 'http://127.0.0.1:45678/?token=x' } });
    const projector = FakeBrowserWindow.instances[1] as FakeBrowserWindow;
    expect(projector.loadedUrl).toBe(`http://127.0.0.1:45678/projector.html?token=${host.args[5]}`);
    expect(projector.options).toMatchObject({ x: 1920, fullscreen: true });
  });

  it('focuses the facilitator window when a second instance starts', () => {
    const main = FakeBrowserWindow.instances[0] as FakeBrowserWindow;
    main.focused = false;
    app.emit('second-instance', {}, [], '/');
    expect(main.focused).toBe(true);
  });

  it('stops the host on quit without reporting a crash', () => {
    app.emit('will-quit');
    expect(host.kill).toHaveBeenCalledTimes(1);
    host.emit('exit', 0);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
