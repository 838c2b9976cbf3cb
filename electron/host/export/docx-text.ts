import { BorderStyle, type HeadingLevel, type IRunOptions, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { startsRightToLeft } from './text-layout';

/**
 * The small pieces of the Word export (render-docx.ts): literal text as runs, paragraphs that know
 * their direction, and table cells. Nothing a note says is ever read as markup or a field code:
 * every piece of text is a plain run, which the docx library escapes.
 */

/** A4 in twentieths of a point (dxa), with the PDF's 2 cm margins. */
export const PAGE_WIDTH = 11906;
export const PAGE_HEIGHT = 16838;
export const MARGIN = 1134;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

export const MUTED = '5B5B57';
export const CHOSEN = 'D55E00';
export const RULE = 'D6D3CC';

/**
 * Characters XML 1.0 cannot hold (controls other than tab and line breaks, lone halves of a
 * surrogate pair, U+FFFE/U+FFFF): Word refuses a file with one, so they are left out; every other
 * character, emoji and right-to-left text included, stays as it was written.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string) => text.replace(NOT_XML, '');

/** A colour of the report ("#0072B2") as Word writes it ("0072B2"); null for anything else. */
export function wordColor(color: string | null | undefined): string | null {
  const match = /^#?([0-9a-fA-F]{6})$/.exec(color ?? '');
  return match?.[1]?.toUpperCase() ?? null;
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Text as runs: a line break in a note stays a line break in Word. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  const rtl = startsRightToLeft(text);
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ ...style, text: line, ...(index > 0 ? { break: 1 } : {}), ...(rtl ? { rightToLeft: true } : {}) }));
}

export interface ParagraphStyle {
  run?: RunStyle;
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel];
  bullet?: boolean;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** A coloured bar at the left, as the PDF marks a side's heading with its colour. */
  bar?: string | null;
  spacingAfter?: number;
  spacingBefore?: number;
}

/** One paragraph of literal text, right to left when its text starts so (Hebrew, Arabic). */
export function paragraph(text: string, options: ParagraphStyle = {}): Paragraph {
  const bar = wordColor(options.bar);
  return new Paragraph({
    children: runs(text, options.run),
    ...(options.heading ? { heading: options.heading } : {}),
    ...(options.bullet ? { bullet: { level: 0 } } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(startsRightToLeft(text) ? { bidirectional: true } : {}),
    ...(bar ? { border: { left: { style: BorderStyle.SINGLE, size: 24, color: bar, space: 8 } } } : {}),
    ...(options.spacingAfter !== undefined || options.spacingBefore !== undefined
      ? { spacing: { ...(options.spacingAfter !== undefined ? { after: options.spacingAfter } : {}), ...(options.spacingBefore !== undefined ? { before: options.spacingBefore } : {}) } }
      : {}),
  });
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: RULE };

/**
 * A table across the page with fixed column widths; its lines and cell margins are the table's
 * own (not each cell's), so a row the lead adds in Word looks like the others.
 */
export function wordTable(widths: readonly number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    rows,
  });
}

/** A table cell of paragraphs; a header cell is bold on a light ground. */
export function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F6F3EC' } } : {}),
  });
}

/** A table's header row: repeated at the top of every page the table runs onto. */
export function headerRow(columns: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((column, index) => cell([paragraph(column, { run: { bold: true } })], widths[index] ?? 0, true)),
  });
}

/** Column widths in dxa from each column's share of the width (equal shares when none are given). */
export function columnWidths(count: number, shares?: readonly number[]): number[] {
  const parts = shares && shares.length === count ? shares : Array.from({ length: count }, () => 1 / count);
  const total = parts.reduce((sum, part) => sum + part, 0) || 1;
  return parts.map((part) => Math.floor((CONTENT_WIDTH * part) / total));
}
