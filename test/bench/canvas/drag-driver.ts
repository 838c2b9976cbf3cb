import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { sleep } from '../support/cleanup';

/** 60 Hz: one pointer move per frame, as a hand on a trackpad sends them. */
const FRAME_MS = 1000 / 60;

interface FrameWindow {
  __frames?: number[];
  __recording?: boolean;
}

/** Starts recording requestAnimationFrame timestamps in the page. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as FrameWindow;
    w.__frames = [];
    w.__recording = true;
    const loop = (time: number) => {
      w.__frames?.push(time);
      if (w.__recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/** Stops recording and returns the intervals between consecutive frames, in ms. */
async function stopFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const w = window as unknown as FrameWindow;
    w.__recording = false;
    return w.__frames ?? [];
  });
  return frames.slice(1).map((time, index) => time - (frames[index] as number));
}

/**
 * Presses on `from` and drags in a slow circle around it for `ms`, one real pointer move
 * (CDP Input.dispatchMouseEvent) per frame, then lets go. Returns the frame intervals measured in
 * the page from the press until just before the release.
 */
export async function dragInCircle(page: Page, from: { x: number; y: number }, radius: number, ms = 3000): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await sleep(100);
  await startFrames(page);
  await page.mouse.down();
  const start = performance.now();
  let moves = 0;
  for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - start) {
    const angle = (elapsed / ms) * Math.PI * 2;
    // Out from the start point first, then round: the drag begins with the very first move.
    const reach = Math.min(1, elapsed / 300) * radius;
    await page.mouse.move(from.x + Math.sin(angle) * reach, from.y - (1 - Math.cos(angle)) * reach * 0.5);
    moves += 1;
    const wait = start + moves * FRAME_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  const intervals = await stopFrames(page);
  // The circle ends where it began: let go half a radius aside, so the drop is a real move (a drop
  // back on the start left the note in place, and the benchmark failed now and then on "did not move").
  await page.mouse.move(from.x + radius / 2, from.y);
  await page.mouse.up();
  return intervals;
}
