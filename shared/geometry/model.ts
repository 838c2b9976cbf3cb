import { WORLD, type ZoneArea } from '../domain';

/**
 * The model's geometry in world units, shared by everything that draws it: the canvas on the
 * facilitator's screen and the projector, and the report's figure in the PDF. One module, so the
 * two can never disagree about where a side, its label or a note is.
 */

/** The part of the world a window or a printed figure shows, in world units. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The whole model, as a view box. */
export const WORLD_VIEW: ViewBox = { x: 0, y: 0, width: WORLD.width, height: WORLD.height };

/** A note in world units; its x,y is its centre, which decides the zone it belongs to. */
export const NOTE = { width: 176, height: 124, padding: 12, fontSize: 20, lineHeight: 1.2 } as const;

/** Zone labels: the name large, the question under it, outside the ellipse so notes never cover them. */
export const LABEL = { nameSize: 46, questionSize: 23, questionLineHeight: 1.25, gap: 8, margin: 14, minWidth: 300 } as const;

/** Room kept for a label when the projector zooms to a zone: the name and up to three lines of question. */
const LABEL_ALLOWANCE = LABEL.margin + LABEL.nameSize + LABEL.gap + 3 * LABEL.questionSize * LABEL.questionLineHeight;

export interface CameraTransform {
  scale: number;
  x: number;
  y: number;
}

/** Fits a view box into a screen area, centred, keeping proportions (letterboxing the rest). */
export function fitViewBox(view: ViewBox, size: { width: number; height: number; x?: number; y?: number }): CameraTransform {
  const scale = Math.max(0.01, Math.min(size.width / view.width, size.height / view.height));
  return {
    scale,
    x: (size.x ?? 0) + (size.width - view.width * scale) / 2 - view.x * scale,
    y: (size.y ?? 0) + (size.height - view.height * scale) / 2 - view.y * scale,
  };
}

export function worldToScreen(transform: CameraTransform, point: { x: number; y: number }): { x: number; y: number } {
  return { x: transform.x + point.x * transform.scale, y: transform.y + point.y * transform.scale };
}

export interface LabelPlacement {
  x: number;
  width: number;
  /** Labels of zones in the upper half sit above their ellipse, the others below it. */
  side: 'above' | 'below';
  /** The edge of the ellipse the label block leans against (its bottom when above, its top when below). */
  anchorY: number;
}

export function labelPlacement(area: ZoneArea): LabelPlacement {
  const width = Math.max(LABEL.minWidth, area.rx * 1.6);
  const side = area.y <= WORLD.height / 2 ? 'above' : 'below';
  const anchorY = side === 'above' ? area.y - area.ry - LABEL.margin : area.y + area.ry + LABEL.margin;
  return { x: area.x - width / 2, width, side, anchorY };
}

/** The view box around one zone and its label, with room for the notes that spill over its edge. */
export function zoneViewBox(area: ZoneArea, margin = 0.12): ViewBox {
  const label = labelPlacement(area);
  const top = label.side === 'above' ? area.y - area.ry - LABEL_ALLOWANCE : area.y - area.ry;
  const bottom = label.side === 'below' ? area.y + area.ry + LABEL_ALLOWANCE : area.y + area.ry;
  const left = Math.min(area.x - area.rx, label.x);
  const right = Math.max(area.x + area.rx, label.x + label.width);
  const padX = (right - left) * margin;
  const padY = (bottom - top) * margin;
  return { x: left - padX, y: top - padY, width: right - left + 2 * padX, height: bottom - top + 2 * padY };
}

/**
 * What the projector shows when no side is in focus: every zone with its label, and any note that
 * lies outside them, with a little air. Tighter than the whole world, so the type is as large as it can be.
 */
export function modelViewBox(zones: readonly { area: ZoneArea }[], notes: readonly { x: number; y: number }[], margin = 0.04): ViewBox {
  if (zones.length === 0) return WORLD_VIEW;
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  const include = (x1: number, y1: number, x2: number, y2: number) => {
    left = Math.min(left, x1);
    top = Math.min(top, y1);
    right = Math.max(right, x2);
    bottom = Math.max(bottom, y2);
  };
  for (const { area } of zones) {
    const box = zoneViewBox(area, 0);
    include(box.x, box.y, box.x + box.width, box.y + box.height);
  }
  for (const note of notes) include(note.x - NOTE.width / 2, note.y - NOTE.height / 2, note.x + NOTE.width / 2, note.y + NOTE.height / 2);
  const padX = (right - left) * margin;
  const padY = (bottom - top) * margin;
  return { x: left - padX, y: top - padY, width: right - left + 2 * padX, height: bottom - top + 2 * padY };
}

/**
 * The ∞ figure: a lemniscate of Bernoulli centred in the world. With half-width a = 640 its loops
 * (x 160…1440, a·√2/4 ≈ 226 high) sit inside the outer zones of the templates, and it crosses
 * itself in the middle, where the IK side of the memo's model is.
 */
export function lemniscatePoints(segments = 240, a = 640, centre = { x: WORLD.width / 2, y: WORLD.height / 2 }): number[] {
  const points: number[] = [];
  for (let i = 0; i < segments; i += 1) {
    const t = (i / segments) * Math.PI * 2;
    const denominator = 1 + Math.sin(t) ** 2;
    points.push(centre.x + (a * Math.cos(t)) / denominator, centre.y + (a * Math.sin(t) * Math.cos(t)) / denominator);
  }
  return points;
}
