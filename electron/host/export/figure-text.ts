import type { FigureMeasure } from '../../../shared/geometry/print-blocks';
import { type Measure, REFERENCE_SIZE } from '../../../shared/geometry/text-fit';
import type { Weight } from './fonts';
import type { PdfSurface } from './pdf-surface';
import { drawLine, layoutText, spaceWidth, type TextStyle } from './text-layout';

/**
 * Text in the report's figure. The figure's layout (shared/geometry) wraps and fits words with a
 * Measure; here that Measure is the PDF's own (the bundled faces, fallbacks included), so what the
 * layout decided is exactly what is drawn. Each decided line is then drawn as one line.
 */

function measureWith(weight: Weight): Measure {
  const style: TextStyle = { size: REFERENCE_SIZE, weight, color: '#000000', leading: 1 };
  const space = spaceWidth(style);
  const known = new Map<string, number>();
  return (text) => {
    const cached = known.get(text);
    if (cached !== undefined) return cached;
    // Spaces count as the layout's spaces (layoutText drops them at a line's ends).
    const width = text.split(' ').reduce((sum, part, index) => sum + (index > 0 ? space : 0) + (part ? (layoutText(part, style, Number.POSITIVE_INFINITY)[0]?.width ?? 0) : 0), 0);
    if (known.size > 20_000) known.clear();
    known.set(text, width);
    return width;
  };
}

/** A measure per export: its caches live as long as one figure. */
export function pdfMeasure(): FigureMeasure {
  return { regular: measureWith('regular'), bold: measureWith('bold') };
}

export interface TextPlacement {
  /** Top left of the first line, in points. */
  x: number;
  y: number;
  /** Each line is set in a box this wide: a right-to-left line starts at its right edge. */
  width: number;
  size: number;
  leading: number;
  weight: Weight;
  color: string;
  /**
   * start: at the left, or for a right-to-left line at the right of the box (a note's words);
   * left: at the left whatever its direction (a title with its count after it); centre: centred.
   */
  align?: 'start' | 'left' | 'centre';
}

/** Draws lines the figure's layout already broke, one under the other. */
export function drawLines(surface: PdfSurface, lines: readonly string[], at: TextPlacement): void {
  const style: TextStyle = { size: at.size, weight: at.weight, color: at.color, leading: at.leading };
  lines.forEach((text, index) => {
    const line = layoutText(text, style, Number.POSITIVE_INFINITY)[0];
    if (!line || line.words.length === 0) return;
    const x = at.align === 'centre' ? at.x + (at.width - line.width) / 2 : at.x;
    // A box as wide as the line puts it at x whatever its direction.
    const width = at.align === 'centre' || at.align === 'left' ? line.width : at.width;
    drawLine(surface, line, x, at.y + index * at.size * at.leading, style, width);
  });
}
