import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  facilitatorUrl,
  mainWindowOptions,
  sessionRoute,
  pickProjectorDisplay,
  projectorUrl,
  projectorWindowOptions,
  ShellWindows,
  windowOptions,
} from '../../../../electron/shell/windows';
import type { WindowState } from '../../../../electron/shell/window-state';
import { display, FakeBrowserWindow, resetFakes, screen } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const HOST_URL = 'http://127.0.0.1:51234/';
const TOKEN = 'a'.repeat(64);
const PROJECTOR_TOKEN = 'b'.repeat(64);

beforeEach(resetFakes);

describe('windowOptions', () => {
  it('follows the Electron security checklist', () => {
    const prefs = windowOptions('/app/dist/electron/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('has no preload at all for windows that need no bridge', () => {
    expect(windowOptions(null).webPreferences).not.toHaveProperty('preload');
  });
  it('starts hidden so the first paint is the page', () => {
    expect(windowOptions(null).show).toBe(false);
  });
});

describe('page URLs', () => {
  it('pass the token to the facilitator and projector pages', () => {
    expect(facilitatorUrl(HOST_URL, TOKEN)).toBe(`http://127.0.0.1:51234/?token=${TOKEN}`);
    expect(projectorUrl(HOST_URL, TOKEN)).toBe(`http://127.0.0.1:51234/projector.html?token=${TOKEN}`);
  });
  it('can name a session route and the projector\'s high contrast', () => {
    expect(facilitatorUrl(HOST_URL, TOKEN, sessionRoute('s 1'))).toBe(`http://127.0.0.1:51234/?token=${TOKEN}#/session/s%201`);
    expect(projectorUrl(HOST_URL, TOKEN, true)).toBe(`http://127.0.0.1:51234/projector.html?token=${TOKEN}&contrast=high`);
  });
});

describe('projector placement', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const beamer = { id: 7, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };

  it('picks the display that is not the primary one', () => {
    expect(pickProjectorDisplay([primary, beamer], 1)).toBe(beamer);
    expect(pickProjectorDisplay([beamer, primary], 1)).toBe(beamer);
    expect(pickProjectorDisplay([primary], 1)).toBeNull();
  });
  it('goes full screen on the second display, and stays a window without one', () => {
    expect(projectorWindowOptions(beamer)).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true });
    expect(projectorWindowOptions(null).fullscreen).toBeUndefined();
    expect(projectorWindowOptions(null).webPreferences?.sandbox).toBe(true);
  });
});

describe('mainWindowOptions', () => {
  const saved: WindowState = { bounds: { x: 2000, y: 50, width: 1000, height: 700 }, maximized: false };
  const two = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, { workArea: { x: 1920, y: 0, width: 1280, height: 760 } }];
  it('puts the window back where it was when that display is still there', () => {
    expect(mainWindowOptions('/p.cjs', saved, two)).toMatchObject({ x: 2000, y: 50, width: 1000, height: 700 });
  });
  it('lets the system place it when that display is gone, or nothing was saved', () => {
    const options = mainWindowOptions('/p.cjs', saved, two.slice(0, 1));
    expect(options).toMatchObject({ width: 1280, height: 820 });
    expect(options.x).toBeUndefined();
    expect(mainWindowOptions('/p.cjs', null, two).x).toBeUndefined();
  });
});

describe('ShellWindows', () => {
  const make = (extra: Partial<ConstructorParameters<typeof ShellWindows>[0]> = {}) =>
    new ShellWindows({ preloadPath: '/p/preload.cjs', hostUrl: HOST_URL, token: TOKEN, projectorToken: PROJECTOR_TOKEN, ...extra });

  it('restores the saved place, maximised if it was, and saves it again on close', () => {
    screen.displays = [display(1, { x: 0, y: 0, width: 1920, height: 1080 })];
    const windowState = { load: vi.fn((): WindowState => ({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true })), save: vi.fn() };
    const main = make({ windowState }).openMain() as unknown as FakeBrowserWindow;
    expect(main.options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    main.emit('ready-to-show');
    expect(main.maximize).toHaveBeenCalledTimes(1);
    main.close();
    expect(windowState.save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
  });

  it('shows a route in the open window without a new one, or opens the window on it', () => {
    const windows = make();
    const main = windows.openMain() as unknown as FakeBrowserWindow;
    windows.showRoute(sessionRoute('s1'));
    expect(main.loadedUrl).toBe(`${HOST_URL}?token=${TOKEN}#/session/s1`);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    main.close();
    windows.showRoute('#/');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(FakeBrowserWindow.instances[1]?.loadedUrl).toBe(`${HOST_URL}?token=${TOKEN}#/`);
  });

  it('reloads an open projector when its contrast changes', () => {
    let high = false;
    const windows = make({ projectorHighContrast: () => high });
    windows.refreshProjector();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    const projector = windows.openProjector() as unknown as FakeBrowserWindow;
    expect(projector.options.title).toBe('Eiland (beamer)');
    high = true;
    windows.refreshProjector();
    expect(projector.loadedUrl).toBe(`${HOST_URL}projector.html?token=${PROJECTOR_TOKEN}&contrast=high`);
  });

  it('opens the facilitator page with the token and the preload, shown when ready', () => {
    const windows = make();
    const main = windows.openMain() as unknown as FakeBrowserWindow;
    expect(main.loadedUrl).toBe(`${HOST_URL}?token=${TOKEN}`);
    expect((main.options.webPreferences as { preload: string }).preload).toBe('/p/preload.cjs');
    expect(main.visible).toBe(false);
    main.emit('ready-to-show');
    expect(main.visible).toBe(true);
  });

  it('keeps one facilitator window and focuses it on a second open', () => {
    const windows = make();
    const first = windows.openMain() as unknown as FakeBrowserWindow;
    first.minimized = true;
    expect(windows.openMain()).toBe(first as never);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(first.restore).toHaveBeenCalledTimes(1);
    expect(first.focused).toBe(true);
  });

  it('puts the projector full screen on the second display', () => {
    screen.displays = [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, bounds: { x: -1024, y: 0, width: 1024, height: 768 } },
    ];
    const projector = make().openProjector() as unknown as FakeBrowserWindow;
    // The projector's own token, which can only watch: the facilitator's never reaches that window.
    expect(projector.loadedUrl).toBe(`${HOST_URL}projector.html?token=${PROJECTOR_TOKEN}`);
    expect(projector.loadedUrl).not.toContain(TOKEN);
    expect(projector.options).toMatchObject({ x: -1024, y: 0, width: 1024, height: 768, fullscreen: true });
    expect(projector.options.webPreferences).not.toHaveProperty('preload');
  });

  it('opens the projector as a normal window with a single display, and only once', () => {
    const windows = make();
    const projector = windows.openProjector() as unknown as FakeBrowserWindow;
    expect(projector.options.fullscreen).toBeUndefined();
    expect(windows.openProjector()).toBe(projector as never);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('closes the projector when the facilitator window closes', () => {
    const windows = make();
    const main = windows.openMain() as unknown as FakeBrowserWindow;
    const projector = windows.openProjector() as unknown as FakeBrowserWindow;
    main.close();
    expect(projector.closed).toBe(true);
    expect(windows.mainWindow).toBeNull();
    expect(windows.projectorWindow).toBeNull();
  });
});
