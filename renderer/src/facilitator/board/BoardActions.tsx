import { useT } from '../../ui/i18n';
import { type ActionContext, BOARD_ACTIONS, offered, runAction } from './actions';
import type { BoardController } from './board-controller';

interface BoardActionsProps {
  board: BoardController;
  context: ActionContext;
  /** While something is chosen its tools take the toolbar; the worded buttons (model editor, projector) step aside. */
  compact?: boolean;
}

/**
 * The toolbar's actions from the register: undo and redo (the host keeps the history, per session),
 * the model editor and the projector. Those that do not apply (a read-only session) stay in place,
 * greyed, so the toolbar does not jump.
 */
export function BoardActions({ board, context, compact = false }: BoardActionsProps) {
  const t = useT();
  const applying = new Set(offered('toolbar', context).map((action) => action.id));
  const actions = BOARD_ACTIONS.filter((action) => action.on?.includes('toolbar') && !(compact && !action.icon));
  return (
    <div className="board-actions">
      {actions.map((action) => (
        // Icons carry their names for screen readers and on hover: the toolbar leaves room for the hint.
        <button
          key={action.id}
          type="button"
          className={`button button-quiet${action.icon ? ' button-icon' : ''}`}
          aria-label={action.icon ? t(action.label) : undefined}
          title={action.hint ? t(action.hint) : undefined}
          aria-pressed={action.pressed?.(context)}
          disabled={!applying.has(action.id)}
          data-action={action.id}
          onClick={() => runAction(board, action)}
        >
          {action.icon ? <span aria-hidden="true">{action.icon}</span> : t(action.label)}
        </button>
      ))}
    </div>
  );
}
