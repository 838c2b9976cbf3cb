import { plain, registerAction, withMod } from './register';

/** History, the help, the menu, the room's code, and the toolbar's model editor and projector. */

export const joinInfo = registerAction({
  id: 'join-info',
  label: 'boardAction.joinInfo',
  help: 'shortcut.joinInfo',
  group: 'help.general',
  keys: ['Q'],
  keyTest: plain('q'),
  perform: (board) => board.toggleJoinInfo(),
});

// Undo and redo work in every phase: going back is always allowed (product.md).
export const undo = registerAction({
  id: 'undo',
  label: 'board.undo',
  help: 'shortcut.undo',
  hint: 'board.undoHint',
  icon: '↶',
  group: 'help.general',
  keys: ['Ctrl+Z'],
  keyTest: (event) => withMod('z')(event) && !event.shiftKey,
  anywhere: true,
  on: ['toolbar', 'canvasMenu'],
  perform: (board) => board.undo(),
});

export const redo = registerAction({
  id: 'redo',
  label: 'board.redo',
  help: 'shortcut.redo',
  hint: 'board.redoHint',
  icon: '↷',
  group: 'help.general',
  keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
  keyTest: (event) => (withMod('z')(event) && event.shiftKey) || withMod('y')(event),
  anywhere: true,
  on: ['toolbar', 'canvasMenu'],
  perform: (board) => board.redo(),
});

export const menu = registerAction({
  id: 'menu',
  label: 'boardAction.menu',
  help: 'shortcut.menu',
  group: 'help.general',
  keys: ['Shift+F10', { text: 'key.menu' }],
  keyTest: (event) => event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey && !event.ctrlKey && !event.metaKey),
  viewOnly: true,
  perform: (board) => board.openMenuByKeys(),
});

export const help = registerAction({
  id: 'help',
  label: 'board.help',
  help: 'shortcut.help',
  hint: 'board.helpHint',
  icon: '?',
  group: 'help.general',
  keys: ['?'],
  keyTest: (event) => event.key === '?',
  viewOnly: true,
  anywhere: true,
  on: ['viewColumn', 'canvasMenu'],
  pressed: (context) => context.panel === 'help',
  perform: (board) => board.toggleHelp(),
});

export const editModel = registerAction({
  id: 'edit-model',
  label: 'board.editModel',
  hint: 'board.editModelHint',
  group: 'help.general',
  on: ['toolbar'],
  pressed: (context) => context.panel === 'template',
  perform: (board) => board.toggleModelEditor(),
});

export const projector = registerAction({
  id: 'projector',
  label: 'board.projector',
  hint: 'board.projectorHint',
  group: 'help.general',
  viewOnly: true,
  on: ['toolbar'],
  perform: (board) => board.openProjector(),
});

export const GENERAL_ACTIONS = [joinInfo, undo, redo, menu, help, editModel, projector];
