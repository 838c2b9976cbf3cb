import type { CSSProperties, ReactNode, RefObject } from 'react';
import type { WallRect } from '../canvas/wall-space';
import './projector-layout.css';

interface ProjectorLayoutProps {
  boxRef: RefObject<HTMLElement | null>;
  sessionId: string;
  focusZoneId: string;
  contrast: boolean;
  /** The model, edge to edge (or the waiting message). */
  canvas: ReactNode;
  /**
   * The part of the wall the model is drawn in (wall-space.ts); outside it the canvas fades away, so
   * a neighbouring side's label ends at its edge instead of running under the banner or the panel.
   */
  modelArea?: { area: WallRect; wall: { width: number; height: number } } | null;
  /**
   * What the session's phase puts over the canvas (phase banner, timer, ballot, ranking): a layer
   * above the canvas that fills the wall and lets clicks through. Owned by session-flow.
   */
  overlay?: ReactNode;
  /** Small things in the corners: the join code, the offline notice. */
  corners?: ReactNode;
}

/**
 * The beamer's layout, in three layers that do not know of each other: the canvas, the phase's
 * overlay, and the corners. No controls: everything here is driven from the facilitator's laptop.
 */
export function ProjectorLayout({ boxRef, sessionId, focusZoneId, contrast, canvas, modelArea, overlay, corners }: ProjectorLayoutProps) {
  const area = modelArea?.area;
  const wall = modelArea?.wall;
  const mask = area && wall ? modelMask(area, wall) : undefined;
  return (
    <main
      ref={boxRef as RefObject<HTMLElement>}
      className={`projector${contrast ? ' projector-contrast' : ''}`}
      data-session={sessionId}
      data-focus={focusZoneId}
      data-contrast={contrast ? 'high' : 'calm'}
    >
      <div
        className="projector-canvas"
        style={mask}
        data-model-area={area ? [area.x, area.y, area.width, area.height].join(',') : undefined}
      >
        {canvas}
      </div>
      {overlay && <div className="projector-overlay">{overlay}</div>}
      {corners}
    </main>
  );
}

/** How far the model fades out towards an edge of its area that is not the wall's own edge. */
const FADE = 36;

/**
 * The canvas shown only inside the model's area, fading out softly where the area ends inside the
 * wall (a hard cut through a neighbouring side would look like a fault). Two gradients, one across
 * and one down, of which only what both let through is shown.
 */
function modelMask(area: WallRect, wall: { width: number; height: number }): CSSProperties | undefined {
  if (area.x <= 0 && area.y <= 0 && area.x + area.width >= wall.width && area.y + area.height >= wall.height) return undefined;
  const band = (start: number, length: number, total: number, direction: string) => {
    const end = start + length;
    const fadeIn = start > 0 ? FADE : 0;
    const fadeOut = end < total ? FADE : 0;
    return `linear-gradient(${direction}, transparent ${start}px, #000 ${start + fadeIn}px, #000 ${end - fadeOut}px, transparent ${end}px)`;
  };
  const image = `${band(area.x, area.width, wall.width, 'to right')}, ${band(area.y, area.height, wall.height, 'to bottom')}`;
  return { maskImage: image, WebkitMaskImage: image, maskComposite: 'intersect', WebkitMaskComposite: 'source-in' };
}
