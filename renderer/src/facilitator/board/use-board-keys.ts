import { useEffect, useRef } from 'react';
import type { BoardController } from './board-controller';
import { keyboardIsBusy, shortcutFor } from './shortcuts';

/**
 * The board's keyboard: every shortcut of shortcuts.ts, plus the space bar held down for panning.
 * Returns a ref that tells whether space is held (read by the pointer tool on a press).
 */
export function useBoardKeys(board: BoardController, readOnly: boolean, closeHelp: () => boolean): { current: boolean } {
  const space = useRef(false);
  const latest = useRef({ board, readOnly, closeHelp });
  latest.current = { board, readOnly, closeHelp };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyboardIsBusy(event)) return;
      if (event.key === ' ') {
        space.current = true;
        event.preventDefault();
        return;
      }
      // Esc closes the help first; the selection stays.
      if (event.key === 'Escape' && latest.current.closeHelp()) {
        event.preventDefault();
        return;
      }
      const shortcut = shortcutFor(event, latest.current.readOnly);
      if (!shortcut?.run) return;
      event.preventDefault();
      shortcut.run(latest.current.board, event);
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
