import { describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, resetFakes, utilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

describe('electron/shell/main.ts as a second instance', () => {
  it('quits at once, before starting a host or touching anything else', async () => {
    resetFakes();
    app.lockGranted = false;
    await import('../../../../electron/shell/main');
    app.markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.enableSandbox).not.toHaveBeenCalled();
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
