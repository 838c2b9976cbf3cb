import { HeadingLevel, Paragraph, type Table, TableRow } from 'docx';
import type { Translate } from '../../../shared/report/format';
import type { PointBlock, ReportBlock } from '../../../shared/report/types';
import { CHOSEN, cell, columnWidths, headerRow, MUTED, paragraph, wordColor, wordTable } from './docx-text';

/**
 * The report model's blocks (shared/report) as Word content: the same headings as the PDF, as
 * Word's own Heading 1–3 (the report's title is the first Heading 1, a cluster's title one level
 * below its section, as the PDF's tags have them); lists as Word lists; the points and every
 * table as Word tables with a header row. So the lead can edit it as any memo.
 */
export type DocxContent = Paragraph | Table;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function table(columns: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  return wordTable(widths, [
    headerRow(columns, widths),
    ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, index) => cell([paragraph(text)], widths[index] ?? 0)) })),
  ]);
}

/** Place, point (with its labels), dots: as the PDF's points table. */
const POINT_SHARES = [0.12, 0.68, 0.2];

/**
 * A run of points as one table; after it, each point's ingredients under its theme's name (or its
 * title), "Dit zijn de ingrediënten" and the list, as the memo has them.
 */
function pointsTable(points: readonly PointBlock[], t: Translate): DocxContent[] {
  const widths = columnWidths(3, POINT_SHARES);
  const rows = points.map((point) => {
    const labels = [point.chosenLabel, point.themeLabel].filter((label): label is string => label !== null);
    const titleCell = [
      paragraph(point.title, { run: { bold: true } }),
      ...labels.map((label) => paragraph(label, { run: { italics: true, color: label === point.chosenLabel ? CHOSEN : MUTED, size: 18 } })),
    ];
    return new TableRow({
      cantSplit: true,
      children: [cell([paragraph(String(point.rank))], widths[0] ?? 0), cell(titleCell, widths[1] ?? 0), cell([paragraph(point.dotsLabel)], widths[2] ?? 0)],
    });
  });
  const content: DocxContent[] = [
    wordTable(widths, [headerRow([t('report.ranking.place'), t('report.ranking.point'), t('report.ranking.dots')], widths), ...rows]),
  ];
  for (const point of points) {
    if (!point.ingredientsHeading) continue;
    content.push(paragraph(point.ingredientsTheme ?? point.title, { run: { bold: true, allCaps: true }, keepNext: true, spacingBefore: 200 }));
    content.push(paragraph(point.ingredientsHeading, { run: { italics: true }, keepNext: true }));
    for (const ingredient of point.ingredients) content.push(paragraph(ingredient, { bullet: true }));
  }
  return content;
}

interface Cursor {
  headingLevel: 1 | 2 | 3;
}

function blockContent(block: Exclude<ReportBlock, PointBlock>, t: Translate, cursor: Cursor): DocxContent[] {
  switch (block.kind) {
    case 'title':
      return [
        paragraph(block.eyebrow.toLocaleUpperCase(), { run: { bold: true, color: MUTED, size: 22 }, keepNext: true }),
        paragraph(block.text, { heading: HEADINGS[1], run: { size: 52 } }),
        ...(block.subtitle ? [paragraph(block.subtitle, { run: { color: MUTED, size: 28 }, spacingAfter: 240 })] : []),
      ];
    case 'facts': {
      const widths = columnWidths(2, [0.3, 0.7]);
      return [
        wordTable(
          widths,
          block.rows.map(
            (fact) => new TableRow({ cantSplit: true, children: [cell([paragraph(fact.label, { run: { bold: true } })], widths[0] ?? 0), cell([paragraph(fact.value)], widths[1] ?? 0)] }),
          ),
        ),
        new Paragraph({}),
      ];
    }
    case 'heading':
      cursor.headingLevel = block.level;
      return [paragraph(block.text, { heading: HEADINGS[block.level], pageBreakBefore: block.newPage, bar: block.color, keepNext: true })];
    case 'paragraph':
      return [paragraph(block.text, block.tone === 'body' ? {} : { run: block.tone === 'question' ? { italics: true } : { color: MUTED }, keepNext: true })];
    case 'leadText':
      // The programme lead's own words (the introduction, a theme's synthesis): plain paragraphs to go on editing.
      return block.paragraphs.map((text) => paragraph(text));
    case 'bullets':
      return block.items.map((item) => paragraph(item, { bullet: true }));
    case 'model':
      // The drawing is the PDF's; the Word file says in words what it shows, to edit or replace.
      return [paragraph(t('report.docx.modelPlaceholder'), { run: { color: MUTED } }), paragraph(block.alt), paragraph(block.caption, { run: { color: MUTED, italics: true } })];
    case 'noteGroup': {
      const level = Math.min(cursor.headingLevel + 1, 3) as 2 | 3;
      const title = paragraph(block.title, { heading: HEADINGS[level], bar: wordColor(block.color), keepNext: true });
      return [title, ...block.notes.map((note) => paragraph(note, { bullet: true }))];
    }
    case 'table':
      return [table(block.columns, block.rows, columnWidths(block.columns.length, block.shares)), new Paragraph({})];
    case 'statusBars':
      return block.bars.map((bar) => paragraph(`${bar.label}: ${bar.segments.map((segment) => `${segment.label} ${segment.count}`).join(', ')}`, { bullet: true }));
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true })];
  }
}

/** Every block in order; consecutive points share one table, as in the PDF. */
export function docxContent(blocks: readonly ReportBlock[], t: Translate): DocxContent[] {
  const content: DocxContent[] = [];
  const cursor: Cursor = { headingLevel: 1 };
  let points: PointBlock[] = [];
  const flush = () => {
    if (points.length > 0) content.push(...pointsTable(points, t));
    points = [];
  };
  for (const block of blocks) {
    if (block.kind === 'point') {
      points.push(block);
      continue;
    }
    flush();
    content.push(...blockContent(block, t, cursor));
  }
  flush();
  return content;
}
