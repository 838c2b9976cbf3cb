import type { FigureKind, Zone } from '../domain';
import { sideZones } from '../zones';

/**
 * The ∞ figure of a template, as plain geometry. Every template is drawn around a lemniscate of
 * Gerono, x = a·cos t, y = b·sin t·cos t, which crosses itself in the middle. Walking it with
 * growing t goes: the crossing → the left loop's top → its far end → its bottom → the crossing →
 * the right loop's top → its far end → its bottom → back. That is the creation lemniscate's
 * ZIJ → IK → WIJ → HET, and the kenweg (facts → concepts → insight) then the keuzeweg
 * (goals → means → decision) of dynamic judgement, so arrows along growing t show the way.
 */

export interface Arrow {
  x: number;
  y: number;
  /** Direction of travel, in radians. */
  angle: number;
}

export interface LoopLabel {
  loop: 'kenweg' | 'keuzeweg';
  x: number;
  y: number;
  width: number;
}

export interface FigureGeometry {
  /** A closed polyline, x0, y0, x1, y1, … in world units. */
  points: number[];
  arrows: Arrow[];
  loopLabels: LoopLabel[];
  /** Step numbers next to zone names (the creation lemniscate's order of travel), by zone id. */
  steps: Map<string, number>;
}

/** An arrow as a dart around its point, pointing along +x; notched at the back, so its direction is plain even when small. */
export const ARROW_DART: readonly number[] = [-21, -16.5, 27, 0, -21, 16.5, -10.5, 0];

/** The loops' names (kenweg, keuzeweg): type size, and how far above its point a name's first line starts. */
export const LOOP_LABEL = { size: 30, lineHeight: 1.2, rise: 18 } as const;

interface Curve {
  cx: number;
  cy: number;
  a: number;
  b: number;
}

const point = ({ cx, cy, a, b }: Curve, t: number) => ({ x: cx + a * Math.cos(t), y: cy + b * Math.sin(t) * Math.cos(t) });

function arrowAt(curve: Curve, t: number): Arrow {
  const here = point(curve, t);
  const ahead = point(curve, t + 0.01);
  return { ...here, angle: Math.atan2(ahead.y - here.y, ahead.x - here.x) };
}

/** How tall each loop is, as a share of its length: rounder for the sides, flatter for four zones. */
const LOOP_HEIGHT: Record<FigureKind, number> = { lemniscate: 0.78, creation: 0.6, judgement: 0.62 };

/** The curve fitted to the zones: centred on them, reaching well into the outer ones. */
export function curveFor(kind: FigureKind, zones: readonly Zone[]): Curve {
  if (zones.length === 0) return { cx: 800, cy: 500, a: 600, b: 600 * LOOP_HEIGHT[kind] };
  const left = Math.min(...zones.map(({ area }) => area.x - area.rx));
  const right = Math.max(...zones.map(({ area }) => area.x + area.rx));
  const top = Math.min(...zones.map(({ area }) => area.y - area.ry));
  const bottom = Math.max(...zones.map(({ area }) => area.y + area.ry));
  const a = ((right - left) / 2) * 0.84;
  // b/2 is the loop's half-height; it stays inside the zones' own height.
  const b = Math.min(a * LOOP_HEIGHT[kind], (bottom - top) * 0.82);
  return { cx: (left + right) / 2, cy: (top + bottom) / 2, a, b };
}

/**
 * The figure through the template's sides. Zones of the whole session (themes) lie outside it and
 * are not walked; a session that works per theme only has no figure at all.
 */
export function figureGeometry(kind: FigureKind, allZones: readonly Zone[], segments = 200): FigureGeometry {
  const zones = sideZones(allZones);
  if (zones.length === 0) return { points: [], arrows: [], loopLabels: [], steps: new Map() };
  const curve = curveFor(kind, zones);
  const points: number[] = [];
  for (let index = 0; index < segments; index += 1) {
    const { x, y } = point(curve, (index / segments) * Math.PI * 2);
    points.push(x, y);
  }
  const arrows: Arrow[] = [];
  const loopLabels: LoopLabel[] = [];
  const steps = new Map<string, number>();
  if (kind === 'creation' || kind === 'judgement') {
    // At both far ends, and just past the crossing on the way into each loop.
    for (const t of [Math.PI, 0, Math.PI / 2 + 0.42, (3 * Math.PI) / 2 + 0.42]) arrows.push(arrowAt(curve, t));
  }
  if (kind === 'creation') {
    for (const [index, zone] of zones.entries()) steps.set(zone.id, index + 1);
  }
  if (kind === 'judgement') {
    // Under the zone of each loop nearest the crossing (insight, goals), where the figure leaves room.
    for (const [loop, side] of [['kenweg', -1], ['keuzeweg', 1]] as const) {
      const inner = zones
        .filter(({ area }) => Math.sign(area.x - curve.cx) === side)
        .sort((a, b) => Math.abs(a.area.x - curve.cx) - Math.abs(b.area.x - curve.cx))[0];
      loopLabels.push(
        inner
          ? { loop, x: inner.area.x, y: inner.area.y + inner.area.ry + 56, width: inner.area.rx * 2 + 20 }
          : { loop, x: curve.cx + side * curve.a * 0.5, y: curve.cy + curve.b / 2 + 60, width: curve.a * 0.6 },
      );
    }
  }
  return { points, arrows, loopLabels, steps };
}
