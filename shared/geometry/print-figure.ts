import type { Id, ZoneArea } from '../domain';
import { type Box, inReadingOrder, type PackItem, packInEllipse, type Placed } from './ellipse-pack';
import { NOTE_TEXT } from './model';
import {
  type ClusterInput,
  type ClusterShape,
  clusterShapes,
  COUNT_LEADING,
  countedStyle,
  countSpace,
  type FigureMeasure,
  fitNote,
  gridBoxes,
  type NoteInput,
  noteItem,
  numberedStyle,
  PRINT,
  type PrintedText,
  type SideMode,
  type Style,
  type TallyShape,
  tallyShapes,
  TITLE_LEADING,
  textStyle,
} from './print-blocks';
import { type FittedText, type Measure, REFERENCE_SIZE } from './text-fit';

const measureWidth = (measure: Measure, text: string, size: number) => (measure(text) * size) / REFERENCE_SIZE;

/**
 * The model on paper. On the canvas notes may lie on top of each other; printed, a pile is
 * unreadable. So the report's figure lays every side out afresh, inside the side's own ellipse
 * (the canvas's, from shared/geometry/model): clusters as regions with their title and note count,
 * their notes tiled inside, the other notes beside them, nothing overlapping.
 *
 * Legible means type of at least PRINT.minPt points (print-blocks.ts). Each side takes the first
 * way that fits at that size or larger:
 *   text      notes as paper notes with their words, at up to their canvas size;
 *   numbered  notes as small numbered papers, their words listed after the figure;
 *   grouped   clusters as regions with title and count (their notes are in the appendix), the
 *             other notes numbered;
 *   summary   clusters as regions with title and count, the other notes as one count;
 *   count     the side's note count only (hundreds of notes: the appendix has them).
 */

export { PRINT };
export type { FigureMeasure, NoteInput, ClusterInput, PrintedText, SideMode };

export interface FigureSideInput {
  zoneId: Id;
  area: ZoneArea;
  /** In reading order; so are their notes and the loose notes. */
  clusters: readonly ClusterInput[];
  loose: readonly NoteInput[];
}

/** The words the figure prints besides notes and titles, in the report's language. */
export interface FigureWords {
  /** "4 notities": under a cluster's title, and a side's count. */
  notes(count: number): string;
  /** "3 notities zonder thema": the notes of a side not in a cluster, when they are counted. */
  loose(count: number): string;
  /** "412 notities · 30 thema's": a side too full to draw anything but its count. */
  side(notes: number, themes: number): string;
}

export interface FigureLayoutOptions {
  /** Points per world unit: what one unit of the canvas becomes on paper. */
  scale: number;
  measure: FigureMeasure;
  words: FigureWords;
}

export interface LaidNote {
  id: Id;
  box: Box;
  /** The coloured band on top of the paper, as on the canvas. */
  band: number;
  /** Text mode: the words, fitted into the paper below the band. */
  text: { box: Box; fit: FittedText } | null;
  /** Numbered mode: the number and its type size. */
  number: { value: number; size: number } | null;
}

export interface LaidCluster {
  id: Id;
  box: Box;
  title: PrintedText;
  count: PrintedText;
}

export interface SideLayout {
  zoneId: Id;
  mode: SideMode;
  clusters: LaidCluster[];
  notes: LaidNote[];
  /** What the side counts instead of drawing: its loose notes (summary) or all its notes (count). */
  tally: { box: Box; text: PrintedText } | null;
}

export interface NumberedNote {
  number: number;
  noteId: Id;
  zoneId: Id;
  clusterId: Id | null;
}

export interface FigureLayout {
  sides: SideLayout[];
  /** The numbered notes in number order: the key printed after the figure. */
  numbered: NumberedNote[];
}

const shrink = (area: ZoneArea, by: number): ZoneArea => ({ ...area, rx: Math.max(1, area.rx - by), ry: Math.max(1, area.ry - by) });

interface Context {
  side: FigureSideInput;
  /** Other sides' ellipses this side keeps clear of (see layoutFigure). */
  avoid: readonly ZoneArea[];
  options: FigureLayoutOptions;
  world: (pt: number) => number;
  firstNumber: number;
}

/** The last resort is one line: it goes in the middle whether or not it fits. */
function centred(items: readonly PackItem[], area: ZoneArea): Placed[] {
  const shape = items[0]?.shapes[0] ?? { width: 0, height: 0 };
  const top = area.y - shape.height / 2;
  return [{ box: { x: area.x - shape.width / 2, y: top, width: shape.width, height: shape.height }, shape: 0, rowTop: top }];
}

