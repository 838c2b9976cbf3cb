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

/**
 * Note type, in world units. The smallest size stays close to the largest (about four fifths):
 * shrunk further, as far as 15, a twelve-word note was drawn at little more than half the size of
 * its neighbours and could not be read from the back of the room. A longer text is cut with an
 * ellipsis instead, and its whole text is one hover away (HoverCard) on the facilitator's screen
 * (in the report's figure: in the appendix). The paper itself keeps one size: hit testing, clusters, occlusion and the layout all rely on it.
 */
export const NOTE_TEXT = {
  maxSize: 24,
  minSize: 19,
  lineHeight: 1.18,
  radius: 6,
} as const;

/** The part of a note's paper its words are fitted into, under its coloured band. */
export function noteTextBox(band: number): { width: number; height: number } {
  return { width: NOTE.width - 2 * NOTE.padding, height: NOTE.height - band - 2 * NOTE.padding + 4 };
}

/**
 * Zone labels: the name large, the question under it, outside the ellipse so notes never cover them;
 * a step number in a disc before the name where the model is walked in order.
 */
export const LABEL = {
  nameSize: 46,
  questionSize: 23,
  questionLineHeight: 1.25,
  gap: 8,
  margin: 14,
  minWidth: 300,
  stepRadius: 24,
  stepSize: 28,
  backingRadius: 14,
} as const;

/** Room kept for a label when the projector zooms to a zone: the name and up to three lines of question. */
export const LABEL_ALLOWANCE = LABEL.margin + LABEL.nameSize + LABEL.gap + 3 * LABEL.questionSize * LABEL.questionLineHeight;

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

/**
 * The room a label may take, before its words are measured: the name and up to three lines of
 * question, as wide as its words may run. Notes laid down by Eiland keep out of it.
 */
export function labelRoom(area: ZoneArea): ViewBox {
  const label = labelPlacement(area);
  const height = LABEL_ALLOWANCE - LABEL.margin;
  return { x: label.x, y: label.side === 'above' ? label.anchorY - height : label.anchorY, width: label.width, height };
}

/** A label's words as measured by whoever draws them (canvas or PDF), in world units. */
export interface LabelSize {
  /** The widest line of name and question: the paper behind the label is no wider than its words. */
  textWidth: number;
  nameWidth: number;
  /** A long name ("IK-kant (ikzelf)" over a narrow side) wraps; its question starts under its last line. */
  nameHeight: number;
  questionHeight: number;
}

export interface LabelLayout {
  /** Both texts are centred in boxes this wide; the name's box starts at nameX, the question's at questionX. */
  width: number;
  nameX: number;
  nameTop: number;
  questionX: number;
  questionTop: number;
  /** The paper behind the words, so the figure's line never runs through a zone's name. */
  backing: ViewBox;
  /** The centre of the step number's disc, right before the name it numbers. */
  step: { x: number; y: number } | null;
}

/**
 * Where a measured label's parts go: above its ellipse ending at its edge, or below it starting there.
 * `factor` scales the air around the words and the step disc with type set smaller than the
 * canvas's (the report's figure), so a label keeps its proportions.
 */
export function labelLayout(area: ZoneArea, size: LabelSize, hasStep: boolean, factor = 1): LabelLayout {
  const label = labelPlacement(area);
  const gap = LABEL.gap * factor;
  const blockHeight = size.nameHeight + (size.questionHeight ? gap + size.questionHeight : 0);
  const top = label.side === 'above' ? label.anchorY - blockHeight : label.anchorY;
  const radius = LABEL.stepRadius * factor;
  const stepRoom = hasStep ? radius * 2 + 12 * factor : 0;
  const backingWidth = size.textWidth + 32 * factor + stepRoom;
  return {
    width: label.width,
    nameX: label.x + stepRoom / 2,
    nameTop: top,
    questionX: label.x,
    questionTop: top + size.nameHeight + gap,
    backing: { x: area.x - backingWidth / 2, y: top - 8 * factor, width: backingWidth, height: blockHeight + 16 * factor },
    step: hasStep ? { x: area.x + stepRoom / 2 - size.nameWidth / 2 - 12 * factor - radius, y: top + (LABEL.nameSize * factor) / 2 + 2 * factor } : null,
  };
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

/** Where the facilitator's own picture of the model lies: fitted into the world whole, and centred. */
export function pictureBox(naturalWidth: number, naturalHeight: number): ViewBox {
  const width = naturalWidth || WORLD.width;
  const height = naturalHeight || WORLD.height;
  const ratio = Math.min(WORLD.width / width, WORLD.height / height);
  return { x: (WORLD.width - width * ratio) / 2, y: (WORLD.height - height * ratio) / 2, width: width * ratio, height: height * ratio };
}
