import { fontGeneration } from './font-generation';
import type { Id } from '../../../shared/domain';
import type { ClusterRegion } from './cluster-geometry';
import { paintClusters } from './cluster-painter';
import { NOTE } from './geometry';
import { type PaintNote, paintNotes } from './note-painter';
import type { CanvasTheme } from './theme';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room around a note for its shadow and the soft edge of its corners, in world units. */
const NOTE_MARGIN = 8;
/** Beyond this many changed spots at once, one full repaint is cheaper than many small ones. */
const MAX_DIRTY = 120;

const noteBox = (note: PaintNote, pad: number): Box => ({
  left: note.x - NOTE.width / 2 - pad,
  top: note.y - NOTE.height / 2 - pad,
  right: note.x + NOTE.width / 2 + pad,
  bottom: note.y + NOTE.height / 2 + pad,
});

const regionBox = (region: ClusterRegion, pad: number): Box => ({
  left: region.x - pad,
  top: region.y - pad,
  right: region.x + region.width + pad,
  bottom: region.y + region.height + pad,
});

const sameNote = (a: PaintNote, b: PaintNote) =>
  a.x === b.x && a.y === b.y && a.text === b.text && a.paper === b.paper && a.band === b.band && a.hidden === b.hidden && a.pending === b.pending;

const sameRegion = (a: ClusterRegion, b: ClusterRegion) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.title === b.title && a.zoneId === b.zoneId;

const overlaps = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

export interface NotesFrame {
  notes: readonly PaintNote[];
  regions: readonly ClusterRegion[];
  zoneColors: ReadonlyMap<Id, string>;
  theme: CanvasTheme;
  skipNotes?: ReadonlySet<Id>;
  skipClusters?: ReadonlySet<Id>;
}

/**
 * Paints the notes layer, repainting only what changed since the last time: a note added by a
 * phone, a note picked up or dropped, a group made. Konva redraws a whole layer on any change; on
 * a board of thousands of notes that is a tenth of a second each time, so the layer does not clear
 * itself (clearBeforeDraw off) and this clears and repaints the changed spots, clipped to them, in
 * drawing order, so what lies above or below a spot is painted again exactly as before. A new
 * camera, size, theme, or drawing into another canvas (an export) paints everything.
 */
export class NotesCanvasPainter {
  private painted = new Map<Id, PaintNote>();
  private paintedRegions = new Map<Id, ClusterRegion>();
  private signature = '';

  /** Paints into the layer's own canvas (incrementally when it can); returns whether it painted everything. */
  paint(ctx: CanvasRenderingContext2D, frame: NotesFrame, ownCanvas: boolean): boolean {
    const shown = frame.notes.filter((note) => !frame.skipNotes?.has(note.id));
    const regions = frame.regions.filter((region) => !frame.skipClusters?.has(region.id));
    if (!ownCanvas) {
      paintAll(ctx, shown, regions, frame);
      return true;
    }
    const { a, d, e, f } = ctx.getTransform();
    const signature = `${ctx.canvas.width}x${ctx.canvas.height}|${a},${d},${e},${f}|${frame.theme.name}|${fontGeneration()}`;
    const dirty = signature === this.signature ? this.dirtyBoxes(shown, regions, 1 / Math.max(a, 0.01)) : null;
    this.signature = signature;
    this.painted = new Map(shown.map((note) => [note.id, note]));
    this.paintedRegions = new Map(regions.map((region) => [region.id, region]));
    if (dirty === null || dirty.length > MAX_DIRTY) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.restore();
      paintAll(ctx, shown, regions, frame);
      return true;
    }
    if (dirty.length > 0) paintSpots(ctx, dirty, shown, regions, frame);
    return false;
  }

  /** Everything that looks different from what was painted, where it was and where it is now. */
  private dirtyBoxes(notes: readonly PaintNote[], regions: readonly ClusterRegion[], pixel: number): Box[] {
    const pad = NOTE_MARGIN + 2 * pixel;
    const boxes: Box[] = [];
    const seen = new Set<Id>();
    for (const note of notes) {
      seen.add(note.id);
      const before = this.painted.get(note.id);
      if (before && sameNote(before, note)) continue;
      if (before) boxes.push(noteBox(before, pad));
      boxes.push(noteBox(note, pad));
      if (boxes.length > MAX_DIRTY) return boxes;
    }
    for (const [id, before] of this.painted) if (!seen.has(id)) boxes.push(noteBox(before, pad));
    const seenRegions = new Set<Id>();
    for (const region of regions) {
      seenRegions.add(region.id);
      const before = this.paintedRegions.get(region.id);
      if (before && sameRegion(before, region)) continue;
      if (before) boxes.push(regionBox(before, pad));
      boxes.push(regionBox(region, pad));
    }
    for (const [id, before] of this.paintedRegions) if (!seenRegions.has(id)) boxes.push(regionBox(before, pad));
    return boxes;
  }
}

function paintAll(ctx: CanvasRenderingContext2D, notes: readonly PaintNote[], regions: readonly ClusterRegion[], frame: NotesFrame): void {
  paintClusters(ctx, regions, frame.zoneColors, frame.theme);
  paintNotes(ctx, notes, frame.theme);
}

/** Clears the spots and paints, clipped to them, every cluster and note that touches one, in order. */
function paintSpots(ctx: CanvasRenderingContext2D, spots: readonly Box[], notes: readonly PaintNote[], regions: readonly ClusterRegion[], frame: NotesFrame): void {
  const world = ctx.getTransform();
  ctx.save();
  // Cleared and clipped on whole device pixels: a half-cleared pixel at a spot's edge would leave a seam.
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  for (const spot of spots) {
    const left = Math.floor(world.a * spot.left + world.e);
    const top = Math.floor(world.d * spot.top + world.f);
    const width = Math.ceil(world.a * spot.right + world.e) - left;
    const height = Math.ceil(world.d * spot.bottom + world.f) - top;
    ctx.clearRect(left, top, width, height);
    ctx.rect(left, top, width, height);
  }
  ctx.clip();
  ctx.setTransform(world);
  const touching = (box: Box) => spots.some((spot) => overlaps(spot, box));
  paintClusters(
    ctx,
    regions.filter((region) => touching(regionBox(region, NOTE_MARGIN))),
    frame.zoneColors,
    frame.theme,
  );
  paintNotes(
    ctx,
    notes.filter((note) => touching(noteBox(note, NOTE_MARGIN))),
    frame.theme,
  );
  ctx.restore();
}
