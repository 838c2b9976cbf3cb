import { useEffect, useRef } from 'react';
import { actionForKey, type BoardAction, keyboardIsBusy, runAction } from './actions';
import type { BoardController } from './board-controller';

export interface BoardKeyOptions {
  readOnly: boolean;
  /** Whether the board (its canvas, bars, list, and the selection's tools) holds this element. */
  holds(element: Element): boolean;
  closeHelp(): boolean;
  /** A note or a group title is being written (its field may not have the focus yet). */
  writing(): boolean;
}

/**
 * The board's keyboard: every keyed action of the register (actions/). One that does not apply in
 * the phase, or has nothing chosen to act on, says so in a toast rather than doing nothing. The
 * space bar is two things: held down while dragging it pans, pressed and let go on its own it
 * picks the cursor's note; which one is known only when it comes up. Returns a ref that tells
 * whether space is held (read by the pointer tool on a press).
 */
export function useBoardKeys(board: BoardController, options: BoardKeyOptions): { current: boolean } {
  const space = useRef(false);
  const latest = useRef({ board, options });
  latest.current = { board, options };
  useEffect(() => {
    let pick: { action: BoardAction; event: KeyboardEvent } | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyboardIsBusy(event)) return;
      const { board, options } = latest.current;
      const focus = document.activeElement;
      const onBoard = focus !== null && options.holds(focus) && !options.writing();
      if (event.key === ' ') {
        if (!onBoard) return;
        event.preventDefault();
        if (event.repeat) return;
        space.current = true;
        const action = actionForKey(event, options.readOnly, onBoard);
        pick = action ? { action, event } : null;
        return;
      }
      // Esc closes the help first; the selection stays.
      if (event.key === 'Escape' && options.closeHelp()) {
        event.preventDefault();
        return;
      }
      const action = actionForKey(event, options.readOnly, onBoard);
      if (!action) return;
      event.preventDefault();
      // A key held down says once why it does not apply, not once per repeat.
      if (event.repeat && action.whyNot(board.context())) return;
      runAction(board, action, { event });
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ') return;
      space.current = false;
      const pressed = pick;
      pick = null;
      if (pressed) runAction(latest.current.board, pressed.action, { event: pressed.event });
    };
    // A press while space is held is the start of a pan: letting space go then picks nothing.
    const onPointerDown = () => {
      if (space.current) pick = null;
    };
    const onBlur = () => {
      space.current = false;
      pick = null;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, []);
  return space;
}
