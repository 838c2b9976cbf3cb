import PDFDocument from 'pdfkit';
import type { Face } from './fonts';
import type { TextCanvas } from './text-layout';

/** A4 in points, and the margins every page keeps (the bottom one holds the page number). */
export const PAGE = { width: 595.28, height: 841.89, top: 56, bottom: 64, left: 56, right: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

export interface PdfInfo {
  title: string;
  subject: string;
  lang: string;
}

/** A pdfkit document plus the text drawing the layout needs; faces are embedded when first used. */
export class PdfSurface implements TextCanvas {
  readonly doc: PDFKit.PDFDocument;
  private readonly registered = new Set<string>();
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      // Page numbers ("3 van 12") are written once the last page exists.
      bufferPages: true,
      // No standard font: every glyph comes from the bundled faces (see fonts.ts).
      font: null as unknown as string,
      lang: info.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: info.title, Subject: info.subject, Author: 'Eiland', Creator: 'Eiland', Producer: 'Eiland (pdfkit)' },
    });
    this.finished = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  drawRun(face: Face, text: string, x: number, baseline: number, size: number, color: string): void {
    if (!this.registered.has(face.key)) {
      this.doc.registerFont(face.key, face.bytes);
      this.registered.add(face.key);
    }
    this.doc.font(face.key).fontSize(size).fillColor(color);
    // lineBreak false: pdfkit draws the run as glyphs at this spot and never wraps or adds a page.
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  addPage(): void {
    this.doc.addPage();
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  switchToPage(index: number): void {
    this.doc.switchToPage(index);
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Buffer> {
    this.doc.flushPages();
    this.doc.end();
    return this.finished;
  }
}
