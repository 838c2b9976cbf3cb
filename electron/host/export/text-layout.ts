import { advanceEm, type Face, faceFor, isIgnorable, primaryFace, type Weight } from './fonts';

/**
 * Lays out untrusted text for the PDF by hand instead of with pdfkit's own wrapping, for three
 * reasons: each run needs its own fallback face (ë, ĳ, ✓, emoji), the report must know a block's
 * height before drawing it (so nothing is cut at a page break), and right-to-left words must be
 * ordered for reading. Text is only ever measured and drawn as glyphs: never interpreted.
 */
export interface TextStyle {
  size: number;
  weight: Weight;
  color: string;
  /** Line height as a multiple of the size. */
  leading: number;
}

/** A piece of one word in one face. */
export interface Segment {
  face: Face;
  text: string;
  width: number;
}

export interface Word {
  segments: Segment[];
  width: number;
  direction: 'ltr' | 'rtl' | 'neutral';
}

export interface Line {
  words: Word[];
  width: number;
  rtl: boolean;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const STRONG = /\p{L}/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** Bidi marks and overrides steer nothing here (visualOrder does the ordering): never drawn. */
const BIDI_CONTROL = /^[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]$/u;
/** Spaces that separate words; the no-break spaces keep theirs. */
const BREAKING_SPACE = /[^\S\u00A0\u202F]+/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export const lineHeight = (style: TextStyle) => style.size * style.leading;

/** Whether a paragraph reads right to left: its first strong character decides (as in Unicode bidi). */
export function startsRightToLeft(text: string): boolean {
  return directionOf(text) === 'rtl';
}

function directionOf(text: string): Word['direction'] {
  for (const char of text) {
    if (RTL.test(char)) return 'rtl';
    if (STRONG.test(char)) return 'ltr';
  }
  return 'neutral';
}

/** Splits a word into graphemes; plain text (below U+0300) needs no segmenter. */
function splitGraphemes(word: string): string[] {
  if (!/[^\u0020-\u02FF]/.test(word)) return [...word];
  return Array.from(graphemes.segment(word), (part) => part.segment);
}

/** A grapheme as drawn in its face: joiners and selectors the face has no glyph for are left out. */
function drawable(grapheme: string, face: Face): string {
  if (grapheme.length === 1) return grapheme;
  let drawn = '';
  for (const char of grapheme) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (!isIgnorable(codePoint) || face.font.hasGlyphForCodePoint(codePoint)) drawn += char;
  }
  return drawn;
}

/** The segments of a word: consecutive graphemes in the same face. */
function segmentsOf(word: string, weight: Weight, size: number): Segment[] {
  const segments: Segment[] = [];
  let face: Face | null = null;
  let text = '';
  for (const grapheme of splitGraphemes(word)) {
    if (BIDI_CONTROL.test(grapheme)) continue;
    let found = faceFor(grapheme, weight);
    if (found === null) {
      // Invisible controls (e.g. U+202E) and stray selectors are dropped; anything else shows as a box.
      if (CONTROL.test(grapheme) || [...grapheme].every((char) => isIgnorable(char.codePointAt(0) ?? 0))) continue;
      found = primaryFace(weight);
    }
    const drawn = drawable(grapheme, found);
    if (drawn === '') continue;
    if (found === face) {
      text += drawn;
      continue;
    }
    if (face) segments.push({ face, text, width: advanceEm(face, text) * size });
    face = found;
    text = drawn;
  }
  if (face) segments.push({ face, text, width: advanceEm(face, text) * size });
  return segments;
}

function makeWord(segments: Segment[], text: string): Word {
  return { segments, width: segments.reduce((sum, s) => sum + s.width, 0), direction: directionOf(text) };
}

/** A word wider than the line is cut between graphemes, so even a 500-character token fits. */
function breakLongWord(word: string, style: TextStyle, maxWidth: number): Word[] {
  const pieces: Word[] = [];
  let text = '';
  let segments: Segment[] = [];
  let width = 0;
  for (const grapheme of splitGraphemes(word)) {
    const part = segmentsOf(grapheme, style.weight, style.size);
    const partWidth = part.reduce((sum, s) => sum + s.width, 0);
    if (width + partWidth > maxWidth && segments.length > 0) {
      pieces.push(makeWord(merge(segments, style.size), text));
      text = '';
      segments = [];
      width = 0;
    }
    text += grapheme;
    segments.push(...part);
    width += partWidth;
  }
  if (segments.length > 0) pieces.push(makeWord(merge(segments, style.size), text));
  return pieces;
}

/** Joins neighbouring segments of one face and measures the joined text (kerning across them). */
function merge(segments: Segment[], size: number): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && last.face === segment.face) last.text += segment.text;
    else merged.push({ ...segment });
  }
  for (const segment of merged) segment.width = advanceEm(segment.face, segment.text) * size;
  return merged;
}

