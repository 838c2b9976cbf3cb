import { type ZoneArea, WORLD } from '../domain';
import { LABEL_ALLOWANCE, zoneViewBox } from './model';

/**
 * Where the zones of the whole session lie. Beside a figure they form a band under it, so the ∞
 * keeps its place and its notes stay where they are; without one they share the world, in one row
 * up to three and in two rows beyond. Labels of upper zones sit above them and of lower zones below
 * (labelPlacement), and each cell keeps room for its label, so no label covers another zone.
 */

const GAP = 60;
const BAND = { rx: 280, ry: 175 } as const;

function row(count: number, left: number, width: number, y: number, ry: number, maxRx: number): ZoneArea[] {
  const cell = width / count;
  const rx = Math.max(60, Math.min(maxRx, cell / 2 - GAP / 2));
  return Array.from({ length: count }, (_, index) => ({ x: Math.round(left + cell * (index + 0.5)), y: Math.round(y), rx: Math.round(rx), ry }));
}

/** `count` areas for zones of the whole session, given the areas of the figure's sides (maybe none). */
export function wholeZoneAreas(count: number, sides: readonly ZoneArea[]): ZoneArea[] {
  if (count <= 0) return [];
  if (sides.length > 0) {
    // Under a figure there is room below: rows of at most four, so a zone keeps room for its notes and name.
    const perRow = Math.min(count, 4);
    const boxes = sides.map((area) => zoneViewBox(area, 0));
    const left = Math.min(...boxes.map((box) => box.x));
    const right = Math.max(...boxes.map((box) => box.x + box.width));
    let top = Math.max(...boxes.map((box) => box.y + box.height)) + GAP;
    const areas: ZoneArea[] = [];
    for (let done = 0; done < count; done += perRow) {
      const inRow = Math.min(perRow, count - done);
      // Band zones lie below the middle, so their labels go under them: the row's height includes one.
      // Narrow zones (four to a row) are made no taller than wide, so the rows stay apart for the names.
      const rx = Math.min(BAND.rx + (4 - perRow) * 60, (right - left) / perRow / 2 - GAP / 2);
      const ry = Math.round(Math.min(BAND.ry, rx * 0.8));
      areas.push(...row(inRow, left, right - left, top + ry, ry, BAND.rx + (4 - perRow) * 60));
      top += 2 * ry + LABEL_ALLOWANCE + GAP;
    }
    return areas;
  }
  if (count <= 3) return row(count, 0, WORLD.width, WORLD.height / 2, 330, 560);
  const perRow = Math.ceil(count / 2);
  const upper = row(perRow, 0, WORLD.width, 335, 165, 360);
  const lower = row(count - perRow, 0, WORLD.width, 665, 165, 360);
  return [...upper, ...lower];
}
