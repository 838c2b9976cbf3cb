import { drawSvgPicture } from './svg-picture';
import { ARROW_DART, LOOP_LABEL } from '../../../shared/geometry/figure';
import { LABEL } from '../../../shared/geometry/model';
import { type FigureFrame, PRINT_LABEL, toPage } from './figure-frame';
import { drawLines } from './figure-text';
import type { PdfSurface } from './pdf-surface';
import { INK, isLight, PAPER_TINT, shade, tint } from './styles';

/**
 * The model behind the notes, drawn as the canvas draws it (ModelShapes.tsx) from the same shared
 * geometry: an own picture, the sides as tinted ellipses, the ∞ line with its arrows and loop
 * names, and each side's name and question on paper outside its ellipse. Colours are the calm
 * theme's, printed.
 */

/** The canvas's calm theme, for paper (renderer/src/canvas/theme.ts: figure, softInk, paper). */
const PRINT_THEME = { figure: '#7A5C43', softInk: '#4A443D', paper: '#FBF8F2' } as const;
/** Line widths and the arrow's length on paper, in points: thin enough for print, clear in grey. */
const LINE = { zone: 1, figure: 2, band: 4.5, arrow: 10 } as const;

/** The paper the model lies on, and the facilitator's own picture on it where the canvas has one. */
export function drawBackdrop(surface: PdfSurface, frame: FigureFrame): void {
  const doc = surface.doc;
  doc.save().roundedRect(frame.left, frame.top, frame.width, frame.height, 6).fill(PAPER_TINT).restore();
  const picture = frame.picture;
  if (!picture) return;
  const at = toPage(frame);
  doc.save().roundedRect(frame.left, frame.top, frame.width, frame.height, 6).clip();
  const box = { x: at.x(picture.box.x), y: at.y(picture.box.y), width: picture.box.width * frame.scale, height: picture.box.height * frame.scale };
  if (picture.type === 'image/svg+xml') drawSvgPicture(surface, picture.bytes.toString('utf8'), box);
  else doc.image(picture.bytes, box.x, box.y, { width: box.width, height: box.height });
  doc.restore();
}

export function drawZones(surface: PdfSurface, frame: FigureFrame): void {
  const at = toPage(frame);
  const overPicture = frame.picture !== null;
  for (const { zone } of frame.labels) {
    const { area } = zone;
    const doc = surface.doc.save();
    doc.ellipse(at.x(area.x), at.y(area.y), area.rx * frame.scale, area.ry * frame.scale);
    // Over a picture, the zone's colour is a thin glaze, as on the canvas: the picture shows through.
    if (overPicture) doc.fillOpacity(0.14).fill(zone.color);
    else doc.fill(tint(zone.color, 0.8));
    doc.restore();
    surface.doc
      .save()
      .ellipse(at.x(area.x), at.y(area.y), area.rx * frame.scale, area.ry * frame.scale)
      .lineWidth(LINE.zone)
      .strokeColor(shade(zone.color, isLight(zone.color) ? 0.3 : 0.08))
      .stroke()
      .restore();
  }
}

/** The ∞ line (not with an own picture: the picture is the model then), its arrows and its loops' names. */
export function drawPath(surface: PdfSurface, frame: FigureFrame): void {
  // A session that works per theme only has no sides, so no figure to draw.
  if (frame.ownPicture || frame.figure.points.length === 0) return;
  const at = toPage(frame);
  const { points, arrows } = frame.figure;
  const doc = surface.doc;
  const trace = () => {
    for (let index = 0; index < points.length; index += 2) {
      const x = at.x(points[index] as number);
      const y = at.y(points[index + 1] as number);
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    }
    doc.closePath();
  };
  // A band of paper under the line, like a road on a map, then the line.
  doc.save();
  trace();
  doc.lineWidth(LINE.band).lineJoin('round').strokeOpacity(0.55).strokeColor(PRINT_THEME.paper).stroke().restore();
  doc.save();
  trace();
  doc.lineWidth(LINE.figure).lineJoin('round').strokeOpacity(0.7).strokeColor(PRINT_THEME.figure).stroke().restore();
  const dart = LINE.arrow / (ARROW_DART[2] as number) / 2;
  for (const arrow of arrows) {
    doc.save().translate(at.x(arrow.x), at.y(arrow.y)).rotate((arrow.angle * 180) / Math.PI);
    for (let index = 0; index < ARROW_DART.length; index += 2) {
      const x = (ARROW_DART[index] as number) * dart;
      const y = (ARROW_DART[index + 1] as number) * dart;
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    }
    doc.closePath().fillOpacity(0.9).fill(PRINT_THEME.figure).restore();
  }
  for (const { loop, lines, size } of frame.loops) {
    const rise = LOOP_LABEL.rise * (size / LOOP_LABEL.size);
    drawLines(surface, lines, {
      x: at.x(loop.x - loop.width / 2),
      y: at.y(loop.y - rise),
      width: loop.width * frame.scale,
      size: size * frame.scale,
      leading: LOOP_LABEL.lineHeight,
      weight: 'bold',
      color: PRINT_THEME.softInk,
      align: 'centre',
    });
  }
}

/** Each side's name and question on paper, with the step number where the model is walked in order. */
export function drawLabels(surface: PdfSurface, frame: FigureFrame): void {
  const at = toPage(frame);
  const doc = surface.doc;
  for (const label of frame.labels) {
    const { layout, zone } = label;
    const factor = label.nameSize / LABEL.nameSize;
    const { backing } = layout;
    doc
      .save()
      .roundedRect(at.x(backing.x), at.y(backing.y), backing.width * frame.scale, backing.height * frame.scale, LABEL.backingRadius * factor * frame.scale)
      .fillOpacity(0.92)
      .fill(PRINT_THEME.paper)
      .restore();
    if (layout.step && label.step !== undefined) {
      const radius = LABEL.stepRadius * factor * frame.scale;
      const cx = at.x(layout.step.x);
      const cy = at.y(layout.step.y);
      doc.save().circle(cx, cy, radius).fill(shade(zone.color, 0.25)).restore();
      const size = LABEL.stepSize * factor * frame.scale;
      drawLines(surface, [String(label.step)], { x: cx - radius, y: cy - (size * 1.2) / 2, width: radius * 2, size, leading: 1.2, weight: 'bold', color: '#ffffff', align: 'centre' });
    }
    drawLines(surface, label.nameLines, {
      x: at.x(layout.nameX),
      y: at.y(layout.nameTop),
      width: layout.width * frame.scale,
      size: label.nameSize * frame.scale,
      leading: PRINT_LABEL.nameLeading,
      weight: 'bold',
      color: INK,
      align: 'centre',
    });
    drawLines(surface, label.questionLines, {
      x: at.x(layout.questionX),
      y: at.y(layout.questionTop),
      width: layout.width * frame.scale,
      size: label.questionSize * frame.scale,
      leading: LABEL.questionLineHeight,
      weight: 'regular',
      color: PRINT_THEME.softInk,
      align: 'centre',
    });
  }
}
