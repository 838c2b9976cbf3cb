import { PHASE_KINDS, type PhaseKind, type SessionState } from '../../../../../shared/domain';
import type { Locale, MessageKey, MessageParams } from '../../../../../shared/i18n/messages';
import { translate } from '../../../../../shared/i18n/messages';
import { currentPhase } from '../../../../../shared/rules';
import { liveSelection } from '../../../store/selectors';
import type { BoardController } from '../board-controller';
import { GENERAL_ACTIONS } from './general';
import { GROUP_ACTIONS } from './groups';
import { NOTE_ACTIONS } from './notes';
import { PHASE_STEP_ACTIONS } from './phase-steps';
import { type ActionContext, type ActionInput, type BoardAction, type HelpGroup, inPhase, type KeyName, type Refusal, type Surface } from './register';
import { VIEW_ACTIONS } from './view';

export type {
  ActionContext,
  ActionInput,
  BoardAction,
  HelpGroup,
  KeyName,
  Refusal,
  Surface,
} from './register';
export { HELP_GROUPS, keyLabel } from './register';

/**
 * The one register of the board's actions, in the order the help, the bar and the menu show them.
 * Adding an action is adding it to one of the five files; every surface picks it up from here.
 */
export const BOARD_ACTIONS: readonly BoardAction[] = [...NOTE_ACTIONS, ...GROUP_ACTIONS, ...PHASE_STEP_ACTIONS, ...VIEW_ACTIONS, ...GENERAL_ACTIONS];

/**
 * Pointer gestures, which the help describes beside the keys (the pointer tool does them), and the
 * phase keys PageDown and PageUp, which work anywhere on the screen (PhaseBar's usePhaseKeys).
 */
export interface Gesture {
  id: string;
  group: HelpGroup;
  keys: readonly KeyName[];
  label: MessageKey;
  /** The action whose phases the gesture follows (a double-click writes a note like N does). */
  like?: string;
}

export const GESTURES: readonly Gesture[] = [
  { id: 'new-mouse', group: 'help.notes', keys: [{ text: 'key.doubleClick' }], label: 'shortcut.newNoteMouse', like: 'new' },
  { id: 'new-touch', group: 'help.notes', keys: [{ text: 'key.doubleTap' }], label: 'shortcut.newNoteMouse', like: 'new' },
  { id: 'multi', group: 'help.notes', keys: [{ text: 'key.shiftClick' }], label: 'shortcut.multi' },
  { id: 'box', group: 'help.notes', keys: [{ text: 'key.shiftDrag' }], label: 'shortcut.box' },
  // A finger or a pen has no Shift (an interactive whiteboard): see the pointer tool.
  { id: 'box-touch', group: 'help.notes', keys: [{ text: 'key.holdDrag' }], label: 'shortcut.box' },
  { id: 'wheel', group: 'help.view', keys: [{ text: 'key.wheel' }], label: 'shortcut.zoomWheel' },
  { id: 'pan', group: 'help.view', keys: [{ text: 'key.dragEmpty' }], label: 'shortcut.pan' },
  { id: 'touch-view', group: 'help.view', keys: [{ text: 'key.twoFingers' }], label: 'shortcut.panZoomTouch' },
  { id: 'menu-touch', group: 'help.general', keys: [{ text: 'key.hold' }], label: 'shortcut.menu' },
  { id: 'next-phase', group: 'help.phase', keys: ['PageDown'], label: 'shortcut.nextPhase' },
  { id: 'previous-phase', group: 'help.phase', keys: ['PageUp'], label: 'shortcut.previousPhase' },
];

const byId = new Map(BOARD_ACTIONS.map((action) => [action.id, action]));

export function boardAction(id: string): BoardAction {
  const action = byId.get(id);
  if (!action) throw new Error(`No board action ${id}`);
  return action;
}

/** The actions offered on one surface now, in the register's order; those that remove something last. */
export function offered(surface: Surface, context: ActionContext): BoardAction[] {
  const shown = BOARD_ACTIONS.filter((action) => action.offeredOn(surface, context));
  return [...shown.filter((action) => !action.danger), ...shown.filter((action) => action.danger)];
}

