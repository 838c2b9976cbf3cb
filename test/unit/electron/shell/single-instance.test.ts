import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../../electron/shell/single-instance';
import { app, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

describe('claimSingleInstance', () => {
  it('lets the first instance go on and hands it the second one\'s command line', () => {
    const onSecond = vi.fn();
    expect(claimSingleInstance(onSecond)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['eiland', 'verslag.eiland'], '/home/a');
    expect(onSecond).toHaveBeenCalledExactlyOnceWith(['eiland', 'verslag.eiland'], '/home/a');
  });

  it('quits a second instance at once', () => {
    app.lockGranted = false;
    const focusExisting = vi.fn();
    expect(claimSingleInstance(focusExisting)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
