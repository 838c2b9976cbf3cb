import { CLUSTER } from './clusters';
import type { Box, PackItem, Size } from './ellipse-pack';
import { NOTE, NOTE_TEXT } from './model';
import { type FittedText, fitText, type Measure, REFERENCE_SIZE, widestPiece, wrapText } from './text-fit';

/**
 * The pieces of a side in the report's figure, at one set of sizes (a Style): a cluster as a region
 * with its title, its note count and (when notes are drawn) its notes in a grid; a note without a
 * cluster as a paper note; a line that counts what is not drawn one by one. Each piece offers the
 * shapes it may take, for the packer (ellipse-pack.ts) to choose from. All in world units.
 */

/**
 * Type sizes and air of the printed figure, in points. Legible means type of at least minPt: the
 * floor for short printed text such as a map's labels (the report's own captions are 9 pt).
 */
export const PRINT = {
  minPt: 6,
  maxNumberPt: 8,
  maxTitlePt: 9,
  /** Air between the pieces of a side. */
  gapPt: 2.5,
  /** Room kept between the pieces and the side's outline. */
  insetPt: 2,
} as const;

export type SideMode = 'text' | 'numbered' | 'grouped' | 'summary' | 'count';

/** Widths at REFERENCE_SIZE, per weight: the same measure wraps here and draws in the PDF. */
export interface FigureMeasure {
  regular: Measure;
  bold: Measure;
}

export interface Style {
  mode: SideMode;
  /** A note's paper; null where notes are counted rather than drawn. */
  note: Size | null;
  /** Whether a cluster's notes are drawn in its region, or only counted under its title. */
  clusterNotes: boolean;
  /** Text mode: the note's largest and smallest type. Numbered mode: the number's type (both). */
  noteMax: number;
  noteMin: number;
  /** The coloured band on top of a note, and the room between its paper and its words. */
  band: number;
  notePadding: number;
  titleSize: number;
  countSize: number;
  pad: number;
  gap: number;
}

export const TITLE_LEADING = 1.2;
export const COUNT_LEADING = 1.25;
/** The numbers of lines a cluster's title is tried at, besides as narrow as its widest word. */
const TITLE_LINES = [1, 2, 3, 5];
/** Past this many columns a cluster's grid gets no wider: a row of twelve notes is already a band. */
const MAX_COLUMNS = 12;

/** Text laid out in lines, top left at (x, y), one line every size × leading. */
export interface PrintedText {
  lines: string[];
  size: number;
  leading: number;
  x: number;
  y: number;
  width: number;
}

export interface ClusterShape extends Size {
  columns: number;
  titleLines: string[];
  inner: number;
  /** The count follows the title's last line when it fits there, else it has a line of its own. */
  countInline: boolean;
}

export interface NoteInput {
  id: string;
  text: string;
}

export interface ClusterInput {
  id: string;
  title: string;
  notes: readonly NoteInput[];
}

const widthAt = (measure: Measure, size: number) => (text: string) => (measure(text) * size) / REFERENCE_SIZE;

function grids(count: number, style: Style): { columns: number; width: number; height: number }[] {
  const note = style.note;
  if (!note || !style.clusterNotes || count === 0) return [{ columns: 0, width: 0, height: 0 }];
  const options = [];
  for (let columns = Math.min(count, MAX_COLUMNS); columns >= 1; columns -= 1) {
    const rows = Math.ceil(count / columns);
    // A wider grid with no fewer rows than a narrower one is only wider.
    if (columns > 1 && Math.ceil(count / (columns - 1)) === rows) continue;
    options.push({ columns, width: columns * note.width + (columns - 1) * style.gap, height: rows * note.height + (rows - 1) * style.gap });
  }
  return options;
}

/** How tall a cluster's title band is: its title's lines, then the line with its count unless it follows the title. */
export const bandHeight = (shape: Pick<ClusterShape, 'titleLines' | 'countInline'>, style: Style) =>
  Math.max(1, shape.titleLines.length) * style.titleSize * TITLE_LEADING + (shape.countInline ? 0 : style.countSize * COUNT_LEADING);

/** Room between a title's last word and the count after it. */
export const countSpace = (style: Style) => style.titleSize * 0.6;

/**
 * The shapes a cluster may take, widest first: its grid from wide to tall, its title on one line
 * where there is room, else wrapped (wider than its notes rather than more than three lines).
 * A title is never cut: it takes the lines it needs.
 */
export function clusterShapes(cluster: ClusterInput, countText: string, style: Style, measure: FigureMeasure): ClusterShape[] {
  const titleWidth = widthAt(measure.bold, style.titleSize);
  const oneLine = titleWidth(cluster.title);
  const longestWord = widestPiece(cluster.title, titleWidth);
  const countWidth = widthAt(measure.regular, style.countSize)(countText);
  // The title on one line, two, three…, down to its widest word: a narrow side takes many lines.
  const titleWidths = [...TITLE_LINES.map((lines) => (oneLine / lines) * (1 + 0.05 * lines)), 0].map((width) => Math.max(width, longestWord, countWidth));
  const shapes: ClusterShape[] = [];
  for (const grid of grids(cluster.notes.length, style)) {
    for (const wanted of titleWidths) {
      const inner = Math.max(grid.width, wanted, countWidth, style.titleSize);
      if (shapes.some((shape) => Math.abs(shape.inner - inner) < 0.5 && shape.columns === grid.columns)) continue;
      const titleLines = wrapText(cluster.title, inner, titleWidth);
      const countInline = titleWidth(titleLines.at(-1) ?? '') + countSpace(style) + countWidth <= inner;
      const notes = grid.height > 0 ? style.pad * 0.6 + grid.height : 0;
      const height = style.pad + bandHeight({ titleLines, countInline }, style) + notes + style.pad;
      shapes.push({ width: inner + 2 * style.pad, height, columns: grid.columns, titleLines, inner, countInline });
    }
  }
  return shapes.sort((a, b) => b.width - a.width || a.height - b.height);
}

