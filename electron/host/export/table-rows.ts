import type { ReportBlock } from '../../../shared/report/types';
import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE } from './pdf-surface';
import type { Tag } from './structure';
import { RULE, STYLES, tint } from './styles';
import { drawLine, layoutText, lineHeight } from './text-layout';

const PAD = 4;

/**
 * A table of text (the actions of a session, the movement per theme): a Table tag with one header
 * row of TH (scope Column) and one TR of TD per row, so a screen reader reads each cell with its
 * column. The first column is wider unless the block gives each column its share; rules and the header's shading are artifacts.
 */
export function tableRows(block: Extract<ReportBlock, { kind: 'table' }>, parent: Tag): Row[] {
  const table = parent.add('Table');
  const count = block.columns.length;
  const first = count > 2 ? CONTENT_WIDTH * 0.34 : CONTENT_WIDTH / count;
  const rest = count > 1 ? (CONTENT_WIDTH - first) / (count - 1) : 0;
  const widths = block.shares?.map((share) => share * CONTENT_WIDTH) ?? block.columns.map((_, index) => (index === 0 ? first : rest));
  const lefts = widths.map((_, index) => PAGE.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const line = (cells: readonly string[], header: boolean, index: number): Row => {
    const tr = table.add('TR');
    const style = header ? STYLES.factLabel : STYLES.body;
    const tags = cells.map(() => tr.add(header ? 'TH' : 'TD', header ? { scope: 'Column' } : { keepEmpty: true }));
    const laid = cells.map((cell, column) => layoutText(cell, style, (widths[column] ?? rest) - 2 * PAD));
    const lh = lineHeight(style);
    const height = Math.max(1, ...laid.map((lines) => lines.length)) * lh + 2 * PAD;
    return {
      height,
      gap: index === 0 ? 8 : 0,
      // The header stays with the first row; a row never splits.
      keep: index === 1,
      draw(surface, y) {
        if (header) surface.artifact(() => surface.doc.save().rect(PAGE.left, y, CONTENT_WIDTH, height).fill(tint('#1d4e6b', 0.88)).restore());
        for (const [column, lines] of laid.entries()) {
          const tag = tags[column];
          if (!tag) continue;
          for (const [i, text] of lines.entries()) surface.mark(tag, () => drawLine(surface, text, (lefts[column] ?? PAGE.left) + PAD, y + PAD + i * lh, style, (widths[column] ?? rest) - 2 * PAD));
        }
        surface.artifact(() => {
          surface.doc.save().moveTo(PAGE.left, y + height).lineTo(PAGE.left + CONTENT_WIDTH, y + height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
        });
      },
    };
  };
  return [line(block.columns, true, 0), ...block.rows.map((cells, index) => line(cells, false, index + 1))];
}

const BAR_HEIGHT = 18;
const LABEL_WIDTH = 170;

/**
 * Stacked bars, one per theme, each part as wide as its count, the count printed in it: a Figure
 * with alternative text (the same counts in words), so nothing of it is lost to a screen reader.
 * A legend under the bars names each colour.
 */
export function statusBarRows(block: Extract<ReportBlock, { kind: 'statusBars' }>, parent: Tag): Row[] {
  const figure = parent.add('Figure', { alt: block.alt });
  const max = Math.max(1, ...block.bars.map((bar) => bar.segments.reduce((sum, part) => sum + part.count, 0)));
  const barWidth = CONTENT_WIDTH - LABEL_WIDTH - 8;
  // Room for a theme's name on two lines beside its bar.
  const rowHeight = Math.max(BAR_HEIGHT, 2 * lineHeight(STYLES.pointMeta)) + 8;
  const legend = block.bars[0]?.segments ?? [];
  const height = block.bars.length * rowHeight + 26;
  return [
    {
      height,
      gap: 14,
      keep: true,
      draw(surface, y) {
        figure.options.bbox = [PAGE.left, y, PAGE.left + CONTENT_WIDTH, y + height];
        surface.mark(figure, () => {
          const doc = surface.doc;
          for (const [index, bar] of block.bars.entries()) {
            const top = y + index * rowHeight;
            const label = layoutText(bar.label, STYLES.pointMeta, LABEL_WIDTH - 6);
            const shown = label.length > 2 ? layoutText(`${bar.label.slice(0, 60).trimEnd()}…`, STYLES.pointMeta, LABEL_WIDTH - 6).slice(0, 2) : label;
            const lh = lineHeight(STYLES.pointMeta);
            for (const [i, line] of shown.entries()) drawLine(surface, line, PAGE.left, top + (BAR_HEIGHT - shown.length * lh) / 2 + i * lh, STYLES.pointMeta, LABEL_WIDTH - 6);
            let x = PAGE.left + LABEL_WIDTH;
            for (const part of bar.segments) {
              if (part.count === 0) continue;
              const width = (part.count / max) * barWidth;
              doc.save().rect(x, top, width, BAR_HEIGHT).fill(part.color).restore();
              const number = layoutText(String(part.count), STYLES.badge, width)[0];
              if (number && number.width + 4 < width) drawLine(surface, number, x + (width - number.width) / 2, top + (BAR_HEIGHT - lineHeight(STYLES.badge)) / 2, STYLES.badge, number.width);
              x += width;
            }
          }
          let x = PAGE.left + LABEL_WIDTH;
          const top = y + block.bars.length * rowHeight + 6;
          for (const part of legend) {
            doc.save().rect(x, top + 3, 9, 9).fill(part.color).restore();
            const word = layoutText(part.label, STYLES.caption, 120)[0];
            if (word) drawLine(surface, word, x + 13, top, STYLES.caption, word.width);
            x += 13 + (word?.width ?? 0) + 16;
          }
        });
      },
    },
  ];
}