const printed = (lines: string[], size: number, leading: number, x: number, y: number, width: number): PrintedText => ({ lines, size, leading, x, y, width });

interface Packed {
  clusters: { cluster: ClusterInput; countText: string; shapes: ClusterShape[] }[];
  /** Loose notes drawn one by one (text and numbered modes). */
  loose: readonly NoteInput[];
  tally: TallyShape[] | null;
  placed: Placed[];
}

/** The side's pieces at one style, placed; null when they do not fit its ellipse that way. */
function pack(context: Context, style: Style, force: boolean): Packed | null {
  const { side, options } = context;
  const { measure, words } = options;
  const total = side.loose.length + side.clusters.reduce((sum, cluster) => sum + cluster.notes.length, 0);
  const clusters = (style.mode === 'count' ? [] : side.clusters).map((cluster) => {
    const countText = words.notes(cluster.notes.length);
    return { cluster, countText, shapes: clusterShapes(cluster, countText, style, measure) };
  });
  const loose = style.note ? side.loose : [];
  const tallyText = style.mode === 'count' ? words.side(total, side.clusters.length) : style.mode === 'summary' && side.loose.length > 0 ? words.loose(side.loose.length) : null;
  const tally = tallyText ? tallyShapes(tallyText, style, measure) : null;
  const items: PackItem[] = [...clusters, ...loose.map(() => noteItem(style))];
  if (tally) items.push({ shapes: tally });
  const area = shrink(side.area, context.world(PRINT.insetPt));
  const avoid = context.avoid.map((other) => shrink(other, -context.world(PRINT.insetPt)));
  // What cannot fit by area alone is not worth packing (a side of hundreds of notes).
  const needed = items.reduce((sum, item) => sum + Math.min(...item.shapes.map((shape) => shape.width * shape.height)), 0);
  const placed = (needed <= Math.PI * area.rx * area.ry ? packInEllipse(items, area, style.gap, avoid) : null) ?? (force ? centred(items, area) : null);
  return placed ? { clusters, loose, tally, placed } : null;
}

function laidCluster(style: Style, measure: FigureMeasure, id: Id, countText: string, box: Box, shape: ClusterShape): LaidCluster {
  const title = printed(shape.titleLines, style.titleSize, TITLE_LEADING, box.x + style.pad, box.y + style.pad, shape.inner);
  const lastTop = title.y + (Math.max(1, shape.titleLines.length) - 1) * style.titleSize * TITLE_LEADING;
  // After the title on its last line (centred on that line), or on a line of its own under it.
  const count = shape.countInline
    ? printed(
        [countText],
        style.countSize,
        COUNT_LEADING,
        title.x + measureWidth(measure.bold, shape.titleLines.at(-1) ?? '', style.titleSize) + countSpace(style),
        lastTop + (style.titleSize * TITLE_LEADING - style.countSize * COUNT_LEADING) / 2,
        shape.inner,
      )
    : printed([countText], style.countSize, COUNT_LEADING, title.x, lastTop + style.titleSize * TITLE_LEADING, shape.inner);
  return { id, box, title, count };
}

/**
 * The side at one style: its pieces placed, its notes given their words or their numbers. Numbers
 * go in reading order (row by row), a cluster's notes together, clusters before the notes on their
 * own, so the key after the figure reads like the figure and names each cluster once.
 */
function attempt(context: Context, style: Style, force = false): { layout: SideLayout; numbered: NumberedNote[] } | null {
  const found = pack(context, style, force);
  if (!found) return null;
  const { side, options } = context;
  const { clusters, loose, tally, placed } = found;
  let next = context.firstNumber;
  const numbered: NumberedNote[] = [];
  const notes: LaidNote[] = [];
  const laidClusters: LaidCluster[] = [];
  const addNote = (note: NoteInput, box: Box, clusterId: Id | null) => {
    if (style.mode === 'text') {
      notes.push({ id: note.id, box, band: style.band, text: fitNote(note.text, box, style, options.measure), number: null });
      return;
    }
    numbered.push({ number: next, noteId: note.id, zoneId: side.zoneId, clusterId });
    notes.push({ id: note.id, box, band: style.band, text: null, number: { value: next++, size: style.noteMax } });
  };
  const order = inReadingOrder(placed);
  // Clusters first, then the notes on their own: the key then names each cluster once.
  for (const index of order) {
    const cluster = clusters[index];
    if (!cluster) continue;
    const { box, shape } = placed[index] as Placed;
    const chosen = cluster.shapes[shape] as ClusterShape;
    laidClusters.push(laidCluster(style, options.measure, cluster.cluster.id, cluster.countText, box, chosen));
    gridBoxes(box, chosen, cluster.cluster.notes.length, style).forEach((noteBox, k) => {
      addNote(cluster.cluster.notes[k] as NoteInput, noteBox, cluster.cluster.id);
    });
  }
  for (const index of order) {
    const note = index >= clusters.length ? loose[index - clusters.length] : undefined;
    if (note) addNote(note, (placed[index] as Placed).box, null);
  }
  const last = placed.at(-1);
  const lines = last && tally?.[last.shape]?.lines;
  const laidTally = last && lines ? { box: last.box, text: printed(lines, style.countSize, COUNT_LEADING, last.box.x + style.pad, last.box.y + style.pad, last.box.width - 2 * style.pad) } : null;
  return { layout: { zoneId: side.zoneId, mode: style.mode, clusters: laidClusters, notes, tally: laidTally }, numbered };
}