export interface TallyShape extends Size {
  lines: string[];
}

/** A count in a box with a little room around it, on one line or wrapped: what a side shows of what it does not draw. */
export function tallyShapes(text: string, style: Style, measure: FigureMeasure): TallyShape[] {
  const widthOf = widthAt(measure.regular, style.countSize);
  const oneLine = widthOf(text);
  const longestWord = widestPiece(text, widthOf);
  const shapes: TallyShape[] = [];
  for (const wanted of [oneLine, (oneLine / 2) * 1.1, longestWord]) {
    const inner = Math.max(wanted, longestWord);
    const lines = wrapText(text, inner, widthOf);
    if (shapes.some((shape) => shape.lines.length === lines.length)) continue;
    const width = Math.max(...lines.map(widthOf));
    shapes.push({ width: width + 2 * style.pad, height: lines.length * style.countSize * COUNT_LEADING + 2 * style.pad, lines });
  }
  return shapes;
}

export const noteItem = (style: Style): PackItem => ({ shapes: style.note ? [style.note] : [] });

/** Where a cluster's notes go in its placed region, row by row, the grid centred under the title. */
export function gridBoxes(box: Box, shape: ClusterShape, count: number, style: Style): Box[] {
  const note = style.note;
  if (!note || !style.clusterNotes || shape.columns === 0) return [];
  const gridWidth = shape.columns * note.width + (shape.columns - 1) * style.gap;
  const left = box.x + style.pad + (shape.inner - gridWidth) / 2;
  const top = box.y + style.pad + bandHeight(shape, style) + style.pad * 0.6;
  return Array.from({ length: count }, (_, index) => ({
    x: left + (index % shape.columns) * (note.width + style.gap),
    y: top + Math.floor(index / shape.columns) * (note.height + style.gap),
    width: note.width,
    height: note.height,
  }));
}

/** A note's words fitted into its paper under the band, as the canvas fits them, never below the style's smallest type. */
export function fitNote(text: string, box: Box, style: Style, measure: FigureMeasure): { box: Box; fit: FittedText } {
  const inner = {
    x: box.x + style.notePadding,
    y: box.y + style.band + style.notePadding,
    width: box.width - 2 * style.notePadding,
    height: box.height - style.band - 2 * style.notePadding,
  };
  return { box: inner, fit: fitText(text, inner, measure.regular, { maxSize: style.noteMax, minSize: style.noteMin, lineHeight: NOTE_TEXT.lineHeight }) };
}

/** The sizes of a text-mode side whose notes are `scale` times their canvas size (pt: points per world unit). */
export function textStyle(scale: number, world: (pt: number) => number): Style {
  const titleSize = Math.min(world(PRINT.maxTitlePt), Math.max(world(PRINT.minPt), CLUSTER.titleSize * scale));
  return {
    mode: 'text',
    note: { width: NOTE.width * scale, height: NOTE.height * scale },
    clusterNotes: true,
    noteMax: NOTE_TEXT.maxSize * scale,
    noteMin: Math.max(world(PRINT.minPt), NOTE_TEXT.minSize * scale),
    band: 9 * scale,
    notePadding: NOTE.padding * scale * 0.75,
    titleSize,
    countSize: Math.max(world(PRINT.minPt), titleSize * 0.8),
    pad: Math.max(world(2.5), CLUSTER.padding * scale * 0.8),
    gap: world(PRINT.gapPt),
  };
}

/** Notes as small numbered papers: all of them (numbered), or only those without a cluster (grouped). */
export function numberedStyle(mode: 'numbered' | 'grouped', pt: number, digits: number, world: (pt: number) => number): Style {
  const size = world(pt);
  return {
    mode,
    // A small paper note, just wide enough for the figure's longest number.
    note: { width: size * (0.6 * digits + 0.8), height: size * 1.5 },
    clusterNotes: mode === 'numbered',
    noteMax: size,
    noteMin: size,
    band: size * 0.22,
    notePadding: 0,
    titleSize: Math.min(world(PRINT.maxTitlePt), size),
    countSize: world(PRINT.minPt),
    pad: size * 0.45,
    gap: world(PRINT.gapPt) * 0.8,
  };
}

export function countedStyle(mode: 'summary' | 'count', pt: number, world: (pt: number) => number): Style {
  const titleSize = world(pt);
  return {
    mode,
    note: null,
    clusterNotes: false,
    noteMax: 0,
    noteMin: 0,
    band: 0,
    notePadding: 0,
    titleSize,
    countSize: Math.max(world(PRINT.minPt), titleSize * 0.85),
    pad: titleSize * 0.45,
    gap: world(PRINT.gapPt),
  };
}
