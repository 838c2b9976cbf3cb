import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, safeFileName, UntrustedSenderError } from '../../../../electron/shell/ipc-handlers';
import { IpcChannel } from '../../../../shared/ipc';
import { dialog, FakeBrowserWindow, ipcMain, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const HOST = 'http://127.0.0.1:40000';

beforeEach(resetFakes);

function setup(origin: string | null = HOST) {
  const openProjector = vi.fn();
  const sessionOpened = vi.fn();
  const localeChanged = vi.fn();
  registerIpcHandlers(() => origin, { openProjector, sessionOpened, localeChanged });
  const call = (channel: string, frameUrl: string | null, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender: { id: 1 } };
    return handler(event, ...args);
  };
  return { openProjector, sessionOpened, localeChanged, call };
}

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of shared/ipc.ts', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  });

  it('accepts a call from our own page', async () => {
    const { openProjector, call } = setup();
    await call(IpcChannel.openProjector, `${HOST}/?token=t`);
    expect(openProjector).toHaveBeenCalledTimes(1);
  });

  it('rejects a frame of another origin and does nothing', () => {
    const { openProjector, call } = setup();
    expect(() => call(IpcChannel.openProjector, 'https://evil.example/')).toThrow(UntrustedSenderError);
    expect(() => call(IpcChannel.openProjector, 'http://127.0.0.1:40001/')).toThrow(/not an Eiland page/);
    expect(openProjector).not.toHaveBeenCalled();
  });

  it('rejects a call without a frame, and every call before the host is ready', () => {
    expect(() => setup().call(IpcChannel.openProjector, null)).toThrow(UntrustedSenderError);
    resetFakes();
    expect(() => setup(null).call(IpcChannel.openProjector, `${HOST}/`)).toThrow(UntrustedSenderError);
  });

  it('passes an opened session on from our page only', async () => {
    const { sessionOpened, call } = setup();
    expect(() => call(IpcChannel.sessionOpened, 'https://evil.example/', 's1', 'x')).toThrow(UntrustedSenderError);
    expect(sessionOpened).not.toHaveBeenCalled();
    await call(IpcChannel.sessionOpened, `${HOST}/#/session/s1`, 's1', 'Stuurgroep');
    expect(sessionOpened).toHaveBeenCalledExactlyOnceWith('s1', 'Stuurgroep');
  });

  it('passes on only a language Eiland speaks', async () => {
    const { localeChanged, call } = setup();
    await call(IpcChannel.localeChanged, `${HOST}/`, 'de');
    await call(IpcChannel.localeChanged, `${HOST}/`, { locale: 'en' });
    expect(localeChanged).not.toHaveBeenCalled();
    await call(IpcChannel.localeChanged, `${HOST}/`, 'en');
    expect(localeChanged).toHaveBeenCalledExactlyOnceWith('en');
    expect(() => call(IpcChannel.localeChanged, 'http://127.0.0.1:1/', 'nl')).toThrow(UntrustedSenderError);
  });

  it('never shows a save dialog for a foreign sender', () => {
    const { call } = setup();
    expect(() => call(IpcChannel.chooseSavePath, 'https://evil.example/', 'x.pdf')).toThrow(UntrustedSenderError);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('asks for a save path in the documents folder, attached to the calling window', async () => {
    const owner = new FakeBrowserWindow({});
    FakeBrowserWindow.fromWebContents.mockImplementation(() => owner);
    const { call } = setup();
    await expect(call(IpcChannel.chooseSavePath, `${HOST}/`, '../../etc/Sessie 1.pdf')).resolves.toBe('/chosen/file.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(owner, { defaultPath: '/fake/documents/Sessie 1.pdf' });
  });

  it('returns null when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined });
    const { call } = setup();
    await expect(call(IpcChannel.chooseSavePath, `${HOST}/`, 'x.pdf')).resolves.toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/fake/documents/x.pdf' });
  });
});

describe('safeFileName', () => {
  it('keeps only a bare, legal file name', () => {
    expect(safeFileName('verslag.pdf')).toBe('verslag.pdf');
    expect(safeFileName('C:\\Users\\x\\verslag.pdf')).toBe('verslag.pdf');
    expect(safeFileName('a<b>c:"d|e?f*.pdf')).toBe('abcdef.pdf');
    expect(safeFileName('x'.repeat(300))).toHaveLength(120);
  });
  it('falls back to a default name for empty or non-string input', () => {
    expect(safeFileName('')).toBe('eiland-export');
    expect(safeFileName('..')).toBe('eiland-export');
    expect(safeFileName('/')).toBe('eiland-export');
    expect(safeFileName(42)).toBe('eiland-export');
  });
});
