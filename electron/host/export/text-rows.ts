import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE, type PdfSurface } from './pdf-surface';
import type { Tag } from './structure';
import { MUTED, RULE } from './styles';
import { drawLine, layoutText, lineHeight, startsRightToLeft, type TextStyle } from './text-layout';

export interface TextRowOptions {
  gap?: number;
  keepFirst?: boolean;
  /** Also drawn on the first line, e.g. a bullet or a badge: an artifact, never read out. */
  decorate?: (surface: PdfSurface, y: number) => void;
  /** Also drawn on the first line, as content of other tags (a point's rank and dots). */
  beside?: (surface: PdfSurface, y: number) => void;
}

/**
 * One row per line, each line content of `tag`. A paragraph of up to six lines stays together; a
 * longer one keeps at least two lines together at its start and end, so no page starts or ends
 * with a lonely line.
 */
export function textRows(text: string, style: TextStyle, x: number, width: number, tag: Tag, options: TextRowOptions = {}): Row[] {
  const lines = layoutText(text, style, width);
  const height = lineHeight(style);
  const count = lines.length;
  return lines.map((line, index) => ({
    height,
    gap: index === 0 ? (options.gap ?? 0) : 0,
    keep: index === 0 ? options.keepFirst === true : count <= 6 || index === 1 || index >= count - 2,
    draw(surface, y) {
      if (line.words.length > 0) surface.mark(tag, () => drawLine(surface, line, x, y, style, width));
      if (index > 0) return;
      const { decorate, beside } = options;
      if (decorate) surface.artifact(() => decorate(surface, y));
      beside?.(surface, y);
    },
  }));
}

/**
 * One item of the list `list` (an L tag), read as LI > LBody; the bullet is an artifact. A
 * right-to-left item has its bullet on the right, where its reading starts.
 */
export function bulletRows(text: string, style: TextStyle, x: number, width: number, list: Tag, keepFirst: boolean, gap = 3, bulletColor = MUTED): Row[] {
  const rtl = startsRightToLeft(text);
  return textRows(text, style, rtl ? x : x + 13, width - 13, list.add('LI').add('LBody'), {
    gap,
    keepFirst,
    decorate(surface, y) {
      surface.doc.save().circle(rtl ? x + width - 3.5 : x + 3.5, y + lineHeight(style) / 2, 1.8).fill(bulletColor).restore();
    },
  });
}

/** A line across the page: decoration only. */
export const rule = (gap: number, color = RULE): Row => ({
  height: 1,
  gap,
  keep: true,
  draw(surface, y) {
    surface.artifact(() => {
      surface.doc.save().moveTo(PAGE.left, y).lineTo(PAGE.left + CONTENT_WIDTH, y).lineWidth(0.75).strokeColor(color).stroke().restore();
    });
  },
});

