import type { ZoneArea } from '../domain';

/**
 * Packs boxes into an ellipse without overlap, in rows: the report's figure lays each side's
 * clusters and notes out this way, because on paper nothing may lie on top of anything. A box
 * stays inside the ellipse because a row only ever uses the narrowest chord of the band it takes
 * (an ellipse is convex, so every corner of the box is then inside it).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Something to place, in the shapes it may take (a cluster can be laid out wider or taller), preferred first. */
export interface PackItem {
  shapes: readonly Size[];
}

export interface Placed {
  box: Box;
  /** Which of the item's shapes it got. */
  shape: number;
  /** The top of its row: items of one row share it, whatever their height. */
  rowTop: number;
}

/** The part of the ellipse's width that a horizontal band [top, bottom] can use along all its height. */
export function chord(area: ZoneArea, top: number, bottom: number): { left: number; right: number } | null {
  if (top < area.y - area.ry || bottom > area.y + area.ry) return null;
  // The band is narrowest at the edge farthest from the centre line.
  const far = Math.max(Math.abs(top - area.y), Math.abs(bottom - area.y));
  const half = area.rx * Math.sqrt(Math.max(0, 1 - (far / area.ry) ** 2));
  return half > 0 ? { left: area.x - half, right: area.x + half } : null;
}

/** The part of x an ellipse covers somewhere within the band [top, bottom]; null when it misses the band. */
function coverOver(area: ZoneArea, top: number, bottom: number): { left: number; right: number } | null {
  if (bottom < area.y - area.ry || top > area.y + area.ry) return null;
  // Widest where the band comes nearest the ellipse's centre line.
  const nearest = Math.min(Math.max(area.y, top), bottom);
  const half = area.rx * Math.sqrt(Math.max(0, 1 - ((nearest - area.y) / area.ry) ** 2));
  return { left: area.x - half, right: area.x + half };
}

/**
 * The widest stretch of the ellipse's chord over the band that no other ellipse in `avoid` covers:
 * where two sides overlap on the canvas, a note in the overlap would seem to belong to both.
 */
export function freeSpan(area: ZoneArea, avoid: readonly ZoneArea[], top: number, bottom: number): { left: number; right: number } | null {
  const own = chord(area, top, bottom);
  if (!own) return null;
  let spans = [own];
  for (const other of avoid) {
    const cover = coverOver(other, top, bottom);
    if (!cover) continue;
    spans = spans.flatMap((span) =>
      [
        { left: span.left, right: Math.min(span.right, cover.left) },
        { left: Math.max(span.left, cover.right), right: span.right },
      ].filter((part) => part.right > part.left),
    );
  }
  return spans.reduce<{ left: number; right: number } | null>((widest, span) => (!widest || span.right - span.left > widest.right - widest.left ? span : widest), null);
}

/** Whether a point lies inside (or on) an ellipse. */
export function insideEllipse(area: ZoneArea, x: number, y: number): boolean {
  return ((x - area.x) / area.rx) ** 2 + ((y - area.y) / area.ry) ** 2 <= 1 + 1e-9;
}

