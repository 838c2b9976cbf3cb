/**
 * The two desktop windows: the facilitator window (the app itself) and the projector window (what
 * the group sees on the beamer). Both show pages served by the host on loopback; neither ever loads
 * a file:// page, so the same pages run in browser mode and in the app.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle, screen } from 'electron';
import { st } from './locale';
import { MIN_SIZE, restoreBounds, type WindowState } from './window-state';

/** Matches the renderer's page background, so a window never flashes white before it paints. */
const BACKGROUND = '#f6f1e7';

/**
 * Options every Eiland window is created with. The webPreferences are the Electron security
 * checklist: the page runs isolated and sandboxed, without Node, and reaches the shell only through
 * the preload bridge. `preloadPath` is null for windows that need no bridge (the projector).
 */
export function windowOptions(preloadPath: string | null): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: st('app.name'),
    backgroundColor: BACKGROUND,
    // Shown on 'ready-to-show', so the first thing the user sees is the page, not an empty frame.
    show: false,
    webPreferences: {
      ...(preloadPath === null ? {} : { preload: preloadPath }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Dropping a file on the window must not navigate away from the session.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * The facilitator page. The token proves to the host that this window is the facilitator. `route`
 * is the page's own hash route ('#/session/ID', '#/'), so the menu can open a session directly.
 */
export function facilitatorUrl(hostUrl: string, token: string, route = ''): string {
  return `${hostUrl}?token=${encodeURIComponent(token)}${route}`;
}

/** The route of one session in the facilitator page (renderer/src/facilitator/route.ts). */
export function sessionRoute(id: string): string {
  return `#/session/${encodeURIComponent(id)}`;
}

export const SESSIONS_ROUTE = '#/';

/** The projector page, read-only on the host's side; `contrast=high` asks for its high-contrast look. */
export function projectorUrl(hostUrl: string, token: string, highContrast = false): string {
  return `${hostUrl}projector.html?token=${encodeURIComponent(token)}${highContrast ? '&contrast=high' : ''}`;
}

export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

/**
 * The display for the projector: the first one that is not the primary display (where the
 * facilitator works), or null when there is only one screen.
 */
export function pickProjectorDisplay(displays: readonly DisplayInfo[], primaryId: number): DisplayInfo | null {
  return displays.find((display) => display.id !== primaryId) ?? null;
}

/** Projector options: full screen on the second display when there is one, else a normal window. */
export function projectorWindowOptions(display: DisplayInfo | null): BrowserWindowConstructorOptions {
  const base = { ...windowOptions(null), title: st('projector.title') };
  if (display === null) return base;
  const { x, y, width, height } = display.bounds;
  return { ...base, x, y, width, height, fullscreen: true, autoHideMenuBar: true };
}

/** Facilitator window options with the saved size and place, when a display still shows that place. */
export function mainWindowOptions(preloadPath: string, saved: WindowState | null, displays: readonly { workArea: Rectangle }[]): BrowserWindowConstructorOptions {
  const base = windowOptions(preloadPath);
  const bounds = saved ? restoreBounds(saved.bounds, displays) : null;
  return bounds ? { ...base, ...bounds } : base;
}

export interface WindowStateStore {
  load(): WindowState | null;
  save(state: WindowState): void;
}

export interface ShellWindowsOptions {
  preloadPath: string;
  hostUrl: string;
  token: string;
  /** The projector window's own token, which can only watch; the facilitator's token never reaches it. */
  projectorToken: string;
  /** Where the facilitator window's size and place are kept between starts; none in tests that do not care. */
  windowState?: WindowStateStore;
  /** Whether the projector should show its high-contrast look. */
  projectorHighContrast?: () => boolean;
}

/** Owns the facilitator and projector windows, so each exists at most once. */
export class ShellWindows {
  private main: BrowserWindow | null = null;
  private projector: BrowserWindow | null = null;

  constructor(private readonly options: ShellWindowsOptions) {}

  get mainWindow(): BrowserWindow | null {
    return this.main;
  }

  get projectorWindow(): BrowserWindow | null {
    return this.projector;
  }

  openMain(route = ''): BrowserWindow {
    if (this.main !== null) {
      focus(this.main);
      return this.main;
    }
    const saved = this.options.windowState?.load() ?? null;
    const options = mainWindowOptions(this.options.preloadPath, saved, screen.getAllDisplays());
    // The isolation and the sandbox are pinned where the window is made, so no options function
    // can drop them (and so a static audit such as Electronegativity sees them).
    const window = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true } });
    this.main = window;
    window.once('ready-to-show', () => {
      if (saved?.maximized) window.maximize();
      window.show();
    });
    // Saved on 'close' (not 'closed'): the window still knows its bounds then.
    window.on('close', () => {
      this.options.windowState?.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      this.main = null;
      // A projector without its facilitator window would be an orphan nobody can control.
      this.projector?.close();
    });
    void window.loadURL(facilitatorUrl(this.options.hostUrl, this.options.token, route));
    return window;
  }

  /** Shows a route of the facilitator page ('#/session/ID' or '#/'), opening the window if needed. */
  showRoute(route: string): void {
    if (this.main === null) {
      this.openMain(route);
      return;
    }
    // Only the hash changes: the page stays loaded and its router follows (no reload, no lost state).
    void this.main.loadURL(facilitatorUrl(this.options.hostUrl, this.options.token, route));
    focus(this.main);
  }

  openProjector(): BrowserWindow {
    if (this.projector !== null) {
      focus(this.projector);
      return this.projector;
    }
    const display = pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const options = projectorWindowOptions(display);
    const window = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true } });
    this.projector = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.projector = null;
    });
    void window.loadURL(this.currentProjectorUrl());
    return window;
  }

  /** Shows the projector's new look at once when it is open; otherwise it applies on the next open. */
  refreshProjector(): void {
    if (this.projector !== null) void this.projector.loadURL(this.currentProjectorUrl());
  }

  private currentProjectorUrl(): string {
    return projectorUrl(this.options.hostUrl, this.options.projectorToken, this.options.projectorHighContrast?.() ?? false);
  }

  /** Brings the facilitator window forward, e.g. when the user starts Eiland a second time. */
  focusMain(): void {
    if (this.main !== null) focus(this.main);
  }
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
