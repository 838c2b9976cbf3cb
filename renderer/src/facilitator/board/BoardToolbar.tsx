import type { Ref } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { type ActionContext, boardAction } from './actions';
import type { BoardController } from './board-controller';
import { BoardActions } from './BoardActions';
import { SelectionBar } from './SelectionBar';

interface BoardToolbarProps {
  session: SessionState;
  board: BoardController;
  context: ActionContext;
  /** The selection's tools, which count as the board for its keys. */
  selectionRef: Ref<HTMLDivElement>;
  /** False while a note or a group's name is written, or the model is edited: the tools wait. */
  tools: boolean;
}

/**
 * The bar above the board, one height whatever it holds so the board never moves: the toolbar's
 * actions, then either what can be done with what is chosen, or a hint and the number of notes.
 * What is chosen is never acted on from over the canvas, where a click chooses something else.
 */
export function BoardToolbar({ session, board, context, selectionRef, tools }: BoardToolbarProps) {
  const t = useT();
  const selecting = (context.notes > 0 || context.cluster) && !context.readOnly;
  const count = Object.keys(session.notes).length;
  // The hint tells how to write a note only in a phase where notes are written.
  const hint = boardAction('new').appliesTo(context) ? t('board.hint') : t('boardAction.hintLooking');
  return (
    <div className="toolbar">
      <BoardActions board={board} context={context} compact={selecting} />
      {selecting ? (
        <div className="toolbar-selection" ref={selectionRef}>
          {tools && <SelectionBar session={session} board={board} context={context} />}
        </div>
      ) : (
        <p className="toolbar-hint">{context.readOnly ? '' : hint}</p>
      )}
      {!selecting && <p className="toolbar-count">{count === 1 ? t('board.noteCountOne') : t('board.noteCount', { count })}</p>}
    </div>
  );
}
