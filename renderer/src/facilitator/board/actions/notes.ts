import type { CursorStep } from '../note-cursor';
import { noMod, plain, registerAction, WRITING, withMod } from './register';

/** Writing, choosing, moving and colouring notes. */

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
const CURSOR_STEPS: Record<string, CursorStep> = { ArrowLeft: 'previous', ArrowRight: 'next', ArrowUp: 'up', ArrowDown: 'down' };
const NUDGE = 10;
const NUDGE_FAR = 50;

export const newNote = registerAction({
  id: 'new',
  label: 'boardAction.new',
  help: 'shortcut.newNote',
  group: 'help.notes',
  keys: ['N'],
  keyTest: plain('n'),
  phases: WRITING,
  on: ['canvasMenu'],
  perform: (board, { at }) => board.newNote(at),
});

export const edit = registerAction({
  id: 'edit',
  label: 'boardAction.edit',
  labelForGroup: 'selection.rename',
  help: 'shortcut.edit',
  group: 'help.notes',
  keys: ['Enter', 'F2'],
  keyTest: (event) => noMod(event) && (event.key === 'Enter' || event.key === 'F2'),
  phases: WRITING,
  needs: 'editable',
  on: ['bar', 'selectionMenu'],
  // On the bar and in the menu for what is chosen; with several notes chosen, Enter edits the cursor's.
  offer: (context) => context.notes === 1 || context.cluster,
  perform: (board) => board.editSelection(),
});

export const selectAll = registerAction({
  id: 'all',
  label: 'boardAction.selectAll',
  help: 'shortcut.selectAll',
  group: 'help.notes',
  keys: ['Ctrl+A'],
  keyTest: withMod('a'),
  viewOnly: true,
  on: ['canvasMenu'],
  perform: (board) => board.selectAll(),
});

export const clear = registerAction({
  id: 'clear',
  label: 'boardAction.clear',
  help: 'shortcut.clear',
  group: 'help.notes',
  keys: ['Esc'],
  keyTest: (event) => event.key === 'Escape',
  viewOnly: true,
  anywhere: true,
  on: ['selectionMenu'],
  offer: (context) => context.notes > 0 || context.cluster,
  perform: (board) => board.clearSelection(),
});

export const cursor = registerAction({
  id: 'cursor',
  label: 'boardAction.cursor',
  help: 'shortcut.cursor',
  group: 'help.notes',
  keys: [{ text: 'key.arrows' }],
  keyTest: (event) => noMod(event) && event.key in CURSOR_STEPS,
  viewOnly: true,
  perform: (board, { event }) => board.moveCursor(CURSOR_STEPS[event?.key ?? ''] ?? 'next'),
});

// Space is told apart from space + drag (panning) when it is let go: use-board-keys.ts runs these two.
export const pick = registerAction({
  id: 'pick',
  label: 'boardAction.pick',
  help: 'shortcut.pick',
  group: 'help.notes',
  keys: [{ text: 'key.space' }],
  keyTest: (event) => event.key === ' ' && noMod(event) && !event.shiftKey,
  viewOnly: true,
  perform: (board) => board.pickCursor(),
});

export const pickGroup = registerAction({
  id: 'pick-group',
  label: 'boardAction.pickGroup',
  help: 'shortcut.pickGroup',
  group: 'help.notes',
  keys: [{ text: 'key.shiftSpace' }],
  keyTest: (event) => event.key === ' ' && noMod(event) && event.shiftKey,
  viewOnly: true,
  perform: (board) => board.pickCursorGroup(),
});

// Moving notes tidies the wall and changes no words: it works in every phase, as dragging does.
export const nudge = registerAction({
  id: 'nudge',
  label: 'boardAction.nudge',
  help: 'shortcut.nudge',
  group: 'help.notes',
  keys: [{ text: 'key.modArrows' }],
  keyTest: (event) => !noMod(event) && event.key in ARROWS,
  needs: 'notes',
  perform: (board, { event }) => {
    const [dx, dy] = ARROWS[event?.key ?? ''] ?? [0, 0];
    const step = event?.shiftKey ? NUDGE_FAR : NUDGE;
    board.nudge(dx * step, dy * step);
  },
});

/** On the bar this one is drawn as the palette: every colour a swatch, the chosen one pressed. */
export const color = registerAction({
  id: 'color',
  label: 'boardAction.color',
  help: 'shortcut.color',
  group: 'help.notes',
  keys: ['C'],
  keyTest: (event) => plain('c')(event) && !event.shiftKey,
  phases: WRITING,
  needs: 'notes',
  on: ['bar', 'selectionMenu'],
  perform: (board, input) => (input.color === undefined ? board.cycleColor() : board.recolor(input.color)),
});

export const colorReset = registerAction({
  id: 'color-reset',
  label: 'boardAction.colorReset',
  help: 'shortcut.colorReset',
  group: 'help.notes',
  keys: ['Shift+C'],
  keyTest: (event) => plain('c')(event) && event.shiftKey,
  phases: WRITING,
  needs: 'notes',
  on: ['selectionMenu'],
  perform: (board) => board.recolor(null),
});

export const remove = registerAction({
  id: 'delete',
  label: 'selection.delete',
  help: 'shortcut.delete',
  group: 'help.notes',
  keys: [{ text: 'key.delete' }, 'Backspace'],
  keyTest: (event) => noMod(event) && (event.key === 'Delete' || event.key === 'Backspace'),
  phases: WRITING,
  // The key on a chosen group lifts the group (its notes stay); the bar offers that as "Groep opheffen".
  needs: 'any',
  on: ['bar', 'selectionMenu'],
  offer: (context) => context.notes > 0,
  danger: true,
  perform: (board) => board.deleteSelection(),
});

export const NOTE_ACTIONS = [newNote, edit, selectAll, clear, remove, cursor, pick, pickGroup, nudge, color, colorReset];
