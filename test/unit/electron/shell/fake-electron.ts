/**
 * A recording stand-in for the 'electron' module — the one thing Eiland's tests ever mock, because
 * the Electron binary cannot run here. Each fake keeps what the shell did to it (handlers, options,
 * loaded URLs) so tests assert behaviour, and tests drive it by emitting the events Electron would.
 * Use in a test file with:
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** An EventEmitter whose listeners can be looked up by tests. */
class Emitter extends EventEmitter {
  listenersOf(event: string): Listener[] {
    return this.listeners(event) as Listener[];
  }
}

export class FakeApp extends Emitter {
  lockGranted = true;
  locale = 'nl-NL';
  isPackaged = false;
  private resolveReady: (() => void) | null = null;
  readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  requestSingleInstanceLock = vi.fn(() => this.lockGranted);
  quit = vi.fn();
  enableSandbox = vi.fn();
  whenReady = vi.fn(() => this.ready);
  /** A real, empty temporary folder per reset: the shell writes its small JSON files into userData. */
  userData = mkdtempSync(join(tmpdir(), 'eiland-shell-'));
  getPath = vi.fn((name: string) => (name === 'userData' ? this.userData : `/fake/${name}`));
  getLocale = vi.fn(() => this.locale);
  getVersion = vi.fn(() => '9.8.7');
  markReady(): void {
    this.resolveReady?.();
  }
}

export class FakeWebRequest {
  headersFilter: { urls: string[] } | null = null;
  headersListener: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
  onHeadersReceived = vi.fn((filter: { urls: string[] }, listener: FakeWebRequest['headersListener']) => {
    this.headersFilter = filter;
    this.headersListener = listener;
  });
}

export class FakeSession {
  webRequest = new FakeWebRequest();
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null =
    null;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler;
  });
}

/** What `will-navigate` / `will-redirect` / `will-attach-webview` hand their listeners. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: FakeWebContents['windowOpenHandler']) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = [];
  static fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);
  static getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  minimized = false;
  maximized = false;
  focused = false;
  closed = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 100, y = 100, width = 800, height = 600 } = options as Partial<Record<'x' | 'y' | 'width' | 'height', number>>;
    this.bounds = { x, y, width, height };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
  });
  getNormalBounds = vi.fn(() => ({ ...this.bounds }));
  isMaximized = vi.fn(() => this.maximized);
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  show = vi.fn(() => {
    this.visible = true;
  });
  focus = vi.fn(() => {
    this.focused = true;
  });
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = vi.fn(() => this.minimized);
  close = vi.fn(() => {
    this.emit('close', { preventDefault: () => undefined });
    this.closed = true;
    this.emit('closed');
  });
}

type Box = { x: number; y: number; width: number; height: number };

export interface FakeDisplay {
  id: number;
  bounds: Box;
  /** Defaults to the bounds less a 40-pixel task bar at the bottom. */
  workArea?: Box;
}

/** A display as Electron describes it, with a work area. */
export function display(id: number, bounds: Box, workArea?: Box): Required<FakeDisplay> {
  return { id, bounds, workArea: workArea ?? { ...bounds, height: bounds.height - 40 } };
}

export const screen = {
  displays: [display(1, { x: 0, y: 0, width: 1920, height: 1080 })] as FakeDisplay[],
  primaryId: 1,
  getAllDisplays: vi.fn(() => screen.displays.map((entry) => ({ ...entry, workArea: entry.workArea ?? { ...entry.bounds, height: entry.bounds.height - 40 } }))),
  getPrimaryDisplay: vi.fn(() => screen.displays.find((display) => display.id === screen.primaryId)),
};

export const dialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/chosen/file.pdf' as string | undefined })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
};

export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle = vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
    this.handlers.set(channel, handler);
  });
}

export class FakeUtilityProcess extends Emitter {
  kill = vi.fn(() => true);
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
  }
}

export const utilityProcess = {
  forked: [] as FakeUtilityProcess[],
  fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
    const child = new FakeUtilityProcess(modulePath, args, options);
    utilityProcess.forked.push(child);
    return child;
  }),
};

export const Menu = {
  current: null as { template: unknown[] } | null,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: { template: unknown[] } | null) => {
    Menu.current = menu;
  }),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
};

export const app = new FakeApp();
export const session = { defaultSession: new FakeSession() };
export const ipcMain = new FakeIpcMain();

/** The object `vi.mock('electron', …)` returns: the names the shell imports. */
export const electronModule = {
  app,
  session,
  BrowserWindow: FakeBrowserWindow,
  screen,
  dialog,
  ipcMain,
  utilityProcess,
  Menu,
  contextBridge,
  ipcRenderer,
};

/** Fresh fakes for the next test: no recorded calls, windows, processes or listeners. */
export function resetFakes(): void {
  vi.clearAllMocks();
  app.removeAllListeners();
  app.lockGranted = true;
  app.locale = 'nl-NL';
  app.isPackaged = false;
  rmSync(app.userData, { recursive: true, force: true });
  app.userData = mkdtempSync(join(tmpdir(), 'eiland-shell-'));
  session.defaultSession = new FakeSession();
  ipcMain.handlers.clear();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.fromWebContents.mockImplementation(() => null);
  FakeBrowserWindow.getFocusedWindow.mockImplementation(() => null);
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] }));
  utilityProcess.forked = [];
  screen.displays = [display(1, { x: 0, y: 0, width: 1920, height: 1080 })];
  screen.primaryId = 1;
  Menu.current = null;
  contextBridge.exposed.clear();
}
