/**
 * Fitting a note's words into its paper: wrap at word boundaries, shrink the type step by step
 * until everything fits, and below the smallest readable size cut the text with an ellipsis (the
 * whole text stays one hover or double-click away). Pure: the width of a text is asked of
 * `measure`, so this runs the same in a test, on a canvas and in the report's figure (PDF).
 */

/** The width of a text at a font size of REFERENCE_SIZE pixels. */
export type Measure = (text: string) => number;

export const REFERENCE_SIZE = 100;

export interface FitOptions {
  maxSize: number;
  minSize: number;
  lineHeight: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** True when words were left out: the full text must be reachable another way. */
  truncated: boolean;
}

const ELLIPSIS = '…';

/** Breaks a word wider than a line into pieces that fit, character by character, each but the last ending in a hyphen. */
function breakWord(word: string, width: number, widthOf: (text: string) => number): string[] {
  const pieces: string[] = [];
  let rest = [...word];
  while (rest.length > 0 && widthOf(rest.join('')) > width) {
    let take = 1;
    while (take < rest.length - 1 && widthOf(`${rest.slice(0, take + 1).join('')}-`) <= width) take += 1;
    pieces.push(`${rest.slice(0, take).join('')}-`);
    rest = rest.slice(take);
  }
  if (rest.length > 0) pieces.push(rest.join(''));
  return pieces;
}

/**
 * A word too wide for a line, in the pieces it is broken into: after its own hyphens first
 * ("programmateam-" "overleggen"), and only a piece that is still too wide character by character.
 */
function wordPieces(word: string, width: number, widthOf: (text: string) => number): string[] {
  const parts = word.split(/(?<=-)(?=.)/);
  const pieces: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line !== '' && widthOf(line + part) <= width) {
      line += part;
      continue;
    }
    if (line !== '') pieces.push(line);
    if (widthOf(part) <= width) {
      line = part;
      continue;
    }
    const broken = breakWord(part, width, widthOf);
    line = broken.pop() ?? '';
    pieces.push(...broken);
  }
  if (line !== '') pieces.push(line);
  return pieces;
}

/** The widest piece a word can be broken into without breaking it between letters (after its hyphens). */
export function widestPiece(text: string, widthOf: (text: string) => number): number {
  return Math.max(0, ...text.split(/\s+|(?<=-)(?=.)/).map(widthOf));
}

/** Whether every word fits on a line of its own: else a smaller size is tried before any word is broken. */
function wordsFit(text: string, width: number, widthOf: (text: string) => number): boolean {
  return text.split(/\s+/).every((word) => word === '' || widthOf(word) <= width);
}

/** Greedy word wrap of every paragraph; a line never exceeds `width` unless one character does. */
export function wrapText(text: string, width: number, widthOf: (text: string) => number): string[] {
  const lines: string[] = [];
  const space = widthOf(' ');
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = widthOf(word);
      if (line !== '' && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      const pieces = wordPieces(word, width, widthOf);
      line = pieces.pop() ?? '';
      lines.push(...pieces);
      lineWidth = widthOf(line);
    }
    lines.push(line);
  }
  // Blank lines at the end say nothing on a note.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Shortens a line from the end until it fits with an ellipsis after it. */
function withEllipsis(line: string, width: number, widthOf: (text: string) => number): string {
  let kept = line.trimEnd();
  while (kept !== '' && widthOf(kept + ELLIPSIS) > width) {
    const lastSpace = kept.lastIndexOf(' ');
    // Whole words first while a line is long; single characters for the last word.
    kept = lastSpace > kept.length * 0.6 ? kept.slice(0, lastSpace).trimEnd() : kept.slice(0, -1);
  }
  return kept + ELLIPSIS;
}

/**
 * The largest size at which the text fits the box, or the smallest size with an ellipsis. Sizes go
 * down one unit at a time and always end on minSize itself, also when the range is not whole
 * units (the report's figure scales the note).
 */
export function fitText(text: string, box: { width: number; height: number }, measure: Measure, options: FitOptions): FittedText {
  const clean = text.trim();
  if (clean === '') return { size: options.maxSize, lines: [], truncated: false };
  for (let size = options.maxSize; ; size = Math.max(options.minSize, size - 1)) {
    const smallest = size <= options.minSize;
    const widthOf = (part: string) => (measure(part) * size) / REFERENCE_SIZE;
    // "Samenwerk-en" reads as other words: shrink first, break a word only at the smallest size.
    if (!smallest && !wordsFit(clean, box.width, widthOf)) continue;
    const lines = wrapText(clean, box.width, widthOf);
    const maxLines = Math.max(1, Math.floor(box.height / (size * options.lineHeight) + 0.001));
    if (lines.length <= maxLines) return { size, lines, truncated: false };
    if (smallest) {
      const kept = lines.slice(0, maxLines);
      kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', box.width, widthOf);
      return { size, lines: kept, truncated: true };
    }
  }
}
