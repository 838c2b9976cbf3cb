import type { ReactNode, RefObject } from 'react';
import './projector-layout.css';

interface ProjectorLayoutProps {
  boxRef: RefObject<HTMLElement | null>;
  sessionId: string;
  focusZoneId: string;
  contrast: boolean;
  /** The model, edge to edge (or the waiting message). */
  canvas: ReactNode;
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
export function ProjectorLayout({ boxRef, sessionId, focusZoneId, contrast, canvas, overlay, corners }: ProjectorLayoutProps) {
  return (
    <main
      ref={boxRef as RefObject<HTMLElement>}
      className={`projector${contrast ? ' projector-contrast' : ''}`}
      data-session={sessionId}
      data-focus={focusZoneId}
      data-contrast={contrast ? 'high' : 'calm'}
    >
      <div className="projector-canvas">{canvas}</div>
      {overlay && <div className="projector-overlay">{overlay}</div>}
      {corners}
    </main>
  );
}
