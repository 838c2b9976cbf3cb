import type { ReportBlock } from '../../../shared/report/types';
import type { ModelRows } from './model-figure';
import type { Row } from './paginate';
import { CONTENT_WIDTH, PAGE } from './pdf-surface';
import { pointRows } from './point-rows';
import type { Tag } from './structure';
import { INK, RULE, STYLES, tint } from './styles';
import { drawLine, layoutText, lineHeight } from './text-layout';
import { bulletRows, rule, textRows } from './text-rows';
import { statusBarRows, tableRows } from './table-rows';

function headingRows(block: Extract<ReportBlock, { kind: 'heading' }>, parent: Tag): Row[] {
  const style = block.level === 1 ? STYLES.h1 : block.level === 2 ? STYLES.h2 : STYLES.h3;
  const gap = block.level === 1 ? 22 : block.level === 2 ? 16 : 10;
  const rows = textRows(block.text, style, PAGE.left, CONTENT_WIDTH, parent.add(`H${block.level}`), {
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

/** The facts under the title, as a table whose rows each have their label as header. */
function factRows(rows: { label: string; value: string }[], parent: Tag): Row[] {
  const table = parent.add('Table');
  const labelWidth = 150;
  const valueWidth = CONTENT_WIDTH - labelWidth - 12;
  return rows.map((fact, index) => {
    const tr = table.add('TR');
    const th = tr.add('TH', { scope: 'Row' });
    const td = tr.add('TD', { keepEmpty: true });
    const label = layoutText(fact.label, STYLES.factLabel, labelWidth);
    const value = layoutText(fact.value, STYLES.body, valueWidth);
    const lh = lineHeight(STYLES.body);
    const height = Math.max(label.length, value.length) * lh + 8;
    return {
      height,
      gap: index === 0 ? 18 : 0,
      keep: index > 0,
      draw(surface, y) {
        for (const [i, line] of label.entries()) surface.mark(th, () => drawLine(surface, line, PAGE.left, y + 4 + i * lh, STYLES.factLabel, labelWidth));
        for (const [i, line] of value.entries()) surface.mark(td, () => drawLine(surface, line, PAGE.left + labelWidth + 12, y + 4 + i * lh, STYLES.body, valueWidth));
        surface.artifact(() => {
          surface.doc.save().moveTo(PAGE.left, y + height).lineTo(PAGE.left + CONTENT_WIDTH, y + height).lineWidth(0.5).strokeColor(RULE).stroke().restore();
        });
      },
    } satisfies Row;
  });
}

/** A cluster's notes under its title; the title is a heading one level below the section's. */
function noteGroupRows(block: Extract<ReportBlock, { kind: 'noteGroup' }>, parent: Tag, level: 1 | 2 | 3): Row[] {
  const rows = textRows(block.title, STYLES.groupTitle, PAGE.left + 14, CONTENT_WIDTH - 14, parent.add(`H${level}`), {
    gap: 12,
    decorate(surface, y) {
      surface.doc.save().roundedRect(PAGE.left, y + 3, 8, lineHeight(STYLES.groupTitle) - 6, 1.5).fill(block.color).restore();
    },
  });
  for (const row of rows.slice(1)) row.keep = true;
  const list = parent.add('L');
  for (const [index, note] of block.notes.entries()) {
    rows.push(...bulletRows(note, STYLES.note, PAGE.left + 14, CONTENT_WIDTH - 14, list, index === 0, 3, tint(block.color, 0.1)));
  }
  return rows;
}

function titleRows(block: Extract<ReportBlock, { kind: 'title' }>, parent: Tag): Row[] {
  const spacer: Row = { height: 110, gap: 0, keep: false, draw() {} };
  const eyebrow = textRows(block.eyebrow.toLocaleUpperCase(), STYLES.eyebrow, PAGE.left, CONTENT_WIDTH, parent.add('P'), { keepFirst: true });
  const title = textRows(block.text, STYLES.title, PAGE.left, CONTENT_WIDTH, parent.add('H1'), { gap: 8, keepFirst: true });
  const subtitle = block.subtitle ? textRows(block.subtitle, STYLES.subtitle, PAGE.left, CONTENT_WIDTH, parent.add('P'), { gap: 6, keepFirst: true }) : [];
  for (const row of [...title, ...subtitle]) row.keep = true;
  return [spacer, ...eyebrow, ...title, ...subtitle, rule(16, INK)];
}

/**
 * Where the blocks' tags go while their rows are made: the report's title is the first H1;
 * consecutive points share one table; a cluster's title ranks below the last heading.
 */
interface StructureCursor {
  root: Tag;
  table: Tag | null;
  headingLevel: 1 | 2 | 3;
}

/**
 * Blocks that only lead into what a heading heads (a side's question, "Punten met de meeste
 * stippen staan bovenaan", "genoemd door 3 groepen"): a heading keeps them and also the first
 * lines of the block after them, so it never ends a page with nothing of its own below it.
 */
const leadsIn = (block: ReportBlock) => block.kind === 'heading' || (block.kind === 'paragraph' && block.tone !== 'body');

/**
 * The rows of every block in order, their tags added to `root` in the same order (reading order);
 * a heading is kept with its lead-in and the first rows of what it heads.
 */
export function reportRows(blocks: readonly ReportBlock[], modelRows: ModelRows, root: Tag): Row[] {
  const rows: Row[] = [];
  const cursor: StructureCursor = { root, table: null, headingLevel: 1 };
  let heading: Row[] = [];
  for (const block of blocks) {
    const blockRows = rowsOf(block, modelRows, cursor);
    const first = blockRows[0];
    if (first && heading.length > 0 && !first.newPage) {
      first.keep = true;
      // A heading goes on the page of what it heads: the model's landscape page too.
      if (first.landscape) for (const row of heading) row.landscape = true;
    }
    if (block.kind === 'heading') heading = [...(heading.length > 0 && !first?.newPage ? heading : []), ...blockRows];
    else heading = heading.length > 0 && leadsIn(block) ? [...heading, ...blockRows] : [];
    rows.push(...blockRows);
  }
  return rows;
}

function rowsOf(block: ReportBlock, modelRows: ModelRows, cursor: StructureCursor): Row[] {
  const { root } = cursor;
  if (block.kind !== 'point') cursor.table = null;
  switch (block.kind) {
    case 'title':
      return titleRows(block, root);
    case 'facts':
      return factRows(block.rows, root);
    case 'heading':
      cursor.headingLevel = block.level;
      return headingRows(block, root);
    case 'paragraph': {
      const style = block.tone === 'body' ? STYLES.body : STYLES.muted;
      return textRows(block.text, style, PAGE.left, CONTENT_WIDTH, root.add('P'), { gap: block.tone === 'question' ? 2 : 6 });
    }
    case 'leadText':
      return block.paragraphs.flatMap((paragraph) => textRows(paragraph, STYLES.body, PAGE.left, CONTENT_WIDTH, root.add('P'), { gap: 6 }));
    case 'point':
      cursor.table ??= root.add('Table');
      return pointRows(block, cursor.table);
    case 'bullets': {
      const list = root.add('L');
      return block.items.flatMap((item, index) => bulletRows(item, STYLES.item, PAGE.left, CONTENT_WIDTH, list, false, index === 0 ? 6 : 3));
    }
    case 'model':
      return modelRows(block, root);
    case 'noteGroup':
      return noteGroupRows(block, root, Math.min(cursor.headingLevel + 1, 3) as 2 | 3);
    case 'table':
      return tableRows(block, root);
    case 'statusBars':
      return statusBarRows(block, root);
    case 'pageBreak':
      return [{ height: 0, gap: 0, keep: false, newPage: true, draw() {} }];
  }
}
