import { describe, expect, it } from 'vitest';
import { freeWallRect, type WallRect } from '../../../renderer/src/canvas/wall-space';

const WALL = { width: 1920, height: 1080 };
const overlaps = (a: WallRect, b: WallRect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const scaleOf = (rect: WallRect, view: { width: number; height: number }) => Math.min(rect.width / view.width, rect.height / view.height);

describe('the part of the wall the model is fitted into', () => {
  const wideView = { x: 0, y: 0, width: 1600, height: 900 };

  it('is the whole wall when nothing lies over it, or only things outside it', () => {
    expect(freeWallRect(WALL, [], wideView)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(freeWallRect(WALL, [{ x: 2000, y: 10, width: 100, height: 100 }, { x: 10, y: 10, width: 0, height: 50 }], wideView)).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it('keeps left of the points panel, with air', () => {
    const panel = { x: 1229, y: 0, width: 691, height: 1080 };
    const free = freeWallRect(WALL, [panel], wideView);
    expect(free.x).toBe(0);
    expect(free.x + free.width).toBeLessThanOrEqual(panel.x - 12);
    expect(free.height).toBe(1080);
  });

  it('cuts each thing away the way that shows the view largest', () => {
    const banner = { x: 48, y: 27, width: 480, height: 70 };
    const timer = { x: 1600, y: 27, width: 270, height: 110 };
    const counts = { x: 690, y: 740, width: 540, height: 310 };
    const obstacles = [banner, timer, counts];
    // A tall side (a zone's view) and the wide whole model both come out clear of all three.
    for (const view of [wideView, { x: 0, y: 0, width: 700, height: 800 }]) {
      const free = freeWallRect(WALL, obstacles, view);
      for (const obstacle of obstacles) expect(overlaps(free, obstacle)).toBe(false);
      expect(scaleOf(free, view)).toBeGreaterThan(0);
    }
    // A tall side wants height: rather than a strip between the top things and the counts, it takes
    // the column left of the counts, below the banner, down to the floor.
    const tallView = { x: 0, y: 0, width: 700, height: 800 };
    const tall = freeWallRect(WALL, obstacles, tallView);
    expect(tall).toEqual({ x: 0, y: banner.y + banner.height + 12, width: counts.x - 12, height: 1080 - (banner.y + banner.height + 12) });
    const strip = { x: 0, y: timer.y + timer.height + 12, width: 1920, height: counts.y - 12 - (timer.y + timer.height + 12) };
    expect(scaleOf(tall, tallView)).toBeGreaterThan(scaleOf(strip, tallView));
    // The wide model wants width: the strip wins there.
    expect(freeWallRect(WALL, obstacles, wideView).width).toBeGreaterThan(1500);
  });

  it('never overlaps anything laid over the wall, wherever it lies', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const obstacles = Array.from({ length: 1 + Math.floor(random() * 5) }, () => ({
        x: Math.round(random() * 1700),
        y: Math.round(random() * 900),
        width: 40 + Math.round(random() * 400),
        height: 40 + Math.round(random() * 300),
      }));
      const free = freeWallRect(WALL, obstacles, wideView);
      for (const obstacle of obstacles) expect(overlaps(free, obstacle), JSON.stringify({ free, obstacle })).toBe(false);
      expect(free.x).toBeGreaterThanOrEqual(0);
      expect(free.y + free.height).toBeLessThanOrEqual(1080);
    }
  });
});
