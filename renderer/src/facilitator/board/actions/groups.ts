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

/**
 * Links the chosen group or note to a theme of the programme by hand (the picker offers the
 * programme's themes, a new one, or none). Only for a session of a programme: themes are the programme's.
 */
export const linkTheme = registerAction({
  id: 'linkTheme',
  label: 'boardAction.linkTheme',
  hint: 'boardAction.linkThemeHint',
  group: 'help.groups',
  keys: ['T'],
  keyTest: plain('t'),
  // While groups and points are made; the voting keeps the board still, as for every other change.
  phases: PROMOTING,
  needs: 'editable',
  on: ['bar', 'selectionMenu'],
  perform: (board) => board.linkTheme(),
});

export const GROUP_ACTIONS = [group, ungroup, promote, tidy, linkTheme];
