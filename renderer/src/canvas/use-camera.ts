import Konva from 'konva';
import { type RefObject, useLayoutEffect, useRef } from 'react';
import type { CameraTransform } from './geometry';

/**
 * Puts a camera transform on the stage: jumps on resize, glides when the view itself changes and
 * `animate` is on (the projector). A gesture's CSS preview (see CanvasApi.previewCamera) ends in
 * the same task as the redraw under the new camera, so the picture never flashes.
 */
export function useCamera(stageRef: RefObject<Konva.Stage | null>, transform: CameraTransform, size: { width: number; height: number }, animate: boolean): void {
  const { scale, x, y } = transform;
  const sizeKey = `${size.width}x${size.height}`;
  const lastSize = useRef<string | null>(null);
  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const resized = lastSize.current !== sizeKey;
    lastSize.current = sizeKey;
    const previewing = stage.content.style.transform !== '';
    if (animate && !resized && !previewing) {
      const tween = new Konva.Tween({ node: stage, duration: 0.8, easing: Konva.Easings.EaseInOut, x, y, scaleX: scale, scaleY: scale });
      tween.play();
      return () => tween.destroy();
    }
    stage.position({ x, y });
    stage.scale({ x: scale, y: scale });
    if (previewing) {
      stage.content.style.transform = '';
      stage.draw();
    } else stage.batchDraw();
    return undefined;
  }, [stageRef, scale, x, y, sizeKey, animate]);
}
