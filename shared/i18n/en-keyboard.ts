import type { nlKeyboard } from './nl-keyboard';

/** English texts of the board's keyboard path (see nl-keyboard.ts). */
export const enKeyboard: { readonly [K in keyof typeof nlKeyboard]: string } = {
  'shortcut.cursor': 'Go through the notes: ← → in reading order (on into the next side), ↑ ↓ to the note above or below',
  'shortcut.pick': 'Select the note at the cursor, or deselect it',
  'shortcut.pickGroup': 'Select the group of the note at the cursor',
  'key.space': 'Space',
  'key.shiftSpace': 'Shift + space',
  'key.modArrows': 'Ctrl + arrow keys',
  'cursor.at': '{side}, note {position} of {count}: {text}',
  'cursor.selected': 'selected',
  'cursor.inGroup': 'in group {title}',
  'cursor.noNotes': 'There are no notes yet. Press N for a new one.',
};
