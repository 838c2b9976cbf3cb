import { currentPhase } from '../../../../../shared/rules';
import type { BoardController } from '../board-controller';
import { plain, registerAction } from './register';

/**
 * The steps a phase asks of the facilitator, each with a key, so that a whole session runs from
 * the keyboard: PageDown moves on (PhaseBar's clicker keys), and these do what the phase is for.
 */

function toggleVoting(board: BoardController): void {
  const session = board.session();
  if (session) void board.send({ type: 'voting.open', open: !session.flow.votingOpen });
}

function toggleResult(board: BoardController): void {
  const session = board.session();
  if (session) void board.send({ type: 'voting.reveal', revealed: !session.flow.votesRevealed });
}

/** The current phase's side (or every side, in a phase of the whole model), shown or hidden again. */
function toggleHiddenNotes(board: BoardController): void {
  const session = board.session();
  if (!session) return;
  if (!session.settings.hideNotesUntilReveal) {
    board.state.showToast({ tone: 'info', key: 'phaseStep.notesNotHidden' });
    return;
  }
  const zoneId = currentPhase(session.flow)?.zoneId ?? null;
  const shown = new Set(session.flow.revealedZoneIds);
  const revealed = zoneId ? !shown.has(zoneId) : !session.template.zones.every((zone) => shown.has(zone.id));
  void board.send({ type: 'notes.reveal', zoneId, revealed });
}

export const votingOpen = registerAction({
  id: 'voting-open',
  label: 'phaseStep.voting',
  help: 'shortcut.votingOpen',
  group: 'help.phase',
  keys: ['S'],
  keyTest: plain('s'),
  phases: ['voting'],
  // A step of the session, not of the board: it works wherever the keyboard is, as PageDown does.
  anywhere: true,
  perform: toggleVoting,
});

export const votingResult = registerAction({
  id: 'voting-result',
  label: 'phaseStep.result',
  help: 'shortcut.votingResult',
  group: 'help.phase',
  keys: ['U'],
  keyTest: plain('u'),
  phases: ['voting'],
  // A step of the session, not of the board: it works wherever the keyboard is, as PageDown does.
  anywhere: true,
  perform: toggleResult,
});

export const revealNotes = registerAction({
  id: 'reveal-notes',
  label: 'phaseStep.reveal',
  help: 'shortcut.revealNotes',
  group: 'help.phase',
  keys: ['O'],
  keyTest: plain('o'),
  phases: ['observation', 'notes', 'clustering', 'attention'],
  // A step of the session, not of the board: it works wherever the keyboard is, as PageDown does.
  anywhere: true,
  perform: toggleHiddenNotes,
});

export const PHASE_STEP_ACTIONS = [votingOpen, votingResult, revealNotes];
