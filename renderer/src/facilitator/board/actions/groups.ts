import { GROUPING, plain, PROMOTING, registerAction, WRITING } from './register';

/** Groups (themes) of notes, and attention points made of a note or a group. */

export const group = registerAction({
  id: 'group',
  label: 'selection.group',
  help: 'shortcut.group',
  group: 'help.groups',
  keys: ['G'],
  keyTest: (event) => plain('g')(event) && !event.shiftKey,
  phases: GROUPING,
  needs: 'notes',
  on: ['bar', 'selectionMenu'],
  perform: (board) => board.group(),
});

export const ungroup = registerAction({
  id: 'ungroup',
  label: 'selection.ungroup',
  help: 'shortcut.ungroup',
  group: 'help.groups',
  keys: ['Shift+G'],
  keyTest: (event) => plain('g')(event) && event.shiftKey,
  phases: GROUPING,
  needs: 'cluster',
  on: ['bar', 'selectionMenu'],
  perform: (board) => board.ungroup(),
});

export const promote = registerAction({
  id: 'promote',
  label: 'selection.promote',
  help: 'shortcut.promote',
  group: 'help.groups',
  keys: ['P'],
  keyTest: plain('p'),
  phases: PROMOTING,
  needs: 'any',
  on: ['bar', 'selectionMenu'],
  perform: (board) => board.promote(),
});

export const tidy = registerAction({
  id: 'tidy',
  label: 'boardAction.tidy',
  help: 'shortcut.tidy',
  group: 'help.groups',
  keys: ['L'],
  keyTest: plain('l'),
  phases: WRITING,
  on: ['toolbar', 'canvasMenu', 'selectionMenu'],
  perform: (board, { at }) => board.tidy(at),
});

export const GROUP_ACTIONS = [group, ungroup, promote, tidy];
