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
import { drawLine, layoutText, type Line as TextLine, lineHeight } from './text-layout';
import { textRows } from './text-rows';

/**
 * The model in the report: a Figure (a screen reader reads its alternative text), its caption, and
 * the key to the notes it shows by number. The drawing has a landscape page of its own, with its
 * heading and caption, so it can be as large as the page allows; the key follows on portrait pages.
 */

type ModelBlock = Extract<ReportBlock, { kind: 'model' }>;

/** Makes the rows of the model block: the drawing from the session's data, or a picture of the canvas. */
export type ModelRows = (block: ModelBlock, parent: Tag) => Row[];

/** The legend's first line with the room above it; each further line adds LEGEND_LINE. */
const LEGEND_HEIGHT = 24;
const LEGEND_LINE = lineHeight(STYLES.caption) + 4;
/** The landscape page's room for the drawing: the page less the heading above it, the legend and a two-line caption under it. */
export const DRAWING_HEIGHT = LANDSCAPE.contentBottom - PAGE.top - lineHeight(STYLES.h1) - 10 - LEGEND_HEIGHT - 4 - 2 * lineHeight(STYLES.caption) - 2;

export interface PlannedFigure {
  frame: FigureFrame;
  layout: FigureLayout;
}

interface LegendLayout {
  items: { color: string; line: TextLine; x: number; dy: number }[];
  height: number;
}

/**
 * Each zone's colour, name and count under the drawing, in lines as wide as `width`: with themes
 * beside the sides a model can have twelve zones, and none may be left out of the legend.
 */
function legendLayout(figure: ModelFigure, x: number, width: number): LegendLayout {
  const items: LegendLayout['items'] = [];
  let cursor = x;
  let dy = 0;
  for (const item of figure.legend) {
    const line = layoutText(`${item.name}: ${item.count}`, STYLES.caption, width - 13)[0];
    if (!line) continue;
    if (cursor > x && cursor + 13 + line.width > x + width) {
      cursor = x;
      dy += LEGEND_LINE;
    }
    items.push({ color: item.color, line, x: cursor, dy });
    cursor += 13 + line.width + 18;
  }
  return { items, height: LEGEND_HEIGHT + dy };
}

/** Where everything in the drawing goes, for a drawing at most `width` × `height` points (less what a legend of more lines needs). */
export function planFigure(figure: ModelFigure, width: number = LANDSCAPE.contentWidth, height: number = DRAWING_HEIGHT): PlannedFigure {
  const drawingHeight = height - (legendLayout(figure, PAGE.left, width).height - LEGEND_HEIGHT);
  const measure = pdfMeasure();
  const { words } = figure;
  const frame = figureFrame({ template: figure.template, loopWords: words, measure, box: { x: PAGE.left, y: 0, width, height: drawingHeight } });
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

function drawLegend(surface: PdfSurface, legend: LegendLayout, y: number): void {
  for (const { color, line, x, dy } of legend.items) {
    surface.doc.save().rect(x, y + dy + 3, 9, 9).fill(color).restore();
    drawLine(surface, line, x + 13, y + dy, { ...STYLES.caption, color: INK }, line.width);
  }
}

/** The model drawn from the session's data, laid out afresh for paper (shared/geometry/print-figure). */
export const drawnModelRows: ModelRows = (block, parent) => {
  const planned = planFigure(block.figure);
  const legend = legendLayout(block.figure, PAGE.left, LANDSCAPE.contentWidth);
  const tag = parent.add('Figure', { alt: block.alt });
  const height = planned.frame.height + legend.height;
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
        drawLegend(surface, legend, y + frame.height + 8);
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
    const legend = legendLayout(block.figure, PAGE.left, CONTENT_WIDTH);
    const tag = parent.add('Figure', { alt: block.alt });
    const figureRow: Row = {
      height,
      gap: 10,
      keep: true,
      draw(surface, y) {
        tag.options.bbox = [PAGE.left, y, PAGE.left + CONTENT_WIDTH, y + height];
        surface.mark(tag, () => {
          surface.doc.image(image, PAGE.left, y, { fit: [CONTENT_WIDTH, height - legend.height], align: 'center', valign: 'center' });
          drawLegend(surface, legend, y + height - legend.height + 8);
        });
      },
    };
    return [figureRow, ...textRows(block.caption, STYLES.caption, PAGE.left, CONTENT_WIDTH, parent.add('P'), { gap: 4, keepFirst: true })];
  };
}
