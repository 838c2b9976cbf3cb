import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseWindowState, restoreBounds, WindowStateFile } from '../../../../electron/shell/window-state';
import { app, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const monitor = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };

describe('restoreBounds', () => {
  it('keeps a window that is fully visible where it was', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 700 }, [laptop])).toEqual({ x: 100, y: 80, width: 1200, height: 700 });
    expect(restoreBounds({ x: 1600, y: -100, width: 1800, height: 1000 }, [laptop, monitor])).toEqual({ x: 1600, y: -100, width: 1800, height: 1000 });
  });

  it('pulls a window that hangs over an edge back onto the display that shows most of it', () => {
    expect(restoreBounds({ x: 1000, y: 500, width: 1200, height: 700 }, [laptop])).toEqual({ x: 240, y: 160, width: 1200, height: 700 });
    expect(restoreBounds({ x: 3000, y: 0, width: 1600, height: 900 }, [laptop, monitor])).toEqual({ x: 2400, y: 0, width: 1600, height: 900 });
  });

  it('shrinks a window larger than its display, but never below the minimum size', () => {
    expect(restoreBounds({ x: 0, y: 0, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, [laptop])).toEqual({ x: 10, y: 10, width: 900, height: 600 });
  });

  it('gives up on a place no display shows any more (the monitor was unplugged)', () => {
    expect(restoreBounds({ x: 1600, y: -100, width: 1800, height: 1000 }, [laptop])).toBeNull();
    // Only the bottom of the window on screen, its title bar above the display: not reachable, so not kept.
    expect(restoreBounds({ x: 100, y: -650, width: 1200, height: 700 }, [laptop])).toBeNull();
    expect(restoreBounds({ x: 100, y: 100, width: 1200, height: 700 }, [])).toBeNull();
  });
});

describe('window-state.json', () => {
  it('is read back as it was saved, and ignored when damaged or odd', () => {
    const store = new WindowStateFile(app.userData);
    expect(store.load()).toBeNull();
    store.save({ bounds: { x: -1200, y: 40, width: 1100, height: 720 }, maximized: true });
    expect(new WindowStateFile(app.userData).load()).toEqual({ bounds: { x: -1200, y: 40, width: 1100, height: 720 }, maximized: true });
    writeFileSync(join(app.userData, 'window-state.json'), '{"bounds":');
    expect(store.load()).toBeNull();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: 0, height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 'a', y: 0, width: 10, height: 10 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1.4, y: 2.6, width: 1000, height: 700 } })).toEqual({ bounds: { x: 1, y: 3, width: 1000, height: 700 }, maximized: false });
  });
});
