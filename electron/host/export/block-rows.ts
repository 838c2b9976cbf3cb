import type { ModelFigure, PointBlock, ReportBlock } from '../../../shared/report/types';
import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE, type PdfSurface } from './pdf-surface';
import { INK, MUTED, RULE, STYLES, tint } from './styles';
import { drawLine, layoutText, lineHeight, startsRightToLeft, type TextStyle } from './text-layout';

/** Draws the model into a box; the vector drawing today, a canvas PNG later (model-figure.ts). */
export type ModelPainter = (surface: PdfSurface, figure: ModelFigure, box: { x: number; y: number; width: number; height: number }) => number;

export interface TextRowOptions {
  gap?: number;
  keepFirst?: boolean;
  /** Also drawn on the first line, e.g. a bullet or a badge. */
  decorate?: (surface: PdfSurface, y: number) => void;
}

/**
 * One row per line. A paragraph of up to six lines stays together; a longer one keeps at least two
 * lines together at its start and end, so no page starts or ends with a lonely line.
 */
export function textRows(text: string, style: TextStyle, x: number, width: number, options: TextRowOptions = {}): Row[] {
  const lines = layoutText(text, style, width);
  const height = lineHeight(style);
  const count = lines.length;
  return lines.map((line, index) => ({
    height,
    gap: index === 0 ? (options.gap ?? 0) : 0,
    keep: index === 0 ? options.keepFirst === true : count <= 6 || index === 1 || index >= count - 2,
    draw(surface, y) {
      drawLine(surface, line, x, y, style, width);
      if (index === 0) options.decorate?.(surface, y);
    },
  }));
}

const rule = (gap: number, color = RULE): Row => ({
  height: 1,
  gap,
  keep: true,
  draw(surface, y) {
    surface.doc.save().moveTo(PAGE.left, y).lineTo(PAGE.left + CONTENT_WIDTH, y).lineWidth(0.75).strokeColor(color).stroke().restore();
  },
});

function headingRows(block: Extract<ReportBlock, { kind: 'heading' }>): Row[] {
  const style = block.level === 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
  const gap = block.level === 1 ? 22 : block.level === 2 ? 16 : 10;
  const rows = textRows(block.text, style, PAGE.left, CONTENT_WIDTH, {
    gap,
    decorate: block.color
      ? (surface, y) => {
          surface.doc.save().rect(PAGE.left - 12, y + 2, 5, lineHeight(style) - 4).fill(block.color ?? INK).restore();
        }
      : undefined,
  });
  const first = rows[0];
  if (first && block.newPage) first.newPage = true;
  // Heading lines always stay together.
  for (const row of rows.slice(1)) row.keep = true;
  return rows;
}

