import type { Id, Zone } from '../../../shared/domain';
import { CLUSTER, type ClusterRegion } from './cluster-geometry';
import { NOTE } from './geometry';

/**
 * What is under the pointer. The canvas does not use Konva's hit canvases (they would double every
 * redraw of thousands of notes); the layers do not listen, and this finds the target in plain
 * arithmetic: notes first (topmost, i.e. last drawn), then a cluster's title band or body.
 */
export type Hit = { kind: 'note'; id: Id } | { kind: 'cluster'; id: Id; onTitle: boolean };

export interface Positioned {
  id: Id;
  x: number;
  y: number;
}

export function noteAt(notes: readonly Positioned[], point: { x: number; y: number }): Id | null {
  const halfW = NOTE.width / 2;
  const halfH = NOTE.height / 2;
  for (let index = notes.length - 1; index >= 0; index -= 1) {
    const note = notes[index] as Positioned;
    if (Math.abs(point.x - note.x) <= halfW && Math.abs(point.y - note.y) <= halfH) return note.id;
  }
  return null;
}

export function hitTest(notes: readonly Positioned[], regions: readonly ClusterRegion[], point: { x: number; y: number }): Hit | null {
  const note = noteAt(notes, point);
  if (note) return { kind: 'note', id: note };
  for (let index = regions.length - 1; index >= 0; index -= 1) {
    const region = regions[index] as ClusterRegion;
    const inside = point.x >= region.x && point.x <= region.x + region.width && point.y >= region.y && point.y <= region.y + region.height;
    if (inside) return { kind: 'cluster', id: region.id, onTitle: point.y <= region.y + CLUSTER.titleHeight };
  }
  return null;
}

/** Notes whose paper touches a box (a rubber band), in world units. */
export function notesInBox(notes: readonly Positioned[], box: { x: number; y: number; width: number; height: number }): Id[] {
  const left = Math.min(box.x, box.x + box.width);
  const right = Math.max(box.x, box.x + box.width);
  const top = Math.min(box.y, box.y + box.height);
  const bottom = Math.max(box.y, box.y + box.height);
  return notes
    .filter((note) => note.x + NOTE.width / 2 >= left && note.x - NOTE.width / 2 <= right && note.y + NOTE.height / 2 >= top && note.y - NOTE.height / 2 <= bottom)
    .map((note) => note.id);
}

/** Zone-editing targets: a zone's body moves it, the handles on its edges resize it. */
export type ZoneHandle = 'move' | 'left' | 'right' | 'top' | 'bottom';

export const HANDLE_RADIUS = 18;

export function zoneHandles(zone: Zone): { handle: Exclude<ZoneHandle, 'move'>; x: number; y: number }[] {
  const { x, y, rx, ry } = zone.area;
  return [
    { handle: 'left', x: x - rx, y },
    { handle: 'right', x: x + rx, y },
    { handle: 'top', x, y: y - ry },
    { handle: 'bottom', x, y: y + ry },
  ];
}

/** The zone handle or body under the pointer; handles first, then the smallest zone containing the point. */
export function zoneTargetAt(zones: readonly Zone[], point: { x: number; y: number }, scale: number): { zoneId: Id; handle: ZoneHandle } | null {
  // Handles stay a finger's size on screen, however far the camera is zoomed out.
  const reach = Math.max(HANDLE_RADIUS, 22 / scale);
  let nearest: { zoneId: Id; handle: ZoneHandle; distance: number } | null = null;
  for (const zone of zones) {
    for (const spot of zoneHandles(zone)) {
      const distance = Math.hypot(point.x - spot.x, point.y - spot.y);
      // Zones touch each other: the handle closest to the pointer wins, not the first zone's.
      if (distance <= reach && (!nearest || distance < nearest.distance)) nearest = { zoneId: zone.id, handle: spot.handle, distance };
    }
  }
  if (nearest) return { zoneId: nearest.zoneId, handle: nearest.handle };
  const inside = zones
    .filter(({ area }) => ((point.x - area.x) / area.rx) ** 2 + ((point.y - area.y) / area.ry) ** 2 <= 1)
    .sort((a, b) => a.area.rx * a.area.ry - b.area.rx * b.area.ry);
  return inside[0] ? { zoneId: inside[0].id, handle: 'move' } : null;
}
