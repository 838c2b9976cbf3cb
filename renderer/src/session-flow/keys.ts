import { useEffect, useRef } from 'react';

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** Typing in a field or working in a dialog owns the keyboard; the phase shortcuts wait. */
function keyboardIsBusy(target: EventTarget | null): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  // A ticked box or a pressed button does not take typing: the shortcuts still work from there.
  if (target instanceof HTMLInputElement) return !NOT_TYPING.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * PageDown / PageUp move to the next / previous phase: the keys a presenter's clicker sends, so a
 * facilitator can walk the room and still move the session on.
 */
export function usePhaseKeys(next: () => void, previous: () => void): void {
  const latest = useRef({ next, previous });
  latest.current = { next, previous };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || keyboardIsBusy(event.target)) return;
      if (event.key === 'PageDown') latest.current.next();
      else if (event.key === 'PageUp') latest.current.previous();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
