import { Document, Footer, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import { translator } from '../../../shared/report/format';
import type { ReportDocument } from '../../../shared/report/types';
import { docxContent } from './docx-blocks';
import { CONTENT_WIDTH, MARGIN, MUTED, PAGE_HEIGHT, PAGE_WIDTH, xmlSafe } from './docx-text';

export interface RenderedDocx {
  docx: Buffer;
}

const INK = '1D1D1B';
/** A sans-serif every Word has (LibreOffice uses its metric twin, Carlito), as the PDF is set in a sans-serif. */
const BODY_FONT = 'Calibri';

/** "Pagina {page} van {pages}" with Word's own page fields, so the numbers stay right after editing. */
function pageLabel(label: string): (string | (typeof PageNumber)[keyof typeof PageNumber])[] {
  return xmlSafe(label)
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? PageNumber.CURRENT : part === '{pages}' ? PageNumber.TOTAL_PAGES : part));
}

function footer(report: ReportDocument): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [
          new TextRun({ text: xmlSafe(report.footer), color: MUTED, size: 16 }),
          new TextRun({ children: ['\t', ...pageLabel(report.pageLabel)], color: MUTED, size: 16 }),
        ],
      }),
    ],
  });
}

const heading = (size: number, before: number) => ({
  run: { size, bold: true, color: INK },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/**
 * A report model (shared/report) as an editable Word document (.docx): the same blocks as the PDF
 * (render-pdf.ts) in Word's own headings, lists and tables, in the report's language, A4 with the
 * PDF's margins and a footer with the page number. Word and LibreOffice open it as any memo.
 */
export async function renderDocx(report: ReportDocument): Promise<RenderedDocx> {
  const lang = report.locale === 'nl' ? 'nl-NL' : 'en-GB';
  const document = new Document({
    title: xmlSafe(report.title),
    subject: xmlSafe(report.subject),
    creator: 'Eiland',
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21, language: { value: lang }, color: INK }, paragraph: { spacing: { after: 100, line: 276 } } },
        heading1: heading(34, 360),
        heading2: heading(26, 280),
        heading3: heading(22, 200),
        listParagraph: { paragraph: { spacing: { after: 40 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: footer(report) },
        children: docxContent(report.blocks, translator(report.locale)),
      },
    ],
  });
  return { docx: await Packer.toBuffer(document) };
}
