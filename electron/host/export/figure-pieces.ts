import type { Id } from '../../../shared/domain';
import { NOTE_TEXT } from '../../../shared/geometry/model';
import type { FigureLayout, LaidNote, PrintedText } from '../../../shared/geometry/print-figure';
import type { ModelFigure } from '../../../shared/report/types';
import { type FigureFrame, toPage } from './figure-frame';
import { drawLines } from './figure-text';
import type { Weight } from './fonts';
import type { PdfSurface } from './pdf-surface';
import { INK, MUTED, shade, tint } from './styles';

/**
 * What the group put on the model, as the figure's layout placed it (shared/geometry/print-figure):
 * clusters as soft regions with their title and count, notes as paper notes with their words or
 * their number, and a side's count where it shows no more than that.
 */

const DASH = { length: 2.5, space: 1.8 } as const;

function drawText(surface: PdfSurface, frame: FigureFrame, text: PrintedText, weight: Weight, color: string): void {
  const at = toPage(frame);
  // Left aligned in every direction: the layout puts a cluster's count right after its title's last line.
  drawLines(surface, text.lines, { x: at.x(text.x), y: at.y(text.y), width: text.width * frame.scale, size: text.size * frame.scale, leading: text.leading, weight, color, align: 'left' });
}

function drawNote(surface: PdfSurface, frame: FigureFrame, note: LaidNote, paper: string, band: string): void {
  const at = toPage(frame);
  const doc = surface.doc;
  const x = at.x(note.box.x);
  const y = at.y(note.box.y);
  const width = note.box.width * frame.scale;
  const height = note.box.height * frame.scale;
  const radius = Math.min(2, NOTE_TEXT.radius * frame.scale * (note.box.width / 176));
  doc.save().roundedRect(x, y, width, height, radius).fill(paper).restore();
  // The band in the side's colour, as on the canvas: its side at a glance, also in grey.
  doc
    .save()
    .rect(x, y, width, Math.max(0.8, note.band * frame.scale))
    .fill(band)
    .restore();
  doc.save().roundedRect(x, y, width, height, radius).lineWidth(0.4).strokeColor(shade(band, 0.2)).stroke().restore();
  if (note.text) {
    const { fit, box } = note.text;
    drawLines(surface, fit.lines, { x: at.x(box.x), y: at.y(box.y), width: box.width * frame.scale, size: fit.size * frame.scale, leading: NOTE_TEXT.lineHeight, weight: 'regular', color: INK });
  }
  if (note.number) {
    const size = note.number.size * frame.scale;
    const top = y + note.band * frame.scale;
    drawLines(surface, [String(note.number.value)], { x, y: top + (height - note.band * frame.scale - size * 1.2) / 2, width, size, leading: 1.2, weight: 'bold', color: INK, align: 'centre' });
  }
}

export function drawPieces(surface: PdfSurface, frame: FigureFrame, figure: ModelFigure, layout: FigureLayout): void {
  const at = toPage(frame);
  const doc = surface.doc;
  const zoneColor = new Map<Id, string>(figure.template.zones.map((zone) => [zone.id, zone.color]));
  const noteColor = new Map<Id, string>(figure.notes.map((note) => [note.id, note.color]));
  for (const side of layout.sides) {
    const color = zoneColor.get(side.zoneId) ?? MUTED;
    for (const cluster of side.clusters) {
      const { box } = cluster;
      doc
        .save()
        .roundedRect(at.x(box.x), at.y(box.y), box.width * frame.scale, box.height * frame.scale, 4)
        .fill(tint(color, 0.88))
        .restore();
      doc
        .save()
        .roundedRect(at.x(box.x), at.y(box.y), box.width * frame.scale, box.height * frame.scale, 4)
        .lineWidth(0.8)
        .dash(DASH.length, { space: DASH.space })
        .strokeColor(shade(color, 0.15))
        .stroke()
        .undash()
        .restore();
      drawText(surface, frame, cluster.title, 'bold', INK);
      drawText(surface, frame, cluster.count, 'regular', MUTED);
    }
    for (const note of side.notes) drawNote(surface, frame, note, tint(noteColor.get(note.id) ?? color, 0.74), color);
    if (side.tally) {
      const { box } = side.tally;
      doc
        .save()
        .roundedRect(at.x(box.x), at.y(box.y), box.width * frame.scale, box.height * frame.scale, 3)
        .fillOpacity(0.85)
        .fill('#ffffff')
        .restore();
      drawText(surface, frame, side.tally.text, 'regular', INK);
    }
  }
}
