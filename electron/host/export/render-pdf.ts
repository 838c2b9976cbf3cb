import type { ReportDocument } from '../../../shared/report/types';
import { reportRows } from './block-rows';
import { drawnModelRows, pictureModelRows } from './model-figure';
import { type Placement, paginate } from './paginate';
import { PAGE, PdfSurface } from './pdf-surface';
import { STYLES } from './styles';
import { drawLine, layoutText } from './text-layout';

export interface RenderOptions {
  /** A picture of the real canvas (PNG or JPEG); without it the model is drawn from its data (model-figure.ts). */
  modelPicture?: Buffer;
  /** Called while the rows are drawn (done of total rows) and once more before the file is made. */
  onProgress?: (stage: 'pages' | 'saving', done: number, total: number) => void;
}

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** Where every row landed: used by tests to prove nothing crosses a page's bottom margin. */
  placements: Placement[];
}

function drawFooters(surface: PdfSurface, report: ReportDocument): void {
  const pages = surface.pageCount;
  for (let index = 0; index < pages; index += 1) {
    surface.switchToPage(index);
    // Each page's own size: the model's page lies on its side.
    const { width, height } = surface.pageSize;
    const contentWidth = width - PAGE.left - PAGE.right;
    const y = height - PAGE.bottom + 22;
    const label = report.pageLabel.replace('{page}', String(index + 1)).replace('{pages}', String(pages));
    const number = layoutText(label, STYLES.footer, 120)[0];
    // The title page says it all already; the others say which report they belong to.
    const footer = index > 0 && report.footer ? layoutText(report.footer, STYLES.footer, contentWidth - 140)[0] : undefined;
    // Page furniture: a screen reader skips it, as it skips a printed page's running footer.
    surface.artifact(() => {
      if (number) drawLine(surface, number, PAGE.left + contentWidth - number.width, y, STYLES.footer, number.width);
      if (footer) drawLine(surface, footer, PAGE.left, y, STYLES.footer, contentWidth - 140);
    }, 'Pagination');
  }
}

/**
 * Lays out and draws a report model (shared/report) as an A4 PDF with page numbers: tagged, in
 * the report's language, with its structure tree in reading order (PDF/UA-1).
 */
export async function renderPdf(report: ReportDocument, options: RenderOptions = {}): Promise<RenderedPdf> {
  const surface = new PdfSurface({ title: report.title, subject: report.subject, lang: report.locale === 'nl' ? 'nl-NL' : 'en-GB' });
  const modelRows = options.modelPicture ? pictureModelRows(options.modelPicture) : drawnModelRows;
  const onRows = options.onProgress && ((done: number, total: number) => options.onProgress?.('pages', done, total));
  const placements = paginate(surface, reportRows(report.blocks, modelRows, surface.root), onRows);
  const pages = surface.pageCount;
  drawFooters(surface, report);
  options.onProgress?.('saving', 0, 0);
  return { pdf: await surface.finish(), pages, placements };
}
