import type { Id, Note, SessionState, Zone } from '../../../../shared/domain';
import { LABEL_ALLOWANCE, labelPlacement, NOTE, zoneViewBox } from '../../canvas/geometry';
import type { ViewBox } from '../../store';
import { readingOrder } from '../../canvas/reading-order';

/** Note text on the wall: at least 24 px on a 1080p wall (16 px on 720p), as the room reads it. */
export const NOTE_TYPE = { min: 24 / 1080, max: 0.05 } as const;
/** Two notes covering more than this share of a note's paper hide each other's words. */
const PILED = 0.25;

export interface WallGroup {
  /** The cluster the notes are in, or null for the side's loose notes. */
  cluster: { id: Id; title: string } | null;
  notes: Note[];
}

/**
 * Whether the side's notes are better read as a wall of cards than on the model: drawn where they
 * lie, their type would be smaller than the room can read, or some would cover others' words.
 * `scale` is the canvas's pixels per world unit as the projector fits the side.
 */
export function wallNeeded(notes: readonly Note[], scale: number, wallHeight: number): boolean {
  if (notes.length === 0) return false;
  if (NOTE.fontSize * scale < NOTE_TYPE.min * wallHeight) return true;
  const area = NOTE.width * NOTE.height;
  // Swept from left to right: a note is compared only with those less than a note's width further
  // right, so a side of thousands of notes is not every pair (a million for 1,500 notes).
  const byX = [...notes].sort((a, b) => a.x - b.x);
  for (const [index, one] of byX.entries()) {
    for (let next = index + 1; next < byX.length; next++) {
      const other = byX[next] as Note;
      const across = NOTE.width - (other.x - one.x);
      if (across <= 0) break;
      const down = NOTE.height - Math.abs(one.y - other.y);
      if (down > 0 && (across * down) / area > PILED) return true;
    }
  }
  return false;
}

/**
 * The side's notes as the wall shows them: each cluster with its notes (clusters in the order they
 * stand on the model), then the notes in no cluster; within each, in reading order.
 */
export function wallGroups(session: SessionState, zoneId: Id, notes: Readonly<Record<Id, Note>>): WallGroup[] {
  const onSide = Object.values(notes).filter((note) => note.zoneId === zoneId);
  const byCluster = new Map<Id, Note[]>();
  const loose: Note[] = [];
  for (const note of onSide) {
    const cluster = note.clusterId ? session.clusters[note.clusterId] : undefined;
    if (!cluster) loose.push(note);
    else byCluster.set(cluster.id, [...(byCluster.get(cluster.id) ?? []), note]);
  }
  const clusters = readingOrder(Object.values(session.clusters).filter((cluster) => byCluster.has(cluster.id)));
  const groups: WallGroup[] = clusters.map((cluster) => ({ cluster: { id: cluster.id, title: cluster.title }, notes: readingOrder(byCluster.get(cluster.id) ?? []) }));
  if (loose.length > 0) groups.push({ cluster: null, notes: readingOrder(loose) });
  return groups;
}

/** Air around the notes when the wall zooms to them, as a share of their extent. */
const NOTES_MARGIN = 0.1;
/** Never zoomed in closer than this many notes across, so one note does not fill the wall. */
const MIN_NOTES_ACROSS = 3;

/**
 * What the wall shows of the side in focus: the side with its name and question while it has no
 * notes; once it has, its notes and its name and question, as large as they fit.
 */
export function focusView(zone: Zone, notes: readonly Note[]): ViewBox {
  if (notes.length === 0) return zoneViewBox(zone.area);
  const label = labelPlacement(zone.area);
  const labelTop = label.side === 'above' ? label.anchorY - LABEL_ALLOWANCE : label.anchorY;
  const left = Math.min(label.x, ...notes.map((note) => note.x - NOTE.width / 2));
  const right = Math.max(label.x + label.width, ...notes.map((note) => note.x + NOTE.width / 2));
  const top = Math.min(labelTop, ...notes.map((note) => note.y - NOTE.height / 2));
  const bottom = Math.max(labelTop + LABEL_ALLOWANCE, ...notes.map((note) => note.y + NOTE.height / 2));
  const width = Math.max(right - left, MIN_NOTES_ACROSS * NOTE.width) * (1 + 2 * NOTES_MARGIN);
  const height = Math.max(bottom - top, MIN_NOTES_ACROSS * NOTE.height) * (1 + 2 * NOTES_MARGIN);
  return { x: (left + right) / 2 - width / 2, y: (top + bottom) / 2 - height / 2, width, height };
}
