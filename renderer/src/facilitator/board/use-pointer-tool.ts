import { type RefObject, useEffect } from 'react';
import type { PointerTool } from './pointer-tool';

/**
 * Feeds the canvas element's pointer, wheel, double-click and context-menu events to the pointer tool. The
 * pointer is captured on a press, so a drag that leaves the canvas still ends where it is let go.
 */
export function usePointerTool(ref: RefObject<HTMLElement | null>, tool: PointerTool): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const down = (event: PointerEvent) => {
      // Only presses on the canvas itself: overlays (the note editor, the bars) handle their own.
      if (!(event.target instanceof HTMLCanvasElement)) return;
      // A press on the board gives it the keyboard (the tool's preventDefault would keep it away).
      element.focus({ preventScroll: true });
      element.setPointerCapture?.(event.pointerId);
      tool.down(event);
    };
    const move = (event: PointerEvent) => tool.move(event);
    // The capture ends by itself after pointerup.
    const up = (event: PointerEvent) => tool.up(event);
    const cancel = (event: PointerEvent) => tool.cancel(event);
    const wheel = (event: WheelEvent) => tool.wheel(event);
    // With the pointer captured, a double-click's target is this element itself, not the canvas.
    const dblclick = (event: MouseEvent) => tool.doubleClick(event);
    const contextmenu = (event: MouseEvent) => {
      element.focus({ preventScroll: true });
      tool.contextMenu(event);
    };
    // Before anything else sees it (React listens at its root): the click a long press leaves behind.
    const click = (event: MouseEvent) => {
      if (!tool.swallowsClick(event)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('click', click, { capture: true });
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', cancel);
    // Not passive: the wheel zooms the canvas instead of scrolling the page.
    element.addEventListener('wheel', wheel, { passive: false });
    element.addEventListener('dblclick', dblclick);
    element.addEventListener('contextmenu', contextmenu);
    return () => {
      window.removeEventListener('click', click, { capture: true });
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', cancel);
      element.removeEventListener('wheel', wheel);
      element.removeEventListener('dblclick', dblclick);
      element.removeEventListener('contextmenu', contextmenu);
    };
  }, [ref, tool]);
}
