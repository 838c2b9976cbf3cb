import type { Id } from '../../../../shared/domain';
import { useAppStore, useClient, useStoreApi } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { openProjector } from './projector-link';

interface BoardActionsProps {
  sessionId: Id;
  readOnly: boolean;
  run: RunCommand;
  /** While notes are selected their tools take the toolbar; the model editor and projector step aside. */
  compact?: boolean;
}

/**
 * Undo and redo (the host keeps the history, per session), the model editor and the projector.
 * Their keys are handled by the board (shortcuts.ts); these are the same as buttons.
 */
export function BoardActions({ sessionId, readOnly, run, compact = false }: BoardActionsProps) {
  const t = useT();
  const store = useStoreApi();
  const client = useClient();
  const panel = useAppStore((state) => state.panel);
  const undo = () => void run(sessionId, { type: 'history.undo' });
  const redo = () =>
    void run(sessionId, { type: 'history.redo' }, { messageFor: (error) => (error.code === 'nothing_to_undo' ? 'toast.nothingToRedo' : null) });
  const toggleModel = () => store.getState().openPanel(panel === 'template' ? null : 'template');
  return (
    <div className="board-actions">
      {/* Icons with their names for screen readers and on hover: the toolbar leaves room for the hint. */}
      <button type="button" className="button button-quiet button-icon" aria-label={t('board.undo')} title={t('board.undoHint')} disabled={readOnly} onClick={undo}>
        <span aria-hidden="true">↶</span>
      </button>
      <button type="button" className="button button-quiet button-icon" aria-label={t('board.redo')} title={t('board.redoHint')} disabled={readOnly} onClick={redo}>
        <span aria-hidden="true">↷</span>
      </button>
      {!compact && (
        <>
          <button type="button" className="button button-quiet" title={t('board.editModelHint')} aria-pressed={panel === 'template'} disabled={readOnly} onClick={toggleModel}>
            {t('board.editModel')}
          </button>
          <button type="button" className="button button-quiet" title={t('board.projectorHint')} onClick={() => openProjector(client.welcome?.projectorToken)}>
            {t('board.projector')}
          </button>
        </>
      )}
    </div>
  );
}
