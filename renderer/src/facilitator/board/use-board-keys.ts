import { useEffect, useRef } from 'react';
import type { BoardController } from './board-controller';
import { keyboardIsBusy, shortcutFor } from './shortcuts';

export interface BoardKeyOptions {
  readOnly: boolean;
  /** Whether the board (its canvas, bars, list, and the selection's tools) holds this element. */
  holds(element: Element): boolean;
  closeHelp(): boolean;
  /** A note or a group title is being written (its field may not have the focus yet). */
  writing(): boolean;
}

/**
 * The board's keyboard: every shortcut of shortcuts.ts, plus the space bar held down for panning.
 * Returns a ref that tells whether space is held (read by the pointer tool on a press).
 */
export function useBoardKeys(board: BoardController, options: BoardKeyOptions): { current: boolean } {
  const space = useRef(false);
  const latest = useRef({ board, options });
  latest.current = { board, options };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyboardIsBusy(event)) return;
      const { board, options } = latest.current;
      const focus = document.activeElement;
      const onBoard = focus !== null && options.holds(focus) && !options.writing();
      if (event.key === ' ') {
        if (!onBoard) return;
        space.current = true;
        event.preventDefault();
        return;
      }
      // Esc closes the help first; the selection stays.
      if (event.key === 'Escape' && options.closeHelp()) {
        event.preventDefault();
        return;
      }
      const shortcut = shortcutFor(event, options.readOnly, onBoard);
      if (!shortcut?.run) return;
      event.preventDefault();
      shortcut.run(board, event);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') space.current = false;
    };
    const onBlur = () => {
      space.current = false;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
  return space;
}
