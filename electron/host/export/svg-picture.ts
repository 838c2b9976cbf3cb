import SVGtoPDF from 'svg-to-pdfkit';
import { primaryFace } from './fonts';
import type { PdfSurface } from './pdf-surface';

/**
 * The facilitator's own SVG picture of the model, drawn as vectors into the report's figure (pdfkit
 * draws only PNG and JPEG itself). The picture may come from someone else's archive, so it is not
 * trusted: it may not reach a file, image or document of this computer (an image only as a PNG or
 * JPEG inside it), and its text is set in the report's own embedded face, never a system font.
 */
export function drawSvgPicture(surface: PdfSurface, svg: string, box: { x: number; y: number; width: number; height: number }): void {
  const fontKey = surface.fontKey(primaryFace('regular'));
  const doc = surface.doc;
  doc.save();
  try {
    drawSvg(doc, svg, box, fontKey);
  } catch {
    // A picture too deep or too odd to draw leaves the sides on the plain ground, as without one.
  }
  doc.restore();
}

function drawSvg(doc: PDFKit.PDFDocument, svg: string, box: { x: number; y: number; width: number; height: number }, fontKey: string): void {
  SVGtoPDF(doc, svg, box.x, box.y, {
    width: box.width,
    height: box.height,
    preserveAspectRatio: 'xMidYMid meet',
    assumePt: true,
    imageCallback: (link: string) => (/^data:image\/(png|jpeg);base64,/i.test(link.trim()) ? link.trim() : ''),
    fontCallback: () => fontKey,
    // What it cannot draw (a filter, an outside link) is left out without a word, as a browser does.
    warningCallback: () => {},
  });
}
