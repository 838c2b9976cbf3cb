import type { Cluster, Id, Note, Zone } from '../domain';
import { CLUSTER, clusterRegion } from './clusters';
import { type Box, boxesOverlap } from './ellipse-pack';
import { labelRoom, NOTE } from './model';
import { NOTE_GAP, type TidyPlan } from './note-places';

/**
 * Moving a few notes together without covering anything else: a new group's notes gathered under
 * its title (so its box holds its members and nothing more), and "Netjes leggen" of a selection.
 * The rest of the board stays where the facilitator put it. Pure and deterministic, so the host and
 * the facilitator's own optimistic copy reach the same places.
 */

/** Something laid out as one piece: its size, and where its notes' middles lie from its top left. */
interface Block {
  width: number;
  height: number;
  centres: readonly { x: number; y: number }[];
}

/** Where a note's middle may lie, from the best places to the least good (see keepsSide in the note commands). */
export type Allowed = readonly ((x: number, y: number) => boolean)[];

const STEP = { x: (NOTE.width + NOTE_GAP) / 2, y: (NOTE.height + NOTE_GAP) / 2 };
/** How many half-note steps from the wanted spot are tried before the block goes under the side. */
const REACH = 24;
const OFFSETS: readonly { i: number; j: number }[] = (() => {
  const list: { i: number; j: number }[] = [];
  for (let i = -REACH; i <= REACH; i++) for (let j = -REACH; j <= REACH; j++) list.push({ i, j });
  const distance = ({ i, j }: { i: number; j: number }) => (i * STEP.x) ** 2 + (j * STEP.y) ** 2;
  return list.sort((a, b) => distance(a) - distance(b) || a.j - b.j || a.i - b.i);
})();

const noteBox = (note: Pick<Note, 'x' | 'y'>): Box => ({ x: note.x - NOTE.width / 2, y: note.y - NOTE.height / 2, width: NOTE.width, height: NOTE.height });
const grown = (box: Box, by: number): Box => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });

/**
 * The top left nearest to `wanted` where the block covers none of the obstacles (with air between)
 * and each of its notes lies where the first of `allowed` that can be met wants it (in its side
 * rather than merely near it). When nothing near is free, the block goes under everything it would
 * lie over, as the free-spot search does with a full side.
 */
export function freeBlockSpot(block: Block, wanted: { x: number; y: number }, obstacles: readonly Box[], allowed: Allowed): { x: number; y: number } {
  const start = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  const reach = { x: REACH * STEP.x + block.width + NOTE_GAP, y: REACH * STEP.y + block.height + NOTE_GAP };
  const near = obstacles.filter((box) => boxesOverlap(box, { x: start.x - reach.x, y: start.y - reach.y, width: 2 * reach.x, height: 2 * reach.y }));
  const free = (x: number, y: number) => !near.some((box) => boxesOverlap(grown({ x, y, width: block.width, height: block.height }, NOTE_GAP / 2), box));
  for (const where of allowed) {
    for (const { i, j } of OFFSETS) {
      const x = start.x + Math.round(i * STEP.x);
      const y = start.y + Math.round(j * STEP.y);
      if (block.centres.every((centre) => where(x + centre.x, y + centre.y)) && free(x, y)) return { x, y };
    }
  }
  const below = obstacles.filter((box) => box.x < start.x + block.width && start.x < box.x + box.width).reduce((lowest, box) => Math.max(lowest, box.y + box.height), start.y);
  return { x: start.x, y: Math.ceil(below + NOTE_GAP) };
}

const inReading = (notes: readonly Note[]) => [...notes].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));

/** A group's notes in rows under its title band: about square, at most four across. */
function clusterBlock(count: number): Block {
  const columns = Math.min(4, Math.max(1, Math.ceil(Math.sqrt(count))));
  const rows = Math.ceil(count / columns);
  const inner = columns * NOTE.width + (columns - 1) * NOTE_GAP;
  const width = Math.max(CLUSTER.minWidth, inner + 2 * CLUSTER.padding);
  const left = (width - inner) / 2;
  const centres = Array.from({ length: count }, (_, order) => ({
    x: Math.round(left + (order % columns) * (NOTE.width + NOTE_GAP) + NOTE.width / 2),
    y: CLUSTER.titleHeight + CLUSTER.padding + Math.floor(order / columns) * (NOTE.height + NOTE_GAP) + NOTE.height / 2,
  }));
  return { width, height: CLUSTER.titleHeight + rows * NOTE.height + (rows - 1) * NOTE_GAP + 2 * CLUSTER.padding, centres };
}

/**
 * What stays put while `moving` moves: the other notes, the boxes of their groups, and the sides'
 * names and questions, which a note laid down by Eiland must not hide.
 */
function obstaclesBesides(moving: ReadonlySet<Id>, notes: readonly Note[], clusters: readonly Cluster[], zones: readonly Zone[]): Box[] {
  const staying = notes.filter((note) => !moving.has(note.id));
  const members = new Map<Id, Note[]>();
  for (const note of staying) if (note.clusterId !== null) members.set(note.clusterId, [...(members.get(note.clusterId) ?? []), note]);
  const regions = clusters.flatMap((cluster) => {
    const kept = members.get(cluster.id);
    return kept ? [clusterRegion(cluster, kept)] : [];
  });
  return [...staying.map(noteBox), ...regions, ...zones.map((zone) => labelRoom(zone.area))];
}

function overlapsAny(box: Box, others: readonly Box[]): boolean {
  return others.some((other) => boxesOverlap(box, other));
}

