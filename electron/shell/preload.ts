/**
 * The only bridge between Eiland's pages and the desktop: a few named calls, no raw ipcRenderer.
 * Runs sandboxed, so it may import only 'electron' (renderer side) and is bundled to one CJS file;
 * its shape is `EilandBridge` from shared/ipc.ts, which the renderer imports too (no hand-kept copy).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, type EilandBridge, IpcChannel } from '../../shared/ipc';

/** A sandboxed preload sees a reduced `process`; platform is part of it. Typed here to avoid Node types. */
declare const process: { readonly platform: string };

const bridge: EilandBridge = {
  platform: process.platform,
  openProjector: async (): Promise<void> => {
    await ipcRenderer.invoke(IpcChannel.openProjector);
  },
  chooseSavePath: async (defaultName: string): Promise<string | null> => {
    const result: unknown = await ipcRenderer.invoke(IpcChannel.chooseSavePath, String(defaultName));
    return typeof result === 'string' ? result : null;
  },
  sessionOpened: async (id: string, title: string): Promise<void> => {
    await ipcRenderer.invoke(IpcChannel.sessionOpened, String(id), String(title));
  },
  localeChanged: async (locale: string): Promise<void> => {
    await ipcRenderer.invoke(IpcChannel.localeChanged, String(locale));
  },
};

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
