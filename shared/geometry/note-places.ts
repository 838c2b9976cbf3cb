import type { Cluster, Id, Note, Zone, ZoneArea } from '../domain';
import { CLUSTER } from './clusters';
import { type Box, freeSpan, packInEllipse, type PackItem } from './ellipse-pack';
import { labelPlacement, NOTE } from './model';

/**
 * Where notes go on the model so that none lies on another: a new note without a place of its own
 * (a phone's) takes the first free spot of its side in reading order, and "Netjes leggen" lays a
 * whole side out again, each cluster's notes together under its title. Pure and deterministic,
 * so the host and any client reach the same places.
 */

/** Air between two notes, in world units. */
export const NOTE_GAP = 14;

/**
 * The sides a note of this one must keep its middle out of: where ellipses overlap, the smaller side
 * owns the spot (zoneAt), so a side keeps clear of the smaller sides that reach into it.
 */
function neighbours(zone: Zone, zones: readonly Zone[]): ZoneArea[] {
  const size = (area: ZoneArea) => area.rx * area.ry;
  return zones.filter((other) => other.id !== zone.id && size(other.area) < size(zone.area)).map((other) => other.area);
}

/**
 * The first spot of the side, row by row from its top and left to right in each row, where a note
 * covers no other note (of any side) and lies in no group's box (`boxes`: a box holds its own notes
 * only). A full side continues in rows under its ellipse, as a facilitator would lay the overflow
 * out on a table.
 */
export function freeNoteSpot(zone: Zone, zones: readonly Zone[], notes: Iterable<Pick<Note, 'x' | 'y'>>, boxes: readonly Box[] = []): { x: number; y: number } {
  const { area } = zone;
  const step = { x: NOTE.width + NOTE_GAP, y: NOTE.height + NOTE_GAP };
  const inside = insideSpots(area, neighbours(zone, zones), step);
  // Under the side: a regular lattice across its width, row after row.
  const perRow = Math.max(1, Math.floor((2 * area.rx + NOTE_GAP) / step.x));
  const origin = { x: area.x - area.rx - NOTE_GAP / 2, y: area.y + area.ry + NOTE_GAP / 2 };
  const spotUnder = (index: number) => ({
    x: Math.round(origin.x + (index % perRow) * step.x + step.x / 2),
    y: Math.round(origin.y + Math.floor(index / perRow) * step.y + step.y / 2),
  });
  // One pass over the notes marks the spots they cover: a session may hold thousands of notes, so
  // no spot is compared with every note.
  const coveredInside = new Set<number>();
  const coveredUnder = new Set<number>();
  const top = area.y - area.ry - step.y;
  const bottom = area.y + area.ry + step.y;
  const right = origin.x + perRow * step.x;
  // A thing from `left` to `right` across and `upper` to `lower` down, with air around it, covers
  // every spot whose note would come nearer than the air.
  const cover = (left: number, upper: number, width: number, height: number) => {
    const reach = { x: (width + NOTE.width) / 2 + NOTE_GAP, y: (height + NOTE.height) / 2 + NOTE_GAP };
    const middle = { x: left + width / 2, y: upper + height / 2 };
    if (middle.x + reach.x <= origin.x || middle.x - reach.x >= right + step.x) return;
    if (upper < bottom && upper + height > top - step.y) {
      inside.forEach((spot, index) => {
        if (Math.abs(spot.x - middle.x) < reach.x && Math.abs(spot.y - middle.y) < reach.y) coveredInside.add(index);
      });
    }
    const rows = spanOf(upper - NOTE_GAP / 2 - origin.y, height + NOTE_GAP, step.y);
    const columns = spanOf(left - NOTE_GAP / 2 - origin.x, width + NOTE_GAP, step.x);
    for (let row = Math.max(0, rows.first); row <= rows.last; row++) {
      for (let column = Math.max(0, columns.first); column <= Math.min(perRow - 1, columns.last); column++) coveredUnder.add(row * perRow + column);
    }
  };
  // Plain numbers, no objects: this loop runs over every note of the session for each new one.
  for (const note of notes) cover(note.x - NOTE.width / 2, note.y - NOTE.height / 2, NOTE.width, NOTE.height);
  for (const box of boxes) cover(box.x, box.y, box.width, box.height);
  const free = inside.find((_, index) => !coveredInside.has(index));
  if (free) return free;
  let index = 0;
  while (coveredUnder.has(index)) index++;
  return spotUnder(index);
}

/** The lattice cells (of size `step`, from 0) that a stretch [start, start + length) overlaps. */
function spanOf(start: number, length: number, step: number): { first: number; last: number } {
  const EDGE = 1e-6;
  return { first: Math.floor(start / step + EDGE), last: Math.ceil((start + length) / step - EDGE) - 1 };
}

/** The spots inside the side, in reading order: rows around its middle line, where it is widest. */
function insideSpots(area: ZoneArea, avoid: readonly ZoneArea[], step: { x: number; y: number }): { x: number; y: number }[] {
  const spots: { x: number; y: number }[] = [];
  const reach = Math.floor((area.ry - NOTE.height / 2) / step.y);
  for (let row = -reach; row <= reach; row++) {
    const top = area.y - NOTE.height / 2 + row * step.y;
    const span = freeSpan(area, avoid, top, top + NOTE.height);
    if (!span) continue;
    for (let left = Math.ceil(span.left); left + NOTE.width <= span.right; left += step.x) spots.push({ x: left + NOTE.width / 2, y: Math.round(top + NOTE.height / 2) });
  }
  return spots;
}

