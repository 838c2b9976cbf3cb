import { type RefObject, useLayoutEffect, useState } from 'react';
import type { ViewBox } from '../store';

/** A rectangle on the wall, in CSS pixels from the wall's top left. */
export interface WallRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Air kept between the model and whatever lies over the wall. */
const AIR = 12;
type Cut = 'above' | 'below' | 'left' | 'right';
const CUTS: readonly Cut[] = ['above', 'below', 'left', 'right'];

/**
 * The part of the wall the model is fitted into, so nothing laid over it (phase banner, timer, join
 * code, counts, the points panel) covers a side's name or question. Each thing over the wall is
 * kept out by one straight cut (the free part ends above it, begins below it, or keeps left or right
 * of it); of every way to choose the cuts, the one that shows the view largest wins, then the one
 * with the most room. A handful of things gives at most 4^6 tries, each a few sums.
 */
export function freeWallRect(wall: { width: number; height: number }, obstacles: readonly WallRect[], view: ViewBox): WallRect {
  const whole: WallRect = { x: 0, y: 0, width: wall.width, height: wall.height };
  const inside = obstacles.filter((box) => box.width > 0 && box.height > 0 && box.x < wall.width && box.y < wall.height && box.x + box.width > 0 && box.y + box.height > 0);
  let best = { rect: whole, scale: -1, area: -1 };
  const visit = (index: number, rect: WallRect) => {
    if (rect.width <= 0 || rect.height <= 0) return;
    const obstacle = inside[index];
    if (!obstacle) {
      const scale = Math.min(rect.width / view.width, rect.height / view.height);
      const area = rect.width * rect.height;
      if (scale > best.scale + 1e-9 || (Math.abs(scale - best.scale) <= 1e-9 && area > best.area)) best = { rect, scale, area };
      return;
    }
    if (!overlaps(rect, obstacle)) {
      visit(index + 1, rect);
      return;
    }
    for (const cut of CUTS) visit(index + 1, cutAway(rect, obstacle, cut));
  };
  visit(0, whole);
  return best.rect;
}

function overlaps(a: WallRect, b: WallRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function cutAway(rect: WallRect, obstacle: WallRect, cut: Cut): WallRect {
  const right = rect.x + rect.width;
  const bottom = rect.y + rect.height;
  switch (cut) {
    case 'above': {
      const top = Math.max(rect.y, obstacle.y + obstacle.height + AIR);
      return { ...rect, y: top, height: bottom - top };
    }
    case 'below':
      return { ...rect, height: Math.min(bottom, obstacle.y - AIR) - rect.y };
    case 'left': {
      const left = Math.max(rect.x, obstacle.x + obstacle.width + AIR);
      return { ...rect, x: left, width: right - left };
    }
    case 'right':
      return { ...rect, width: Math.min(right, obstacle.x - AIR) - rect.x };
  }
}

/** Marks an element laid over the wall that the model must keep clear of (read by useWallObstacles). */
export const WALL_OBSTACLE = { 'data-wall-obstacle': '' } as const;

/**
 * Where the things laid over the wall are, measured as drawn and again whenever one comes, goes or
 * changes size (a phase changes, the timer starts, the join code steps aside).
 */
export function useWallObstacles(wallRef: RefObject<HTMLElement | null>): WallRect[] {
  const [obstacles, setObstacles] = useState<WallRect[]>([]);
  useLayoutEffect(() => {
    const wall = wallRef.current;
    if (!wall) return;
    const measure = () => {
      const origin = wall.getBoundingClientRect();
      const found = [...wall.querySelectorAll('[data-wall-obstacle]')].map((element) => {
        const box = element.getBoundingClientRect();
        return { x: Math.round(box.x - origin.x), y: Math.round(box.y - origin.y), width: Math.round(box.width), height: Math.round(box.height) };
      });
      setObstacles((current) => (JSON.stringify(current) === JSON.stringify(found) ? current : found));
    };
    measure();
    const sizes = new ResizeObserver(measure);
    sizes.observe(wall);
    const changes = new MutationObserver(() => {
      sizes.disconnect();
      sizes.observe(wall);
      for (const element of wall.querySelectorAll('[data-wall-obstacle]')) sizes.observe(element);
      measure();
    });
    changes.observe(wall, { childList: true, subtree: true });
    return () => {
      sizes.disconnect();
      changes.disconnect();
    };
  }, [wallRef]);
  return obstacles;
}
