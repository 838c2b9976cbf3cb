import type { MessageKey } from '../../../../shared/i18n/messages';
import type { BoardController } from './board-controller';
import type { CursorStep } from './note-cursor';

/**
 * The board's keyboard shortcuts as registered objects (Excalidraw's actions): what a key does and
 * how the help overlay describes it come from one table, so the help can never drift from the keys.
 */
export interface Shortcut {
  id: string;
  group: 'help.notes' | 'help.groups' | 'help.view' | 'help.general';
  /** What the help shows: key names, or message keys for gestures ("Shift + click"). */
  keys: readonly (string | { text: MessageKey })[];
  label: MessageKey;
  /** Whether a key press is this shortcut; absent for gestures, which the help only describes. */
  matches?(event: KeyboardEvent): boolean;
  run?(board: BoardController, event: KeyboardEvent): void;
  /** Also allowed on an archived (read-only) session: looking around changes nothing. */
  viewOnly?: boolean;
  /**
   * Acts wherever the keyboard focus is. All others act only while the board has the focus, so a
   * letter typed into nothing in particular never makes, colours or deletes a note.
   */
  anywhere?: boolean;
}

const mod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;
const plain = (key: string) => (event: KeyboardEvent) => !mod(event) && event.key.toLowerCase() === key;
const NUDGE = 10;
const NUDGE_FAR = 50;

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
const CURSOR_STEPS: Record<string, CursorStep> = { ArrowLeft: 'previous', ArrowRight: 'next', ArrowUp: 'up', ArrowDown: 'down' };

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new', group: 'help.notes', keys: ['N'], label: 'shortcut.newNote', matches: plain('n'), run: (b) => b.newNote() },
  { id: 'new-mouse', group: 'help.notes', keys: [{ text: 'key.doubleClick' }], label: 'shortcut.newNoteMouse' },
  { id: 'edit', group: 'help.notes', keys: ['Enter', 'F2'], label: 'shortcut.edit', matches: (e) => !mod(e) && (e.key === 'Enter' || e.key === 'F2'), run: (b) => b.editSelection() },
  { id: 'multi', group: 'help.notes', keys: [{ text: 'key.shiftClick' }], label: 'shortcut.multi' },
  { id: 'box', group: 'help.notes', keys: [{ text: 'key.shiftDrag' }], label: 'shortcut.box' },
  { id: 'all', group: 'help.notes', keys: ['Ctrl+A'], label: 'shortcut.selectAll', matches: (e) => mod(e) && e.key.toLowerCase() === 'a', run: (b) => b.selectAll(), viewOnly: true },
  { id: 'clear', group: 'help.notes', keys: ['Esc'], label: 'shortcut.clear', matches: (e) => e.key === 'Escape', run: (b) => b.clearSelection(), viewOnly: true, anywhere: true },
  {
    id: 'delete',
    group: 'help.notes',
    keys: [{ text: 'key.delete' }, 'Backspace'],
    label: 'shortcut.delete',
    matches: (e) => !mod(e) && (e.key === 'Delete' || e.key === 'Backspace'),
    run: (b) => b.deleteSelection(),
  },
  {
    id: 'cursor',
    group: 'help.notes',
    keys: [{ text: 'key.arrows' }],
    label: 'shortcut.cursor',
    matches: (e) => !mod(e) && e.key in CURSOR_STEPS,
    run: (b, e) => b.moveCursor(CURSOR_STEPS[e.key] ?? 'next'),
    viewOnly: true,
  },
  // Space is told apart from space + drag (panning) when it is let go: use-board-keys.ts runs these.
  { id: 'pick', group: 'help.notes', keys: [{ text: 'key.space' }], label: 'shortcut.pick', matches: (e) => e.key === ' ' && !mod(e) && !e.shiftKey, run: (b) => b.pickCursor(), viewOnly: true },
  { id: 'pick-group', group: 'help.notes', keys: [{ text: 'key.shiftSpace' }], label: 'shortcut.pickGroup', matches: (e) => e.key === ' ' && !mod(e) && e.shiftKey, run: (b) => b.pickCursorGroup(), viewOnly: true },
  {
    id: 'nudge',
    group: 'help.notes',
    keys: [{ text: 'key.modArrows' }],
    label: 'shortcut.nudge',
    matches: (e) => mod(e) && e.key in ARROWS,
    run: (b, e) => {
      const [dx, dy] = ARROWS[e.key] ?? [0, 0];
      const step = e.shiftKey ? NUDGE_FAR : NUDGE;
      b.nudge(dx * step, dy * step);
    },
  },
  { id: 'color', group: 'help.notes', keys: ['C'], label: 'shortcut.color', matches: (e) => plain('c')(e) && !e.shiftKey, run: (b) => b.cycleColor() },
  { id: 'color-reset', group: 'help.notes', keys: ['Shift+C'], label: 'shortcut.colorReset', matches: (e) => plain('c')(e) && e.shiftKey, run: (b) => b.recolor(null) },
  { id: 'group', group: 'help.groups', keys: ['G'], label: 'shortcut.group', matches: (e) => plain('g')(e) && !e.shiftKey, run: (b) => b.group() },
  { id: 'ungroup', group: 'help.groups', keys: ['Shift+G'], label: 'shortcut.ungroup', matches: (e) => plain('g')(e) && e.shiftKey, run: (b) => b.ungroup() },
  { id: 'promote', group: 'help.groups', keys: ['P'], label: 'shortcut.promote', matches: plain('p'), run: (b) => b.promote() },
  { id: 'zoom-in', group: 'help.view', keys: ['+'], label: 'shortcut.zoomIn', matches: (e) => !mod(e) && (e.key === '+' || e.key === '='), run: (b) => b.zoomIn(), viewOnly: true },
  { id: 'zoom-out', group: 'help.view', keys: ['−'], label: 'shortcut.zoomOut', matches: (e) => !mod(e) && (e.key === '-' || e.key === '_'), run: (b) => b.zoomOut(), viewOnly: true },
  { id: 'wheel', group: 'help.view', keys: [{ text: 'key.wheel' }], label: 'shortcut.zoomWheel' },
  { id: 'pan', group: 'help.view', keys: [{ text: 'key.dragEmpty' }], label: 'shortcut.pan' },
  { id: 'fit', group: 'help.view', keys: ['0'], label: 'shortcut.fit', matches: (e) => !mod(e) && e.key === '0', run: (b) => b.fit() },
  {
    id: 'focus',
    group: 'help.view',
    keys: ['1 … 6'],
    label: 'shortcut.focus',
    matches: (e) => !mod(e) && /^[1-6]$/.test(e.key),
    run: (b, e) => b.focusZone(Number(e.key) - 1),
  },
  { id: 'join-info', group: 'help.general', keys: ['Q'], label: 'shortcut.joinInfo', matches: plain('q'), run: (b) => b.toggleJoinInfo() },
  { id: 'undo', group: 'help.general', keys: ['Ctrl+Z'], label: 'shortcut.undo', matches: (e) => mod(e) && e.key.toLowerCase() === 'z' && !e.shiftKey, run: (b) => b.undo(), anywhere: true },
  {
    id: 'redo',
    group: 'help.general',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    label: 'shortcut.redo',
    matches: (e) => mod(e) && ((e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y'),
    run: (b) => b.redo(),
    anywhere: true,
  },
  { id: 'help', group: 'help.general', keys: ['?'], label: 'shortcut.help', matches: (e) => e.key === '?', run: (b) => b.toggleHelp(), viewOnly: true, anywhere: true },
];

/** Typing in a field or working in a dialog owns the keyboard; the board's shortcuts wait. */
export function keyboardIsBusy(event: KeyboardEvent): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // Enter and space on a focused button or link press it; they are not the board's.
  return (event.key === 'Enter' || event.key === ' ') && target.closest('button, a, [role="button"]') !== null;
}

/**
 * The shortcut a key press means. `onBoard`: the board has the focus and nothing (a note or title
 * being written) is waiting for text; otherwise only the shortcuts that act anywhere count.
 */
export function shortcutFor(event: KeyboardEvent, readOnly: boolean, onBoard: boolean): Shortcut | null {
  if (event.altKey) return null;
  return (
    SHORTCUTS.find(
      (shortcut) => shortcut.matches?.(event) && (!readOnly || shortcut.viewOnly === true) && (onBoard || shortcut.anywhere === true),
    ) ?? null
  );
}