/** The largest size in [low, high] at which the side fits (bisected), or null when it does not fit even at `low`. */
function largest(context: Context, low: number, high: number, style: (size: number) => Style): ReturnType<typeof attempt> {
  const atHigh = attempt(context, style(high));
  if (atHigh) return atHigh;
  let best = attempt(context, style(low));
  if (!best) return null;
  for (let step = 0; step < 7; step += 1) {
    const middle = (low + high) / 2;
    const found = attempt(context, style(middle));
    if (found) {
      best = found;
      low = middle;
    } else {
      high = middle;
    }
  }
  return best;
}

function layoutSide(context: Context, digits: number): NonNullable<ReturnType<typeof attempt>> {
  const { world } = context;
  // Smaller than this, a note's largest type would be under the legible size.
  const smallestNote = world(PRINT.minPt) / NOTE_TEXT.maxSize;
  return (
    (smallestNote <= 1 ? largest(context, smallestNote, 1, (scale) => textStyle(scale, world)) : null) ??
    largest(context, PRINT.minPt, PRINT.maxNumberPt, (pt) => numberedStyle('numbered', pt, digits, world)) ??
    largest(context, PRINT.minPt, PRINT.maxNumberPt, (pt) => numberedStyle('grouped', pt, digits, world)) ??
    largest(context, PRINT.minPt, PRINT.maxTitlePt, (pt) => countedStyle('summary', pt, world)) ??
    (attempt(context, countedStyle('count', PRINT.minPt, world), true) as NonNullable<ReturnType<typeof attempt>>)
  );
}

/** Lays out every side of the figure; numbers run on from side to side, in the order given. */
export function layoutFigure(sides: readonly FigureSideInput[], options: FigureLayoutOptions): FigureLayout {
  const world = (pt: number) => pt / options.scale;
  const total = sides.reduce((sum, side) => sum + side.loose.length + side.clusters.reduce((count, cluster) => count + cluster.notes.length, 0), 0);
  const digits = String(Math.max(1, total)).length;
  const layout: FigureLayout = { sides: [], numbered: [] };
  for (const side of sides) {
    const empty = side.clusters.length === 0 && side.loose.length === 0;
    if (empty) {
      layout.sides.push({ zoneId: side.zoneId, mode: 'text', clusters: [], notes: [], tally: null });
      continue;
    }
    // A note in an overlap would seem to belong to both sides, so a side keeps clear of the others;
    // only a side drawn inside a larger one (its centre in it) may use that one's room. Of two
    // sides the larger always keeps clear of the smaller (the smaller wins the overlap, as a note
    // dropped there does on the canvas), so two sides' pieces can never meet.
    const contains = (outer: ZoneArea, x: number, y: number) => ((x - outer.x) / outer.rx) ** 2 + ((y - outer.y) / outer.ry) ** 2 <= 1;
    const size = (candidate: FigureSideInput) => candidate.area.rx * candidate.area.ry;
    const larger = (other: FigureSideInput) => size(other) > size(side) || (size(other) === size(side) && sides.indexOf(other) < sides.indexOf(side));
    const avoid = sides.filter((other) => other !== side && !(larger(other) && contains(other.area, side.area.x, side.area.y))).map((other) => other.area);
    const { layout: laid, numbered } = layoutSide({ side, avoid, options, world, firstNumber: layout.numbered.length + 1 }, digits);
    layout.sides.push(laid);
    layout.numbered.push(...numbered);
  }
  return layout;
}
