import type { nlBoardActions } from './nl-board-actions';

/** English texts of the board's register of actions (see nl-board-actions.ts). */
export const enBoardActions: {
  readonly [K in keyof typeof nlBoardActions]: string;
} = {
  'boardAction.new': 'New note',
  'boardAction.edit': 'Edit text',
  'boardAction.selectAll': 'Select all',
  'boardAction.clear': 'Select nothing',
  'boardAction.cursor': 'Go through the notes',
  'boardAction.pick': 'Select note',
  'boardAction.pickGroup': 'Select group',
  'boardAction.nudge': 'Move a little',
  'boardAction.color': 'Next colour',
  'boardAction.colorReset': 'Colour of the side',
  'boardAction.focus': 'One side large',
  'boardAction.joinInfo': 'Code for phones',
  'boardAction.menu': 'Menu',
  'shortcut.menu': 'Menu of what you can do: at the cursor or with what you selected',
  'key.menu': 'Menu key',

  'boardAction.menuLabel': 'What you can do here',
  'boardAction.notInPhase': '{action} is not possible in the phase {phase}. It is in: {phases}.',
  'boardAction.needsNotes': '{action}: first select one or more notes.',
  'boardAction.needsCluster': '{action}: first select a group. Click the name of the group.',
  'boardAction.needsSelection': '{action}: first select a note or a group.',
  'boardAction.needsOne': '{action}: first select one note or a group.',
  'boardAction.nothingInPhase': 'In the phase {phase} you do not change notes.',
  'boardAction.hintLooking': 'In this phase you do not write notes. Press ? for all shortcuts.',
  'help.notInPhase': 'not in this phase',
  'help.phaseNote': 'Grey: not possible in the phase {phase}.',
};
