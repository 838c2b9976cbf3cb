import PDFDocument from 'pdfkit';
import type { Face } from './fonts';
import { Tag, writeStructure } from './structure';
import type { TextCanvas } from './text-layout';

/** A4 in points, and the margins every page keeps (the bottom one holds the page number). */
export const PAGE = { width: 595.28, height: 841.89, top: 56, bottom: 64, left: 56, right: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

export type Orientation = 'portrait' | 'landscape';

/** A4 turned a quarter, same margins: the model's page, where its figure can be half as large again. */
export const LANDSCAPE = {
  width: PAGE.height,
  height: PAGE.width,
  contentWidth: PAGE.height - PAGE.left - PAGE.right,
  contentBottom: PAGE.width - PAGE.bottom,
} as const;

export interface PdfInfo {
  title: string;
  subject: string;
  lang: string;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);

/** What pdfkit uses to write the XMP metadata; not in its type definitions. */
interface MetadataWriter {
  info: Record<string, unknown>;
  endMetadata(): void;
}

/**
 * A pdfkit document plus the text drawing the layout needs; faces are embedded when first used.
 * The document is tagged and claims PDF/UA-1: everything drawn is either content of a structure
 * tag (`mark`) or an artifact (`artifact`), never neither; drawing text outside both throws.
 */
export class PdfSurface implements TextCanvas {
  readonly doc: PDFKit.PDFDocument;
  /** The root of the structure tree; the report's rows add their tags to it in reading order. */
  readonly root = new Tag('Document');
  private readonly registered = new Set<string>();
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;
  private marking: 'content' | 'artifact' | null = null;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      // Page numbers ("3 van 12") are written once the last page exists.
      bufferPages: true,
      // No standard font: every glyph comes from the bundled faces (see fonts.ts).
      font: null as unknown as string,
      lang: info.lang,
      tagged: true,
      // pdfkit 0.20 knows PDF/UA (the XMP claim pdfuaid:part 1); its type definitions do not yet.
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: info.title, Subject: info.subject, Author: 'Eiland', Creator: 'Eiland', Producer: 'Eiland (pdfkit)' },
    });
    this.escapeMetadata();
    this.finished = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /**
   * pdfkit copies the title and subject into the XMP metadata as they are; a session called
   * "Wij & zij" would make that XML invalid. Escaped there only: the info dictionary keeps them.
   */
  private escapeMetadata(): void {
    const writer = this.doc as unknown as MetadataWriter;
    const endMetadata = writer.endMetadata.bind(writer);
    writer.endMetadata = () => {
      const info = writer.info;
      writer.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]));
      try {
        endMetadata();
      } finally {
        writer.info = info;
      }
    };
  }

  /** Draws content that belongs to a structure tag (a heading's line, a cell's text, a figure). */
  mark(tag: Tag, draw: () => void): void {
    this.open('content');
    const content = this.doc.markStructureContent(tag.role);
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
      this.marking = null;
    }
    tag.contents.push(content);
  }

  /** Draws what only decorates (rules, bullets, badges, colour bars) or paginates (page numbers). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.open('artifact');
    this.doc.markContent('Artifact', { type });
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
      this.marking = null;
    }
  }

  /** Marked content cannot nest here: pdfkit would close the outer sequence without telling. */
  private open(kind: 'content' | 'artifact'): void {
    if (this.marking) throw new Error(`PDF: ${kind} inside ${this.marking}: marked content cannot nest`);
    this.marking = kind;
  }

  drawRun(face: Face, text: string, x: number, baseline: number, size: number, color: string): void {
    if (!this.marking) throw new Error(`PDF: text outside a structure tag or artifact: ${text.slice(0, 40)}`);
    this.doc.font(this.fontKey(face)).fontSize(size).fillColor(color);
    // lineBreak false: pdfkit draws the run as glyphs at this spot and never wraps or adds a page.
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  /** The name a bundled face is drawn under in this document, registered (embedded) on first use. */
  fontKey(face: Face): string {
    if (!this.registered.has(face.key)) {
      this.doc.registerFont(face.key, face.bytes);
      this.registered.add(face.key);
    }
    return face.key;
  }

  addPage(orientation: Orientation = 'portrait'): void {
    this.doc.addPage({ size: 'A4', layout: orientation, margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } });
  }

  /** The size of the page being drawn on. */
  get pageSize(): { width: number; height: number } {
    return { width: this.doc.page.width, height: this.doc.page.height };
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  switchToPage(index: number): void {
    this.doc.switchToPage(index);
  }

  /** Ends the document and returns its bytes. */
  finish(): Promise<Buffer> {
    writeStructure(this.doc, this.root);
    this.doc.flushPages();
    this.doc.end();
    return this.finished;
  }
}
