import type { ViewBox } from '../store';
import type { CameraTransform } from './geometry';

/**
 * The facilitator's camera is a view box in world units (session state, in the client's store);
 * the screen shows exactly that box. These are the pure steps of zooming and panning it.
 */

/** Closer than this the type is huge; further than this the model is a speck. */
export const ZOOM_LIMITS = { minWidth: 200, maxWidth: 8000 } as const;

/** One press of + or −, or one notch of a mouse wheel. */
export const ZOOM_STEP = 1.25;

/** The world box the screen shows under a transform: exact, so turning it back gives the same transform. */
export function visibleBox(transform: CameraTransform, size: { width: number; height: number }): ViewBox {
  return { x: -transform.x / transform.scale, y: -transform.y / transform.scale, width: size.width / transform.scale, height: size.height / transform.scale };
}

/**
 * Zooms by `factor` (above 1 is closer) keeping the world point under `focus` (a fraction of the
 * view, 0.5/0.5 is its middle) where it is on screen.
 */
export function zoomView(view: ViewBox, factor: number, focus = { fx: 0.5, fy: 0.5 }): ViewBox {
  const width = Math.min(ZOOM_LIMITS.maxWidth, Math.max(ZOOM_LIMITS.minWidth, view.width / factor));
  const applied = view.width / width;
  const height = view.height / applied;
  const anchorX = view.x + view.width * focus.fx;
  const anchorY = view.y + view.height * focus.fy;
  return { x: anchorX - width * focus.fx, y: anchorY - height * focus.fy, width, height };
}

/** Moves the view by a distance on screen (pixels), as when the paper is pulled along. */
export function panView(view: ViewBox, dxPixels: number, dyPixels: number, scale: number): ViewBox {
  return { ...view, x: view.x - dxPixels / scale, y: view.y - dyPixels / scale };
}

/**
 * The CSS transform that makes a picture drawn under `from` look as if drawn under `to`: used to
 * preview a zoom or pan gesture on the already drawn canvas, so nothing is redrawn until it ends.
 */
export function previewMatrix(from: CameraTransform, to: CameraTransform): string {
  const k = to.scale / from.scale;
  return `matrix(${k}, 0, 0, ${k}, ${to.x - from.x * k}, ${to.y - from.y * k})`;
}

/** A wheel event's zoom factor: a mouse notch is one step; a trackpad's small deltas zoom smoothly. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  return ZOOM_STEP ** (-Math.max(-300, Math.min(300, pixels)) / 100);
}
