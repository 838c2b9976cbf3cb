import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents, installCsp, installHardening } from '../../../../electron/shell/hardening';
import { buildCsp } from '../../../../electron/shell/security';
import { app, FakeEvent, FakeSession, FakeWebContents, resetFakes, session } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const HOST = 'http://127.0.0.1:40000';

beforeEach(resetFakes);

function hardened(origin: string | null = HOST): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, () => origin);
  return contents;
}

function navigate(contents: FakeWebContents, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const navigation = new FakeEvent(url);
  contents.emit(event, navigation, url);
  return navigation.defaultPrevented;
}

describe('hardenWebContents', () => {
  it('blocks navigation and redirects away from the host origin', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:40001/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/hosts')).toBe(true);
  });

  it('lets pages of the host origin navigate', () => {
    const contents = hardened();
    expect(navigate(contents, 'will-navigate', `${HOST}/report.html`)).toBe(false);
    expect(navigate(contents, 'will-redirect', `${HOST}/?token=t`)).toBe(false);
  });

  it('blocks every navigation while the host is not ready', () => {
    expect(navigate(hardened(null), 'will-navigate', `${HOST}/`)).toBe(true);
  });

  it('denies every window.open, even to the host itself', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${HOST}/` })).toEqual({ action: 'deny' });
  });

  it('prevents attaching webviews', () => {
    const contents = hardened();
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const target = new FakeSession();
    denyAllPermissions(target as unknown as Session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      target.permissionRequestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(target.permissionCheckHandler?.({}, permission)).toBe(false);
    }
  });
});

describe('installHardening', () => {
  it('hardens every web contents Electron creates and locks the default session', () => {
    installHardening(() => HOST);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(navigate(contents, 'will-navigate', 'https://example.org/')).toBe(true);
    const callback = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });
});

describe('installCsp', () => {
  it('adds the strict CSP to responses from the host origin only', () => {
    installCsp(HOST);
    const webRequest = session.defaultSession.webRequest;
    expect(webRequest.headersFilter).toEqual({ urls: ['http://127.0.0.1:40000/*'] });
    const callback = vi.fn();
    webRequest.headersListener?.(
      { url: `${HOST}/`, responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': ['default-src *'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': ['default-src *', buildCsp()] },
    });
  });
});
