import { Fragment, type KeyboardEvent as ReactKeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../ui/i18n';
import { type ActionContext, type BoardAction, keyLabel, offered, runAction } from './actions';
import type { BoardController } from './board-controller';
import type { MenuSpot } from './menu-spot';

interface ContextMenuProps {
  spot: MenuSpot;
  board: BoardController;
  context: ActionContext;
  /** Closes the menu; `refocus`: give the board the keyboard back (not when a click elsewhere took it). */
  onClose(refocus: boolean): void;
}

/** Room kept between the menu and the board's edge, in pixels. */
const EDGE = 8;

/**
 * The board's context menu: what can be done with what was right-clicked (or, with Shift+F10 or
 * the menu key, with the note at the keyboard's cursor), from the register, only what applies in
 * this phase. A real menu for keyboards and screen readers: arrow keys, Home and End go through
 * it, Enter or Space does the item, Esc or Tab closes it and gives the board the keyboard back.
 */
export function ContextMenu({ spot, board, context, onClose }: ContextMenuProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: spot.x, top: spot.y });
  const chosen = context.notes > 0 || context.cluster;
  const items = offered(chosen ? 'selectionMenu' : 'canvasMenu', context);
  // Something chosen, and in this phase nothing offered changes it: the menu says why.
  const quiet = chosen && context.phase !== null && !context.readOnly && items.every((action) => action.viewOnly);

  // Kept inside the board: a menu opened near the right or bottom edge opens to the left or upwards.
  useLayoutEffect(() => {
    const menu = ref.current;
    const board = menu?.offsetParent;
    if (!menu || !(board instanceof HTMLElement)) return;
    const left = spot.x + menu.offsetWidth + EDGE > board.clientWidth ? spot.x - menu.offsetWidth : spot.x;
    const top = spot.y + menu.offsetHeight + EDGE > board.clientHeight ? spot.y - menu.offsetHeight : spot.y;
    setPlace({
      left: Math.max(EDGE, Math.min(left, board.clientWidth - menu.offsetWidth - EDGE)),
      top: Math.max(EDGE, Math.min(top, board.clientHeight - menu.offsetHeight - EDGE)),
    });
  }, [spot]);

  // The first item that does something has the keyboard (a line that only explains can still be read with the arrows).
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus({ preventScroll: true });
  }, []);

  // A press anywhere else closes it; that press then does what it does there.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !ref.current?.contains(event.target)) onClose(false);
    };
    // Zooming moves the model from under the menu's spot; leaving the window leaves the menu.
    const onAway = () => onClose(false);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('wheel', onAway, { capture: true, passive: true });
    window.addEventListener('blur', onAway);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('wheel', onAway, { capture: true });
      window.removeEventListener('blur', onAway);
    };
  }, [onClose]);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const rows = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = rows.indexOf(document.activeElement as HTMLElement);
    const to = (next: number) => rows[(next + rows.length) % rows.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        to(index + 1);
        break;
      case 'ArrowUp':
        to(index - 1);
        break;
      case 'Home':
        to(0);
        break;
      case 'End':
        to(rows.length - 1);
        break;
      case 'Escape':
      case 'Tab':
        onClose(true);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const choose = (action: BoardAction) => {
    onClose(true);
    runAction(board, action, { at: spot.world });
  };

  // Three parts, apart: what changes the notes, what only chooses or looks, what removes.
  const sections = [
    items.filter((action) => !action.danger && !action.viewOnly),
    items.filter((action) => !action.danger && action.viewOnly),
    items.filter((action) => action.danger),
  ].filter((section) => section.length > 0);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={t('boardAction.menuLabel')}
      data-testid="context-menu"
      style={{ left: place.left, top: place.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {quiet && context.phase && (
        <div role="menuitem" aria-disabled="true" tabIndex={-1} className="context-menu-note">
          {t('boardAction.nothingInPhase', { phase: t(`phase.${context.phase}`) })}
        </div>
      )}
      {sections.map((section, index) => (
        <Fragment key={section[0]?.id}>
          {index > 0 && <hr className="context-menu-line" />}
          {section.map((action) => (
            <MenuRow key={action.id} action={action} context={context} onChoose={choose} />
          ))}
        </Fragment>
      ))}
    </div>
  );
}

function MenuRow({ action, context, onChoose }: { action: BoardAction; context: ActionContext; onChoose(action: BoardAction): void }) {
  const t = useT();
  const first = action.keys?.[0];
  const key = first === undefined ? '' : keyLabel(first, t);
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={`context-menu-item${action.danger ? ' context-menu-danger' : ''}`}
      data-action={action.id}
      onClick={() => onChoose(action)}
    >
      <span>{t(action.labelIn(context))}</span>
      {key && <kbd>{key}</kbd>}
    </button>
  );
}