/** The actions with keys, which the help lists (gestures apart). */
export const KEYED_ACTIONS: readonly BoardAction[] = BOARD_ACTIONS.filter((action) => action.keys !== undefined && action.keyTest !== undefined);

/**
 * The action a key press means. `onBoard`: the board has the focus and nothing (a note or title
 * being written) is waiting for text; otherwise only the actions that act anywhere count. On a
 * read-only session only those that look around count; the others stay silent, as its notice says why.
 */
export function actionForKey(event: KeyboardEvent, readOnly: boolean, onBoard: boolean): BoardAction | null {
  if (event.altKey) return null;
  return KEYED_ACTIONS.find((action) => action.keyTest?.(event) && (!readOnly || action.viewOnly === true) && (onBoard || action.anywhere === true)) ?? null;
}

/** Typing in a field, working in a dialog or going through the context menu owns the keyboard; the board's keys wait. */
export function keyboardIsBusy(event: KeyboardEvent): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target.closest('[role="menu"]')) return true;
  // Enter and space on a focused button or link press it; they are not the board's.
  return (event.key === 'Enter' || event.key === ' ') && target.closest('button, a, [role="button"]') !== null;
}

/** The context an action is judged in, from the session and this window's own state. */
export function actionContext(
  session: SessionState | null,
  ui: { selection: readonly string[]; selectedClusterId: string | null; cursor: string | null; panel: ActionContext['panel'] },
  readOnly: boolean,
  contrast: boolean,
): ActionContext {
  const live = session ? liveSelection(session, ui.selection, ui.selectedClusterId) : { notes: [], cluster: undefined };
  return {
    phase: session ? (currentPhase(session.flow)?.kind ?? null) : null,
    notes: live.notes.length,
    cluster: live.cluster !== undefined,
    cursor: session !== null && ui.cursor !== null && session.notes[ui.cursor] !== undefined,
    readOnly,
    panel: ui.panel,
    contrast,
  };
}

/**
 * The phases an action applies in: those of this session (in its order) when it has any that fit,
 * else every kind that fits. Telling "Notities, Thema’s maken" beats a list of phases the session skips.
 */
export function phasesOf(action: BoardAction, session: readonly PhaseKind[] = []): PhaseKind[] {
  const here = [...new Set(session)].filter((kind) => inPhase(action.phases, kind));
  return here.length > 0 ? here : PHASE_KINDS.filter((kind) => inPhase(action.phases, kind));
}

const NEEDS_MESSAGE: Record<string, MessageKey> = {
  notes: 'boardAction.needsNotes',
  cluster: 'boardAction.needsCluster',
  any: 'boardAction.needsSelection',
  editable: 'boardAction.needsOne',
};

/**
 * What to say when a key asks for an action that does not apply: in plain words, which phase it
 * belongs to or what to choose first. Null for a read-only session (its notice already says so).
 */
export function refusalMessage(
  action: BoardAction,
  refusal: Refusal,
  context: ActionContext,
  locale: Locale,
  sessionPhases: readonly PhaseKind[] = [],
): { key: MessageKey; params: MessageParams } | null {
  const name = translate(locale, action.labelIn(context));
  if (refusal.kind === 'readOnly') return null;
  if (refusal.kind === 'selection') return { key: NEEDS_MESSAGE[refusal.needs] ?? 'boardAction.needsSelection', params: { action: name } };
  const phases = phasesOf(action, sessionPhases).map((kind) => translate(locale, `phase.${kind}`));
  return {
    key: 'boardAction.notInPhase',
    params: { action: name, phase: context.phase ? translate(locale, `phase.${context.phase}`) : '', phases: phases.join(', ') },
  };
}

/**
 * Does an action if it applies now, else says why not: keys, buttons and the menu all go through
 * here, so a button pressed a moment after the phase moved on is refused the same way a key is.
 */
export function runAction(board: BoardController, action: BoardAction, input: ActionInput = {}): void {
  const context = board.context();
  const refusal = action.whyNot(context);
  if (refusal) board.refuse(action, refusal, context);
  else action.perform(board, input);
}
