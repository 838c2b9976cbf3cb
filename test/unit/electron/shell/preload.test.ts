import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_NAME, type EilandBridge, IpcChannel } from '../../../../shared/ipc';
import { contextBridge, ipcRenderer, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

describe('preload bridge', () => {
  let bridge: EilandBridge;
  // Vitest clears mock call records before each test, so the count is taken right after loading.
  let exposeCalls = 0;

  beforeAll(async () => {
    resetFakes();
    await import('../../../../electron/shell/preload');
    exposeCalls = contextBridge.exposeInMainWorld.mock.calls.length;
    bridge = contextBridge.exposed.get(BRIDGE_NAME) as EilandBridge;
  });

  it('exposes exactly the members of EilandBridge as window.eiland', () => {
    expect(exposeCalls).toBe(1);
    expect(BRIDGE_NAME).toBe('eiland');
    expect(Object.keys(bridge).sort()).toEqual(['chooseSavePath', 'localeChanged', 'openProjector', 'platform', 'sessionOpened']);
    expect(bridge.platform).toBe(process.platform);
  });

  it('invokes the shared channel names and nothing else', async () => {
    await bridge.openProjector();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.openProjector);
    ipcRenderer.invoke.mockResolvedValueOnce('/home/a/verslag.pdf');
    await expect(bridge.chooseSavePath('verslag.pdf')).resolves.toBe('/home/a/verslag.pdf');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.chooseSavePath, 'verslag.pdf');
    await bridge.sessionOpened('s1', 'Stuurgroep');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.sessionOpened, 's1', 'Stuurgroep');
    await bridge.localeChanged('en');
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.localeChanged, 'en');
  });

  it('sends only strings, whatever the page passes', async () => {
    await bridge.sessionOpened({ toString: () => 'x' } as never, 42 as never);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IpcChannel.sessionOpened, 'x', '42');
  });

  it('turns anything but a path into null', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce(undefined);
    await expect(bridge.chooseSavePath('x.pdf')).resolves.toBeNull();
    ipcRenderer.invoke.mockResolvedValueOnce({ path: '/x' });
    await expect(bridge.chooseSavePath('x.pdf')).resolves.toBeNull();
  });
});