function factRows(rows: { label: string; value: string }[]): Row[] {
  const labelWidth = 150;
  const valueWidth = CONTENT_WIDTH - labelWidth - 12;
  return rows.map((fact, index) => {
    const label = layoutText(fact.label, STYLES.factLabel, labelWidth);
    const value = layoutText(fact.value, STYLES.body, valueWidth);
    const lh = lineHeight(STYLES.body);
    const height = Math.max(label.length, value.length) * lh + 8;
    return {
      height,
      gap: index === 0 ? 18 : 0,
      keep: index > 0,
      draw(surface, y) {
        for (const [i, line] of label.entries()) drawLine(surface, line, PAGE.left, y + 4 + i * lh, STYLES.factLabel, labelWidth);
        for (const [i, line] of value.entries()) drawLine(surface, line, PAGE.left + labelWidth + 12, y + 4 + i * lh, STYLES.body, valueWidth);
        surface.doc.save().moveTo(PAGE.left, y + height).lineTo(PAGE.left + CONTENT_WIDTH, y + height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
      },
    } satisfies Row;
  });
}

const BADGE_WIDTH = 104;
const TEXT_INDENT = 30;

function drawDotsBadge(surface: PdfSurface, point: PointBlock, y: number): void {
  const right = PAGE.left + CONTENT_WIDTH;
  const labelLines = layoutText(point.dotsLabel, STYLES.badge, BADGE_WIDTH);
  const label = labelLines[0];
  if (!label) return;
  drawLine(surface, label, right - BADGE_WIDTH, y, STYLES.badge, BADGE_WIDTH, 'end');
  // Up to ten drawn dots left of the count, as on the projector; the number says the rest.
  const shown = Math.min(point.dots, 10);
  const cy = y + lineHeight(STYLES.pointTitle) / 2;
  const doc = surface.doc.save().fillColor(point.chosen ? '#D55E00' : '#0072B2');
  for (let i = 0; i < shown; i += 1) doc.circle(right - label.width - 8 - i * 6.5, cy, 2.4).fill();
  doc.restore();
}

function pointRows(point: PointBlock): Row[] {
  const x = PAGE.left + TEXT_INDENT;
  const titleWidth = CONTENT_WIDTH - TEXT_INDENT - BADGE_WIDTH - 8;
  const rows = textRows(point.title, STYLES.pointTitle, x, titleWidth, {
    gap: 12,
    decorate(surface, y) {
      const cy = y + lineHeight(STYLES.pointTitle) / 2;
      surface.doc.save().circle(PAGE.left + 10, cy, 10).fill(point.chosen ? '#D55E00' : INK).restore();
      const rank = layoutText(String(point.rank), STYLES.rank, 20)[0];
      if (rank) drawLine(surface, rank, PAGE.left + 10 - rank.width / 2, cy - lineHeight(STYLES.rank) / 2, STYLES.rank, rank.width);
      drawDotsBadge(surface, point, y);
    },
  });
  // A point's title, its labels, the ingredients heading and its first ingredient go together.
  for (const row of rows.slice(1)) row.keep = true;
  const fullWidth = CONTENT_WIDTH - TEXT_INDENT;
  for (const label of [point.chosenLabel, point.themeLabel]) {
    if (label) rows.push(...textRows(label, STYLES.pointMeta, x, fullWidth, { gap: 1, keepFirst: true }));
  }
  if (point.ingredientsHeading) {
    rows.push(...textRows(point.ingredientsHeading, STYLES.ingredientsHeading, x, fullWidth, { gap: 5, keepFirst: true }));
    point.ingredients.forEach((ingredient, index) => {
      rows.push(...bulletRows(ingredient, STYLES.item, x + 4, fullWidth - 4, index === 0, 2));
    });
  }
  return rows;
}

/** A list item; a right-to-left item has its bullet on the right, where its reading starts. */
function bulletRows(text: string, style: TextStyle, x: number, width: number, keepFirst: boolean, gap = 3, bulletColor = MUTED): Row[] {
  const rtl = startsRightToLeft(text);
  return textRows(text, style, rtl ? x : x + 13, width - 13, {
    gap,
    keepFirst,
    decorate(surface, y) {
      surface.doc.save().circle(rtl ? x + width - 3.5 : x + 3.5, y + lineHeight(style) / 2, 1.8).fill(bulletColor).restore();
    },
  });
}

function noteGroupRows(block: Extract<ReportBlock, { kind: 'noteGroup' }>): Row[] {
  const rows = textRows(block.title, STYLES.groupTitle, PAGE.left + 14, CONTENT_WIDTH - 14, {
    gap: 12,
    decorate(surface, y) {
      surface.doc.save().roundedRect(PAGE.left, y + 3, 8, lineHeight(STYLES.groupTitle) - 6, 1.5).fill(block.color).restore();
    },
  });
  for (const row of rows.slice(1)) row.keep = true;
  for (const [index, note] of block.notes.entries()) rows.push(...bulletRows(note, STYLES.note, PAGE.left + 14, CONTENT_WIDTH - 14, index === 0, 3, tint(block.color, 0.1)));
  return rows;
}

function modelRows(block: Extract<ReportBlock, { kind: 'model' }>, paint: ModelPainter): Row[] {
  const height = CONTENT_WIDTH * 0.625 + 30;
  return [
    {
      height,
      gap: 10,
      keep: true,
      draw(surface, y) {
        paint(surface, block.figure, { x: PAGE.left, y, width: CONTENT_WIDTH, height });
      },
    },
    ...textRows(block.caption, STYLES.caption, PAGE.left, CONTENT_WIDTH, { gap: 4, keepFirst: true }),
  ];
}

function titleRows(block: Extract<ReportBlock, { kind: 'title' }>): Row[] {
  const spacer: Row = { height: 110, gap: 0, keep: false, draw() {} };
  const eyebrow = textRows(block.eyebrow.toLocaleUpperCase(), STYLES.eyebrow, PAGE.left, CONTENT_WIDTH, { keepFirst: true });
  const title = textRows(block.text, STYLES.title, PAGE.left, CONTENT_WIDTH, { gap: 8, keepFirst: true });
  const subtitle = block.subtitle ? textRows(block.subtitle, STYLES.subtitle, PAGE.left, CONTENT_WIDTH, { gap: 6, keepFirst: true }) : [];
  for (const row of [...title, ...subtitle]) row.keep = true;
  return [spacer, ...eyebrow, ...title, ...subtitle, rule(16, INK)];
}

/** The rows of every block in order; a heading's first following row is kept with it. */
export function reportRows(blocks: readonly ReportBlock[], paint: ModelPainter): Row[] {
  const rows: Row[] = [];
  let afterHeading = false;
  for (const block of blocks) {
    const blockRows = rowsOf(block, paint);
    const first = blockRows[0];
    if (first && afterHeading) first.keep = true;
    afterHeading = block.kind === 'heading';
    rows.push(...blockRows);
  }
  return rows;
}

function rowsOf(block: ReportBlock, paint: ModelPainter): Row[] {
  switch (block.kind) {
    case 'title':
      return titleRows(block);
    case 'facts':
      return factRows(block.rows);
    case 'heading':
      return headingRows(block);
    case 'paragraph': {
      const style = block.tone === 'body' ? STYLES.body : STYLES.muted;
      return textRows(block.text, style, PAGE.left, CONTENT_WIDTH, { gap: block.tone === 'question' ? 2 : 6 });
    }
    case 'point':
      return pointRows(block);
    case 'bullets':
      return block.items.flatMap((item, index) => bulletRows(item, STYLES.item, PAGE.left, CONTENT_WIDTH, false, index === 0 ? 6 : 3));
    case 'model':
      return modelRows(block, paint);
    case 'noteGroup':
      return noteGroupRows(block);
    case 'pageBreak':
      return [{ height: 0, gap: 0, keep: false, newPage: true, draw() {} }];
  }
}
