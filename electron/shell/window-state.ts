/**
 * The facilitator window opens where it was closed, at the size it had. Saved as window-state.json
 * in userData. A saved place is used only where a display still shows it: after unplugging a
 * monitor or a beamer the window comes back on a screen that exists, never off-screen.
 */
import { join } from 'node:path';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** A display's usable area (without task bar or dock), as Electron's `Display.workArea` gives it. */
export interface WorkArea {
  workArea: Bounds;
}

export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the title bar must be on a display for the saved position to count as visible. */
const MIN_VISIBLE = { width: 160, height: 40 } as const;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function parseWindowState(value: unknown): WindowState | null {
  if (!isRecord(value) || !isRecord(value.bounds)) return null;
  const { x, y, width, height } = value.bounds;
  if (![x, y, width, height].every(isFiniteNumber)) return null;
  if ((width as number) <= 0 || (height as number) <= 0) return null;
  return {
    bounds: { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) },
    maximized: value.maximized === true,
  };
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where the window goes: the saved bounds moved and shrunk just enough to lie inside the display
 * that shows most of them, or null (let the system place it) when no display shows its title bar.
 */
export function restoreBounds(saved: Bounds, displays: readonly WorkArea[]): Bounds | null {
  const titleBar: Bounds = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, MIN_VISIBLE.height) };
  let best: Bounds | null = null;
  let bestArea = 0;
  for (const { workArea } of displays) {
    const bar = overlap(titleBar, workArea);
    if (bar.width < Math.min(MIN_VISIBLE.width, saved.width) || bar.height <= 0) continue;
    const seen = overlap(saved, workArea);
    const area = seen.width * seen.height;
    if (area > bestArea) {
      best = workArea;
      bestArea = area;
    }
  }
  if (best === null) return null;
  const width = Math.min(Math.max(saved.width, MIN_SIZE.width), best.width);
  const height = Math.min(Math.max(saved.height, MIN_SIZE.height), best.height);
  const x = Math.min(Math.max(saved.x, best.x), best.x + best.width - width);
  const y = Math.min(Math.max(saved.y, best.y), best.y + best.height - height);
  return { x, y, width, height };
}

/** Reads and writes window-state.json. */
export class WindowStateFile {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'window-state.json');
  }

  load(): WindowState | null {
    return parseWindowState(readJsonFile(this.file));
  }

  save(state: WindowState): void {
    writeJsonFile(this.file, state);
  }
}
