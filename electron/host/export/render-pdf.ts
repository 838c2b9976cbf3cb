import type { ReportDocument } from '../../../shared/report/types';
import { type ModelPainter, reportRows } from './block-rows';
import { drawModelFigure, pictureModelPainter } from './model-figure';
import { type Placement, paginate } from './paginate';
import { CONTENT_WIDTH, PAGE, PdfSurface } from './pdf-surface';
import { STYLES } from './styles';
import { drawLine, layoutText } from './text-layout';

export interface RenderOptions {
  /** A picture of the real canvas (PNG or JPEG); without it the model is drawn from its data. */
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
  const y = PAGE.height - PAGE.bottom + 22;
  for (let index = 0; index < pages; index += 1) {
    surface.switchToPage(index);
    const label = report.pageLabel.replace('{page}', String(index + 1)).replace('{pages}', String(pages));
    const number = layoutText(label, STYLES.footer, 120)[0];
    // The title page says it all already; the others say which report they belong to.
    const footer = index > 0 && report.footer ? layoutText(report.footer, STYLES.footer, CONTENT_WIDTH - 140)[0] : undefined;
    // Page furniture: a screen reader skips it, as it skips a printed page's running footer.
    surface.artifact(() => {
      if (number) drawLine(surface, number, PAGE.left + CONTENT_WIDTH - number.width, y, STYLES.footer, number.width);
      if (footer) drawLine(surface, footer, PAGE.left, y, STYLES.footer, CONTENT_WIDTH - 140);
    }, 'Pagination');
  }
}

/**
 * Lays out and draws a report model (shared/report) as an A4 PDF with page numbers: tagged, in
 * the report's language, with its structure tree in reading order (PDF/UA-1).
 */
export async function renderPdf(report: ReportDocument, options: RenderOptions = {}): Promise<RenderedPdf> {
  const surface = new PdfSurface({ title: report.title, subject: report.subject, lang: report.locale === 'nl' ? 'nl-NL' : 'en-GB' });
  const painter: ModelPainter = options.modelPicture ? pictureModelPainter(options.modelPicture) : drawModelFigure;
  const onRows = options.onProgress && ((done: number, total: number) => options.onProgress?.('pages', done, total));
  const placements = paginate(surface, reportRows(report.blocks, painter, surface.root), onRows);
  const pages = surface.pageCount;
  drawFooters(surface, report);
  options.onProgress?.('saving', 0, 0);
  return { pdf: await surface.finish(), pages, placements };
}