/** Whole world units, rounded towards the side's middle so a note packed to its edge stays inside. */
const towards = (value: number, middle: number) => (value > middle ? Math.floor(value) : Math.ceil(value));

export interface TidyPlan {
  moves: { id: Id; x: number; y: number }[];
  clusters: { id: Id; x: number; y: number }[];
}

/** A cluster's notes in a block of this many columns, under its title band. */
function clusterShape(count: number, columns: number): { width: number; height: number } {
  const rows = Math.ceil(count / columns);
  return {
    width: Math.max(CLUSTER.minWidth, columns * NOTE.width + (columns - 1) * NOTE_GAP) + 2 * CLUSTER.padding,
    height: CLUSTER.titleHeight + rows * NOTE.height + (rows - 1) * NOTE_GAP + 2 * CLUSTER.padding,
  };
}

/**
 * How far a side's layout may grow past its own ellipse: a side holds about seven notes, a session
 * often gives it fifteen. Beyond the ellipse a note keeps its side (no other side's middle is used).
 */
const GROWTH = [1, 1.25, 1.5, 1.8, 2.2, 2.7];

function packGrowing(items: readonly PackItem[], area: ZoneArea, avoid: readonly ZoneArea[]) {
  // The side grows away from its label (down when the label is above it), so its name stays clear.
  const away = labelPlacement(area).side === 'above' ? 1 : -1;
  for (const factor of GROWTH) {
    const grown = { ...area, y: area.y + away * (factor - 1) * area.ry, rx: area.rx * factor, ry: area.ry * factor };
    const placed = packInEllipse(items, grown, NOTE_GAP, avoid);
    if (placed) return placed;
  }
  return null;
}

/**
 * The side laid out anew: its clusters as blocks (notes in rows under the title) and its loose notes,
 * packed from the side's middle without overlap and clear of the sides that reach into it, inside its
 * ellipse when they fit and around it when not; loose notes keep their reading order. Null when they
 * cannot fit even at GROWTH's widest.
 */
export function tidySide(zone: Zone, zones: readonly Zone[], notes: readonly Note[], clusters: readonly Cluster[]): TidyPlan | null {
  const byCluster = new Map<Id, Note[]>();
  const loose: Note[] = [];
  const known = new Set(clusters.map((cluster) => cluster.id));
  for (const note of notes) {
    if (note.clusterId !== null && known.has(note.clusterId)) byCluster.set(note.clusterId, [...(byCluster.get(note.clusterId) ?? []), note]);
    else loose.push(note);
  }
  const inReading = (list: readonly Note[]) => [...list].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
  const groups = clusters.filter((cluster) => byCluster.has(cluster.id)).map((cluster) => ({ cluster, notes: inReading(byCluster.get(cluster.id) ?? []) }));
  const columnsFor = (count: number) => Array.from({ length: Math.min(count, 4) }, (_, index) => Math.min(count, index + 1)).reverse();
  const items: PackItem[] = [
    ...groups.map((group) => ({ shapes: columnsFor(group.notes.length).map((columns) => clusterShape(group.notes.length, columns)) })),
    ...loose.map(() => ({ shapes: [{ width: NOTE.width, height: NOTE.height }] })),
  ];
  const placed = packGrowing(items, zone.area, neighbours(zone, zones));
  if (!placed) return null;
  const plan: TidyPlan = { moves: [], clusters: [] };
  groups.forEach((group, index) => {
    const spot = placed[index];
    if (!spot) return;
    const columns = columnsFor(group.notes.length)[spot.shape] ?? 1;
    const { box } = spot;
    plan.clusters.push({ id: group.cluster.id, x: Math.round(box.x + box.width / 2), y: Math.round(box.y) });
    const inner = columns * NOTE.width + (columns - 1) * NOTE_GAP;
    const left = box.x + (box.width - inner) / 2;
    group.notes.forEach((note, order) => {
      const column = order % columns;
      const row = Math.floor(order / columns);
      plan.moves.push({
        id: note.id,
        x: towards(left + column * (NOTE.width + NOTE_GAP) + NOTE.width / 2, zone.area.x),
        y: towards(box.y + CLUSTER.padding + CLUSTER.titleHeight + row * (NOTE.height + NOTE_GAP) + NOTE.height / 2, zone.area.y),
      });
    });
  });
  // Loose notes take the single-note spots in reading order, so the order people wrote in stays.
  const spots = placed.slice(groups.length).map((one) => one.box).sort((a, b) => a.y - b.y || a.x - b.x);
  inReading(loose).forEach((note, index) => {
    const box = spots[index];
    if (box) plan.moves.push({ id: note.id, x: towards(box.x + box.width / 2, zone.area.x), y: towards(box.y + box.height / 2, zone.area.y) });
  });
  return plan;
}
