/**
 * The logical structure of a tagged report: what a screen reader reads, in reading order. The rows
 * of a report make their tags while they are laid out (in block order, which is reading order);
 * drawing fills them with marked content; the tree is handed to pdfkit once every page is drawn.
 * Building it only then keeps the tree in block order whatever order a row draws its parts in,
 * and lets a tag that never received content (an empty paragraph) leave no empty element behind.
 */
export type StructRole = 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure';

export interface StructOptions {
  /** What a figure shows, said in words (required for a Figure in PDF/UA). */
  alt?: string;
  /** Whose header a TH is: its row's or its column's. */
  scope?: 'Row' | 'Column';
  /** A table cell keeps its place in the row even when it has nothing in it. */
  keepEmpty?: boolean;
  /** Where a figure lies on its page, in points from the top left: [left, top, right, bottom]. */
  bbox?: [number, number, number, number];
  /** The height of the page the figure is on (a landscape page is lower than the others). */
  bboxPageHeight?: number;
}

export class Tag {
  readonly children: Tag[] = [];
  /** Marked content drawn for this tag, in drawing order (filled by PdfSurface.mark). */
  readonly contents: PDFKit.PDFStructureContent[] = [];

  constructor(
    readonly role: StructRole,
    readonly options: StructOptions = {},
  ) {}

  add(role: StructRole, options: StructOptions = {}): Tag {
    const child = new Tag(role, options);
    this.children.push(child);
    return child;
  }
}

/** pdfkit 0.20 reads these options; its type definitions do not list them yet. */
interface ElementOptions extends PDFKit.Mixins.StructureElementOptions {
  scope?: 'Row' | 'Column';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

function element(doc: PDFKit.PDFDocument, tag: Tag): PDFKit.PDFStructureElement | null {
  const children = tag.children.map((child) => element(doc, child)).filter((child) => child !== null);
  if (children.length === 0 && tag.contents.length === 0 && tag.options.keepEmpty !== true) return null;
  const options: ElementOptions = {};
  if (tag.options.alt !== undefined) options.alt = tag.options.alt;
  if (tag.options.scope) options.scope = tag.options.scope;
  if (tag.options.bbox) {
    // pdfkit turns the box upside down against the page it is on when the tree is written (the
    // last page); a figure on a page of another height is shifted so it lands right on its own.
    const shift = doc.page.height - (tag.options.bboxPageHeight ?? doc.page.height);
    const [left, top, right, bottom] = tag.options.bbox;
    Object.assign(options, { bbox: [left, top + shift, right, bottom + shift], placement: 'Block' });
  }
  const made = doc.struct(tag.role, options);
  for (const content of tag.contents) made.add(content);
  for (const child of children) made.add(child);
  return made;
}

/** Hands the finished tree to pdfkit as the document's structure tree. */
export function writeStructure(doc: PDFKit.PDFDocument, root: Tag): void {
  const made = element(doc, root);
  if (!made) return;
  doc.addStructure(made);
  made.end();
}
