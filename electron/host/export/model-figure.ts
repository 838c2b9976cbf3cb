import { WORLD } from '../../../shared/domain';
import type { ModelFigure } from '../../../shared/report/types';
import type { ModelPainter } from './block-rows';
import type { PdfSurface } from './pdf-surface';
import { INK, MUTED, PAPER_TINT, STYLES, tint } from './styles';
import { drawLine, layoutText, type Line, lineHeight } from './text-layout';

/** A note on the canvas, in world units (see the renderer's note size). */
const NOTE = { width: 120, height: 80 } as const;
const LEGEND_HEIGHT = 24;
const NOTE_LINES = 3;

/** The ∞ figure behind the zones: a lemniscate of Bernoulli through the world's centre. */
function drawLemniscate(surface: PdfSurface, toX: (x: number) => number, toY: (y: number) => number): void {
  const a = 760;
  const doc = surface.doc.save();
  for (let step = 0; step <= 200; step += 1) {
    const t = (step / 200) * Math.PI * 2;
    const d = 1 + Math.sin(t) ** 2;
    const x = toX(WORLD.width / 2 + (a * Math.cos(t)) / d);
    const y = toY(WORLD.height / 2 + (a * Math.sin(t) * Math.cos(t)) / d);
    if (step === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  }
  doc.lineWidth(1.2).strokeColor(MUTED).dash(3, { space: 2 }).stroke().undash().restore();
}

/** The first lines of a note; a note that needs more ends in "…" (the full text is in the appendix). */
function noteLines(text: string, width: number): Line[] {
  const lines = layoutText(text, STYLES.figureNote, width);
  if (lines.length <= NOTE_LINES) return lines;
  const shown = lines.slice(0, NOTE_LINES);
  const ellipsis = layoutText('…', STYLES.figureNote, width)[0]?.words[0];
  const last = shown[NOTE_LINES - 1];
  if (ellipsis && last) shown[NOTE_LINES - 1] = { ...last, words: [...last.words, ellipsis], width: last.width + ellipsis.width };
  return shown;
}

/**
 * The model as vector graphics: zones, the figure, notes as paper notes with their first words,
 * cluster titles, and a legend with the note count per side. Returns the height it used.
 */
export const drawModelFigure: ModelPainter = (surface, figure, box) => {
  const drawingHeight = box.height - LEGEND_HEIGHT;
  const scale = Math.min(box.width / WORLD.width, drawingHeight / WORLD.height);
  const left = box.x + (box.width - WORLD.width * scale) / 2;
  const toX = (x: number) => left + x * scale;
  const toY = (y: number) => box.y + y * scale;
  const doc = surface.doc;
  doc.save().roundedRect(toX(0), toY(0), WORLD.width * scale, WORLD.height * scale, 6).fill(PAPER_TINT).restore();
  // Notes may lie anywhere on the canvas; what is outside the world is not drawn over the page.
  doc.save().rect(toX(0), toY(0), WORLD.width * scale, WORLD.height * scale).clip();
  for (const zone of figure.template.zones) {
    const { area } = zone;
    doc.save().ellipse(toX(area.x), toY(area.y), area.rx * scale, area.ry * scale).fillAndStroke(tint(zone.color, 0.8), zone.color).restore();
  }
  if (figure.template.figure === 'lemniscate') drawLemniscate(surface, toX, toY);
  const noteWidth = NOTE.width * scale;
  const noteHeight = NOTE.height * scale;
  for (const note of figure.notes) {
    const x = toX(note.x) - noteWidth / 2;
    const y = toY(note.y) - noteHeight / 2;
    doc.save().rect(x, y, noteWidth, noteHeight).lineWidth(0.3).fillAndStroke(tint(note.color, 0.55), tint(note.color, 0.1)).restore();
    noteLines(note.text, noteWidth - 3).forEach((line, index) => {
      drawLine(surface, line, x + 1.5, y + 1.5 + index * lineHeight(STYLES.figureNote), STYLES.figureNote, noteWidth - 3);
    });
  }
  for (const cluster of figure.clusters) {
    const line = layoutText(cluster.title, STYLES.figureCluster, 220 * scale)[0];
    if (!line) continue;
    const x = toX(cluster.x) - line.width / 2;
    const y = toY(cluster.y) - lineHeight(STYLES.figureCluster) / 2;
    doc.save().roundedRect(x - 2, y, line.width + 4, lineHeight(STYLES.figureCluster), 1.5).fill('#ffffff').restore();
    drawLine(surface, line, x, y, STYLES.figureCluster, line.width);
  }
  // Zone names last, on a white label, so notes piled on a small side never hide its name.
  for (const zone of figure.template.zones) {
    const line = layoutText(zone.name, STYLES.figureZone, zone.area.rx * 2 * scale)[0];
    if (!line) continue;
    const x = toX(zone.area.x) - line.width / 2;
    // Just above the side's outline, where no note of that side lies.
    const y = Math.max(toY(0) + 2, toY(zone.area.y - zone.area.ry) - lineHeight(STYLES.figureZone) - 1);
    doc.save().roundedRect(x - 3, y, line.width + 6, lineHeight(STYLES.figureZone), 2).fillAndStroke('#ffffff', zone.color).restore();
    drawLine(surface, line, x, y, STYLES.figureZone, line.width);
  }
  doc.restore();
  drawLegend(surface, figure, box.x, box.y + box.height - LEGEND_HEIGHT + 8, box.width);
  return box.height;
};

function drawLegend(surface: PdfSurface, figure: ModelFigure, x: number, y: number, width: number): void {
  let cursor = x;
  for (const item of figure.legend) {
    const line = layoutText(`${item.name}: ${item.count}`, STYLES.caption, width)[0];
    if (!line) continue;
    if (cursor + 14 + line.width > x + width) break;
    surface.doc.save().rect(cursor, y + 3, 9, 9).fill(item.color).restore();
    drawLine(surface, line, cursor + 13, y, { ...STYLES.caption, color: INK }, line.width);
    cursor += 13 + line.width + 18;
  }
}

/**
 * The same place in the report for a picture of the real canvas (PNG or JPEG from the renderer),
 * once that export exists: fitted into the box, the legend still drawn beneath.
 */
export function pictureModelPainter(image: Buffer): ModelPainter {
  return (surface, figure, box) => {
    surface.doc.image(image, box.x, box.y, { fit: [box.width, box.height - LEGEND_HEIGHT], align: 'center', valign: 'center' });
    drawLegend(surface, figure, box.x, box.y + box.height - LEGEND_HEIGHT + 8, box.width);
    return box.height;
  };
}