export function spaceWidth(style: TextStyle): number {
  return advanceEm(primaryFace(style.weight), ' ') * style.size;
}

/** Wraps text into lines no wider than maxWidth. Line breaks in the text start a new line. */
export function layoutText(text: string, style: TextStyle, maxWidth: number): Line[] {
  const space = spaceWidth(style);
  const lines: Line[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words: Word[] = [];
    for (const raw of paragraph.split(BREAKING_SPACE)) {
      if (raw === '') continue;
      const word = makeWord(segmentsOf(raw, style.weight, style.size), raw);
      if (word.segments.length === 0) continue;
      words.push(...(word.width > maxWidth ? breakLongWord(raw, style, maxWidth) : [word]));
    }
    const rtl = (words.find((word) => word.direction !== 'neutral')?.direction ?? 'ltr') === 'rtl';
    let line: Word[] = [];
    let width = 0;
    for (const word of words) {
      const added = line.length === 0 ? word.width : width + space + word.width;
      if (line.length > 0 && added > maxWidth) {
        lines.push({ words: line, width, rtl });
        line = [word];
        width = word.width;
      } else {
        line.push(word);
        width = added;
      }
    }
    // An empty paragraph still takes a line, as the author left it.
    lines.push({ words: line, width, rtl });
  }
  return lines;
}

/**
 * The words of a line in the order they appear from left to right. A simplified form of the
 * Unicode bidi rules at word level: neutral words take the direction of their neighbours, runs
 * of right-to-left words are reversed, and in a right-to-left paragraph the runs are too.
 */
export function visualOrder(line: Line): Word[] {
  const base = line.rtl ? 'rtl' : 'ltr';
  const resolved = line.words.map((word, index) => {
    if (word.direction !== 'neutral') return word.direction;
    const before = line.words.slice(0, index).reverse().find((w) => w.direction !== 'neutral')?.direction ?? base;
    const after = line.words.slice(index + 1).find((w) => w.direction !== 'neutral')?.direction ?? base;
    return before === after ? before : base;
  });
  const runs: { direction: string; words: Word[] }[] = [];
  line.words.forEach((word, index) => {
    const direction = resolved[index] ?? base;
    const last = runs.at(-1);
    if (last && last.direction === direction) last.words.push(word);
    else runs.push({ direction, words: [word] });
  });
  const ordered = runs.map((run) => (run.direction === 'rtl' ? [...run.words].reverse() : run.words));
  return (base === 'rtl' ? ordered.reverse() : ordered).flat();
}

/** What a drawing surface must offer; pdfkit's document does, and tests can record calls. */
export interface TextCanvas {
  drawRun(face: Face, text: string, x: number, baseline: number, size: number, color: string): void;
}

/**
 * Draws one laid-out line with its top at y. `align` 'start' follows the paragraph direction:
 * left for left-to-right text, right for right-to-left text.
 */
export function drawLine(canvas: TextCanvas, line: Line, x: number, y: number, style: TextStyle, width: number, align: 'start' | 'end' = 'start'): void {
  const space = spaceWidth(style);
  const atRight = (align === 'start') === line.rtl;
  let cursor = atRight ? x + width - line.width : x;
  const face = primaryFace(style.weight);
  // The glyph box (ascender to descender) sits in the middle of the line box.
  const baseline = y + (lineHeight(style) - (face.ascender - face.descender) * style.size) / 2 + face.ascender * style.size;
  // Neighbouring left-to-right words in the primary face are drawn as one run: far fewer drawing
  // calls. Only there, because other faces have spaces of their own width (emoji: 1.27 em).
  let runFace: Face | null = null;
  let runText = '';
  let runX = 0;
  const flush = () => {
    if (runFace) canvas.drawRun(runFace, runText, runX, baseline, style.size, style.color);
    runFace = null;
  };
  // A word that starts a new run after another word gets its space drawn too (an invisible glyph
  // just left of it), so text extraction and screen readers hear "begrippen. ✓ wat", not "begrippen.✓wat".
  let after = false;
  for (const word of visualOrder(line)) {
    const first = word.segments[0];
    const single = word.segments.length === 1 && word.direction !== 'rtl' && first?.face === face ? first : undefined;
    if (single && runFace === single.face) {
      runText += ` ${single.text}`;
    } else if (single) {
      flush();
      runFace = single.face;
      runText = after ? ` ${single.text}` : single.text;
      runX = after ? cursor - space : cursor;
    } else {
      flush();
      if (after) canvas.drawRun(face, ' ', cursor - space, baseline, style.size, style.color);
      let at = cursor;
      for (const segment of word.direction === 'rtl' ? [...word.segments].reverse() : word.segments) {
        canvas.drawRun(segment.face, segment.text, at, baseline, style.size, style.color);
        at += segment.width;
      }
    }
    cursor += word.width + space;
    after = true;
  }
  flush();
}
