/**
 * Wires the decisions in `security.ts` into Electron: what any web contents may do (navigate, open
 * windows, attach webviews), which permissions pages get (none), and the CSP on the host's pages.
 */
import { app, type Session, session, type WebContents } from 'electron';
import { hostUrlPattern, isAllowedNavigation, withCspHeader } from './security';

/** Returns the host's origin once it is known; null before the host is ready (then nothing may load). */
export type HostOriginSource = () => string | null;

/**
 * Locks down one web contents. Registered for every contents Electron creates (windows, devtools,
 * anything unexpected), so a new window added later cannot forget it.
 */
export function hardenWebContents(contents: WebContents, hostOrigin: HostOriginSource): void {
  const blockForeignNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url, hostOrigin())) event.preventDefault();
  };
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  // Eiland never opens pop-ups; a link with target=_blank in note text must not become a window.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // No <webview>: it would be a second, unhardened browser inside the app.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Pages get no permission at all (camera, notifications, geolocation, …): the facilitator UI needs
 * none, and a check handler is required too, since some permissions are only ever checked.
 */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Installs the hardening that does not depend on the host: call before any window exists. */
export function installHardening(hostOrigin: HostOriginSource): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hostOrigin));
  denyAllPermissions(session.defaultSession);
}

/**
 * Adds our CSP to every response from the host's origin. Done in the shell rather than trusted to
 * the host, so the desktop windows are protected even if a host page forgot its header.
 */
export function installCsp(hostOrigin: string, target: Session = session.defaultSession): void {
  target.webRequest.onHeadersReceived({ urls: [hostUrlPattern(hostOrigin)] }, (details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}