export function boxInsideEllipse(area: ZoneArea, box: Box): boolean {
  const { x, y, width, height } = box;
  return [x, x + width].every((cornerX) => [y, y + height].every((cornerY) => insideEllipse(area, cornerX, cornerY)));
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface Row {
  members: { item: number; size: Size; shape: number }[];
  width: number;
  height: number;
}

type Band = (height: number) => { top: number; bottom: number };

/** Where a side's pieces may go: inside its ellipse, outside the others it must keep clear of. */
interface Room {
  area: ZoneArea;
  avoid: readonly ZoneArea[];
}

/**
 * Fills one row, in the band `band` gives for its height, with the first items (and of each, its
 * first shape) that still fit; an item that does not fit is left for a later row.
 */
function fillRow(items: readonly PackItem[], waiting: readonly number[], room: Room, gap: number, band: Band): Row {
  const row: Row = { members: [], width: 0, height: 0 };
  for (const item of waiting) {
    const used = row.width + (row.members.length > 0 ? gap : 0);
    const shapes = items[item]?.shapes ?? [];
    const shape = shapes.findIndex((size) => {
      const { top, bottom } = band(Math.max(row.height, size.height));
      const span = freeSpan(room.area, room.avoid, top, bottom);
      return span !== null && used + size.width <= span.right - span.left;
    });
    if (shape < 0) continue;
    const size = shapes[shape] as Size;
    row.members.push({ item, size, shape });
    row.height = Math.max(row.height, size.height);
    row.width = used + size.width;
  }
  return row;
}

/**
 * Rows from the middle of the ellipse outwards, where it is widest, the largest items first: the
 * first row straddles the middle, each next one goes above or below, wherever more room is left.
 */
function packFromMiddle(items: readonly PackItem[], room: Room, gap: number, order: readonly number[]): Placed[] | null {
  const { area } = room;
  let waiting = [...order];
  const placed: Placed[] = [];
  let upper = area.y;
  let lower = area.y;
  let first = true;
  while (waiting.length > 0) {
    const above: Band = (height) => ({ top: upper - gap - height, bottom: upper - gap });
    const below: Band = (height) => ({ top: lower + gap, bottom: lower + gap + height });
    const middle: Band = (height) => ({ top: area.y - height / 2, bottom: area.y + height / 2 });
    const sides = first ? [middle] : upper - (area.y - area.ry) >= area.y + area.ry - lower ? [above, below] : [below, above];
    let row: Row | null = null;
    let band: Band = middle;
    for (const side of sides) {
      row = fillRow(items, waiting, room, gap, side);
      band = side;
      if (row.members.length > 0) break;
    }
    if (!row || row.members.length === 0) return null;
    const { top, bottom } = band(row.height);
    const span = freeSpan(area, room.avoid, top, bottom) ?? { left: area.x, right: area.x };
    let x = (span.left + span.right) / 2 - row.width / 2;
    for (const { item, size, shape } of row.members) {
      placed[item] = { box: { x, y: top + (row.height - size.height) / 2, width: size.width, height: size.height }, shape, rowTop: top };
      x += size.width + gap;
    }
    upper = Math.min(upper, top);
    lower = Math.max(lower, bottom);
    first = false;
    const taken = new Set(row.members.map(({ item }) => item));
    waiting = waiting.filter((item) => !taken.has(item));
  }
  return placed;
}

/**
 * Which items go nearest the middle, where the ellipse is widest: the tallest first (they need the
 * most rows' worth of width), else the widest first (a long line fits nowhere near the rim).
 */
const ORDERS: ((item: PackItem) => number)[] = [
  (item) => Math.max(...item.shapes.map((size) => size.height)),
  (item) => Math.min(...item.shapes.map((size) => size.width)),
];

/**
 * How wide an item that can take several shapes may be, as a share of the ellipse's width. A row
 * takes each item's first shape that fits, so preferring the widest shape lets one cluster claim a
 * row that two narrower ones could share; each share is tried in turn.
 */
const WIDTH_SHARES = [1, 0.62, 0.48, 0.32, 0.24];

/** The item's shapes no wider than `limit` first (widest first), then the rest (narrowest first). */
function preferring(item: PackItem, limit: number): { shapes: Size[]; index: number[] } {
  const order = item.shapes.map((size, index) => ({ size, index }));
  const within = order.filter(({ size }) => size.width <= limit).sort((a, b) => b.size.width - a.size.width);
  const beyond = order.filter(({ size }) => size.width > limit).sort((a, b) => a.size.width - b.size.width);
  const sorted = [...within, ...beyond];
  return { shapes: sorted.map(({ size }) => size), index: sorted.map(({ index }) => index) };
}

/**
 * The pieces are first laid in a smaller ellipse of the same shape in the middle, then in larger
 * ones: with room to spare they lie in a round heap, like notes on a wall, rather than in a few
 * long rows through the middle of the side.
 */
const HEAPS = [0.5, 0.7, 0.85, 1];

/**
 * Places every item inside the ellipse and outside the ellipses in `avoid`, none overlapping
 * another and `gap` apart, or returns null when they do not all fit. Items keep their index;
 * where they go is for the packer to decide, so a caller that numbers them reads them back in
 * rows (`inReadingOrder`).
 */
export function packInEllipse(items: readonly PackItem[], area: ZoneArea, gap: number, avoid: readonly ZoneArea[] = []): Placed[] | null {
  if (items.length === 0) return [];
  const needed = items.reduce((sum, item) => sum + Math.min(...item.shapes.map((size) => size.width * size.height)), 0);
  for (const heap of HEAPS) {
    // A heap smaller in area than the pieces themselves cannot hold them.
    if (heap < 1 && needed > Math.PI * area.rx * area.ry * heap * heap) continue;
    const placed = packWith(items, { area: { ...area, rx: area.rx * heap, ry: area.ry * heap }, avoid }, gap);
    if (placed) return placed;
  }
  return null;
}

function packWith(items: readonly PackItem[], room: Room, gap: number): Placed[] | null {
  const { area } = room;
  const shares = items.some((item) => item.shapes.length > 1) ? WIDTH_SHARES : [1];
  for (const order of ORDERS) {
    const keys = items.map(order);
    const sorted = items.map((_, index) => index).sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || a - b);
    for (const share of shares) {
      const preferred = items.map((item) => preferring(item, share * 2 * area.rx));
      const placed = packFromMiddle(preferred, room, gap, sorted);
      // Back to the caller's numbering of each item's shapes.
      if (placed) return placed.map((one, item) => ({ ...one, shape: preferred[item]?.index[one.shape] ?? one.shape }));
    }
  }
  return null;
}

/** Item indices top to bottom, row by row, and left to right within a row: the order a reader takes. */
export function inReadingOrder(placed: readonly Placed[]): number[] {
  return placed.map((_, index) => index).sort((a, b) => {
    const one = placed[a] as Placed;
    const other = placed[b] as Placed;
    return one.rowTop - other.rowTop || one.box.x - other.box.x;
  });
}
