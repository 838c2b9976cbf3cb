import { type FigureLayout, layoutFigure } from '../../../shared/geometry/print-figure';
import { countOf, figureSides } from '../../../shared/report/model-figure';
import type { ModelFigure, ReportBlock } from '../../../shared/report/types';
import { drawBackdrop, drawLabels, drawPath, drawZones } from './figure-draw';
import { type FigureFrame, figureFrame } from './figure-frame';
import { keyRows } from './figure-key';
import { drawPieces } from './figure-pieces';
import { pdfMeasure } from './figure-text';
import type { Row } from './paginate';
import { CONTENT_WIDTH, LANDSCAPE, PAGE, type PdfSurface } from './pdf-surface';
import type { Tag } from './structure';
import { INK, STYLES } from './styles';
import { drawLine, layoutText, lineHeight } from './text-layout';
import { textRows } from './text-rows';

/**
 * The model in the report: a Figure (a screen reader reads its alternative text), its caption, and
 * the key to the notes it shows by number. The drawing has a landscape page of its own, with its
 * heading and caption, so it can be as large as the page allows; the key follows on portrait pages.
 */

type ModelBlock = Extract<ReportBlock, { kind: 'model' }>;

/** Makes the rows of the model block: the drawing from the session's data, or a picture of the canvas. */
export type ModelRows = (block: ModelBlock, parent: Tag) => Row[];

const LEGEND_HEIGHT = 24;
/** The landscape page's room for the drawing: the page less the heading above it, the legend and a two-line caption under it. */
export const DRAWING_HEIGHT = LANDSCAPE.contentBottom - PAGE.top - lineHeight(STYLES.h1) - 10 - LEGEND_HEIGHT - 4 - 2 * lineHeight(STYLES.caption) - 2;

export interface PlannedFigure {
  frame: FigureFrame;
  layout: FigureLayout;
}

/** Where everything in the drawing goes, for a drawing at most `width` × `height` points. */
export function planFigure(figure: ModelFigure, width: number = LANDSCAPE.contentWidth, height: number = DRAWING_HEIGHT): PlannedFigure {
  const measure = pdfMeasure();
  const { words } = figure;
  const frame = figureFrame({ template: figure.template, loopWords: words, measure, box: { x: PAGE.left, y: 0, width, height } });
  const layout = layoutFigure(figureSides(figure), {
    scale: frame.scale,
    measure,
    words: {
      notes: (count) => countOf(words.notes, count),
      loose: (count) => countOf(words.loose, count),
      side: (notes, themes) => words.sideCount.replace('{notes}', countOf(words.notes, notes)).replace('{themes}', countOf(words.themes, themes)),
    },
  });
  return { frame, layout };
}

function drawLegend(surface: PdfSurface, figure: ModelFigure, x: number, y: number, width: number): void {
  let cursor = x;
  for (const item of figure.legend) {
    const line = layoutText(`${item.name}: ${item.count}`, STYLES.caption, width)[0];
    if (!line) continue;
    if (cursor + 14 + line.width > x + width) break;
    surface.doc.save().rect(cursor, y + 3, 9, 9).fill(item.color).restore();
    drawLine(surface, line, cursor + 13, y, { ...STYLES.caption, color: INK }, line.width);
    cursor += 13 + line.width + 18;
  }
}

/** The model drawn from the session's data, laid out afresh for paper (shared/geometry/print-figure). */
export const drawnModelRows: ModelRows = (block, parent) => {
  const planned = planFigure(block.figure);
  const tag = parent.add('Figure', { alt: block.alt });
  const height = planned.frame.height + LEGEND_HEIGHT;
  const figureRow: Row = {
    height,
    gap: 10,
    keep: true,
    landscape: true,
    draw(surface, y) {
      const frame = { ...planned.frame, top: y };
      tag.options.bbox = [frame.left, y, frame.left + frame.width, y + frame.height];
      tag.options.bboxPageHeight = surface.pageSize.height;
      surface.mark(tag, () => {
        drawBackdrop(surface, frame);
        drawZones(surface, frame);
        drawPath(surface, frame);
        drawPieces(surface, frame, block.figure, planned.layout);
        drawLabels(surface, frame);
        drawLegend(surface, block.figure, PAGE.left, y + frame.height + 8, LANDSCAPE.contentWidth);
      });
    },
  };
  const caption = textRows(block.caption, STYLES.caption, PAGE.left, LANDSCAPE.contentWidth, parent.add('P'), { gap: 4, keepFirst: true });
  for (const row of caption) row.landscape = true;
  return [figureRow, ...caption, ...keyRows(block.figure, planned.layout, parent)];
};

/**
 * The same place in the report for a picture of the real canvas (PNG or JPEG from the renderer):
 * fitted into the box on a portrait page, the legend still drawn beneath.
 */
export function pictureModelRows(image: Buffer): ModelRows {
  return (block, parent) => {
    const height = CONTENT_WIDTH * 0.625 + 30;
    const tag = parent.add('Figure', { alt: block.alt });
    const figureRow: Row = {
      height,
      gap: 10,
      keep: true,
      draw(surface, y) {
        tag.options.bbox = [PAGE.left, y, PAGE.left + CONTENT_WIDTH, y + height];
        surface.mark(tag, () => {
          surface.doc.image(image, PAGE.left, y, { fit: [CONTENT_WIDTH, height - LEGEND_HEIGHT], align: 'center', valign: 'center' });
          drawLegend(surface, block.figure, PAGE.left, y + height - LEGEND_HEIGHT + 8, CONTENT_WIDTH);
        });
      },
    };
    return [figureRow, ...textRows(block.caption, STYLES.caption, PAGE.left, CONTENT_WIDTH, parent.add('P'), { gap: 4, keepFirst: true })];
  };
}