/** True when the group's notes already lie apart from each other and its box holds no other note or group. */
function alreadyGathered(members: readonly Note[], cluster: Cluster, obstacles: readonly Box[]): boolean {
  if (members.length > 200) return false;
  const boxes = members.map(noteBox);
  if (boxes.some((box, index) => overlapsAny(box, boxes.slice(index + 1)))) return false;
  return !overlapsAny(clusterRegion(cluster, members), obstacles);
}

/**
 * Where a new group's members go so that its box encloses exactly them: nowhere (null) when they
 * already lie together and apart; else in a block under the title, near where they were.
 */
export function gatherCluster(cluster: Cluster, members: readonly Note[], notes: readonly Note[], clusters: readonly Cluster[], zones: readonly Zone[], allowed: Allowed): TidyPlan | null {
  const others = clusters.filter((other) => other.id !== cluster.id);
  const obstacles = obstaclesBesides(new Set(members.map((note) => note.id)), notes, others, zones);
  if (alreadyGathered(members, cluster, obstacles)) return null;
  const block = clusterBlock(members.length);
  const centre = members.reduce((sum, note) => ({ x: sum.x + note.x / members.length, y: sum.y + note.y / members.length }), { x: 0, y: 0 });
  const spot = freeBlockSpot(block, { x: centre.x - block.width / 2, y: centre.y - block.height / 2 }, obstacles, allowed);
  const moves = inReading(members).map((note, order) => {
    const at = block.centres[order] ?? { x: 0, y: 0 };
    return { id: note.id, x: spot.x + at.x, y: spot.y + at.y };
  });
  return { moves, clusters: [{ id: cluster.id, x: Math.round(spot.x + block.width / 2), y: spot.y }] };
}

interface Piece {
  block: Block;
  notes: readonly Note[];
  cluster: Cluster | null;
}

/** Pieces in rows, left to right, at most about as wide as the whole is tall. */
function shelve(pieces: readonly Piece[]): { block: Block; origins: { x: number; y: number }[] } {
  const area = pieces.reduce((sum, piece) => sum + (piece.block.width + NOTE_GAP) * (piece.block.height + NOTE_GAP), 0);
  const widest = Math.max(...pieces.map((piece) => piece.block.width));
  const rowWidth = Math.max(widest, Math.sqrt(area) * 1.4);
  const origins: { x: number; y: number }[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const piece of pieces) {
    if (x > 0 && x + piece.block.width > rowWidth) {
      y += rowHeight + NOTE_GAP;
      x = 0;
      rowHeight = 0;
    }
    origins.push({ x, y });
    x += piece.block.width + NOTE_GAP;
    width = Math.max(width, x - NOTE_GAP);
    rowHeight = Math.max(rowHeight, piece.block.height);
  }
  const centres = pieces.flatMap((piece, index) => piece.block.centres.map((centre) => ({ x: centre.x + (origins[index]?.x ?? 0), y: centre.y + (origins[index]?.y ?? 0) })));
  return { block: { width, height: y + rowHeight, centres }, origins };
}

/**
 * "Netjes leggen" of a selection of one side: its groups (each whole, also when only some of its
 * notes were picked) and its loose notes in rows, groups first, each in reading order, laid down
 * where they were and clear of everything else.
 */
export function tidyPicked(picked: readonly Note[], notes: readonly Note[], clusters: readonly Cluster[], zones: readonly Zone[], allowed: Allowed): TidyPlan {
  const byId = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const groups = new Map<Id, Note[]>();
  for (const note of notes) if (note.clusterId !== null && byId.has(note.clusterId)) groups.set(note.clusterId, [...(groups.get(note.clusterId) ?? []), note]);
  const touched = [...new Set(picked.map((note) => note.clusterId).filter((id): id is Id => id !== null && byId.has(id)))];
  const pieces: Piece[] = [
    ...touched
      .map((id) => ({ cluster: byId.get(id) ?? null, notes: inReading(groups.get(id) ?? []) }))
      .sort((a, b) => (a.cluster?.y ?? 0) - (b.cluster?.y ?? 0) || (a.cluster?.x ?? 0) - (b.cluster?.x ?? 0))
      .map((group) => ({ ...group, block: clusterBlock(group.notes.length) })),
    ...inReading(picked.filter((note) => note.clusterId === null || !byId.has(note.clusterId))).map((note) => ({
      cluster: null,
      notes: [note],
      block: { width: NOTE.width, height: NOTE.height, centres: [{ x: NOTE.width / 2, y: NOTE.height / 2 }] },
    })),
  ];
  const moving = pieces.flatMap((piece) => piece.notes);
  const { block, origins } = shelve(pieces);
  const top = Math.min(...moving.map((note) => note.y - NOTE.height / 2));
  const centreX = moving.reduce((sum, note) => sum + note.x, 0) / moving.length;
  const spot = freeBlockSpot(block, { x: centreX - block.width / 2, y: top }, obstaclesBesides(new Set(moving.map((note) => note.id)), notes, clusters, zones), allowed);
  const plan: TidyPlan = { moves: [], clusters: [] };
  pieces.forEach((piece, index) => {
    const origin = { x: spot.x + (origins[index]?.x ?? 0), y: spot.y + (origins[index]?.y ?? 0) };
    if (piece.cluster) plan.clusters.push({ id: piece.cluster.id, x: Math.round(origin.x + piece.block.width / 2), y: origin.y });
    piece.notes.forEach((note, order) => {
      const at = piece.block.centres[order] ?? { x: 0, y: 0 };
      plan.moves.push({ id: note.id, x: origin.x + at.x, y: origin.y + at.y });
    });
  });
  return plan;
}
