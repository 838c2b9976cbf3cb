import { describe, expect, it } from 'vitest';
import { panView, previewMatrix, visibleBox, wheelFactor, ZOOM_LIMITS, ZOOM_STEP, zoomView } from '../../../../renderer/src/canvas/camera';
import { fitViewBox, WORLD_VIEW } from '../../../../renderer/src/canvas/geometry';

const SIZE = { width: 1200, height: 800 };

describe('the facilitator’s camera', () => {
  it('shows exactly its visible box: fitting it again gives the same transform', () => {
    const transform = fitViewBox(WORLD_VIEW, SIZE);
    const again = fitViewBox(visibleBox(transform, SIZE), SIZE);
    expect(again.scale).toBeCloseTo(transform.scale);
    expect(again.x).toBeCloseTo(transform.x);
    expect(again.y).toBeCloseTo(transform.y);
  });

  it('zooms around a point, which stays where it is on screen', () => {
    const view = { x: 0, y: 0, width: 1600, height: 1000 };
    const closer = zoomView(view, 2, { fx: 0.25, fy: 0.75 });
    expect(closer.width).toBe(800);
    expect(closer.height).toBe(500);
    // The world point a quarter across and three quarters down is still there.
    expect(closer.x + closer.width * 0.25).toBeCloseTo(400);
    expect(closer.y + closer.height * 0.75).toBeCloseTo(750);
  });

  it('never zooms in or out beyond its limits', () => {
    const view = { x: 0, y: 0, width: 1600, height: 1000 };
    expect(zoomView(view, 1000).width).toBe(ZOOM_LIMITS.minWidth);
    expect(zoomView(view, 1 / 1000).width).toBe(ZOOM_LIMITS.maxWidth);
  });

  it('pans by screen pixels, like pulling the paper', () => {
    expect(panView({ x: 100, y: 100, width: 800, height: 500 }, 50, -20, 0.5)).toEqual({ x: 0, y: 140, width: 800, height: 500 });
  });

  it('previews a new camera on the drawn picture with one CSS matrix', () => {
    const from = { scale: 1, x: 0, y: 0 };
    expect(previewMatrix(from, from)).toBe('matrix(1, 0, 0, 1, 0, 0)');
    expect(previewMatrix(from, { scale: 2, x: -100, y: 50 })).toBe('matrix(2, 0, 0, 2, -100, 50)');
  });

  it('turns one mouse-wheel notch into one zoom step, closer when rolled forward', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(ZOOM_STEP);
    expect(wheelFactor(100, 0)).toBeCloseTo(1 / ZOOM_STEP);
    expect(wheelFactor(-3, 1)).toBeGreaterThan(1);
  });
});
