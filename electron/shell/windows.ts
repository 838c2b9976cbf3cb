/**
 * The two desktop windows: the facilitator window (the app itself) and the projector window (what
 * the group sees on the beamer). Both show pages served by the host on loopback; neither ever loads
 * a file:// page, so the same pages run in browser mode and in the app.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle, screen } from 'electron';

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
    minWidth: 900,
    minHeight: 600,
    title: 'Eiland',
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

/** The facilitator page. The token proves to the host that this window is the facilitator. */
export function facilitatorUrl(hostUrl: string, token: string): string {
  return `${hostUrl}?token=${encodeURIComponent(token)}`;
}

/** The projector page, read-only on the host's side. */
export function projectorUrl(hostUrl: string, token: string): string {
  return `${hostUrl}projector.html?token=${encodeURIComponent(token)}`;
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
  const base = windowOptions(null);
  if (display === null) return { ...base, title: 'Eiland — projector' };
  const { x, y, width, height } = display.bounds;
  return { ...base, title: 'Eiland — projector', x, y, width, height, fullscreen: true, autoHideMenuBar: true };
}

export interface ShellWindowsOptions {
  preloadPath: string;
  hostUrl: string;
  token: string;
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

  openMain(): BrowserWindow {
    if (this.main !== null) {
      focus(this.main);
      return this.main;
    }
    const window = new BrowserWindow(windowOptions(this.options.preloadPath));
    this.main = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.main = null;
      // A projector without its facilitator window would be an orphan nobody can control.
      this.projector?.close();
    });
    void window.loadURL(facilitatorUrl(this.options.hostUrl, this.options.token));
    return window;
  }

  openProjector(): BrowserWindow {
    if (this.projector !== null) {
      focus(this.projector);
      return this.projector;
    }
    const display = pickProjectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    const window = new BrowserWindow(projectorWindowOptions(display));
    this.projector = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      this.projector = null;
    });
    void window.loadURL(projectorUrl(this.options.hostUrl, this.options.token));
    return window;
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
