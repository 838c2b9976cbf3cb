import { noMod, registerAction } from './register';

/** Where the facilitator looks, and the projector with them. All of it only looks: it works in every phase. */

export const zoomIn = registerAction({
  id: 'zoom-in',
  label: 'view.zoomIn',
  help: 'shortcut.zoomIn',
  icon: '+',
  group: 'help.view',
  keys: ['+'],
  keyTest: (event) => noMod(event) && (event.key === '+' || event.key === '='),
  viewOnly: true,
  on: ['viewColumn'],
  perform: (board) => board.zoomIn(),
});

export const zoomOut = registerAction({
  id: 'zoom-out',
  label: 'view.zoomOut',
  help: 'shortcut.zoomOut',
  icon: '−',
  group: 'help.view',
  keys: ['−'],
  keyTest: (event) => noMod(event) && (event.key === '-' || event.key === '_'),
  viewOnly: true,
  on: ['viewColumn'],
  perform: (board) => board.zoomOut(),
});

export const fit = registerAction({
  id: 'fit',
  label: 'view.fit',
  help: 'shortcut.fit',
  group: 'help.view',
  keys: ['0'],
  keyTest: (event) => noMod(event) && event.key === '0',
  on: ['canvasMenu'],
  perform: (board) => board.fit(),
});

export const focus = registerAction({
  id: 'focus',
  label: 'boardAction.focus',
  help: 'shortcut.focus',
  group: 'help.view',
  keys: ['1 … 6'],
  keyTest: (event) => noMod(event) && /^[1-6]$/.test(event.key),
  perform: (board, { event, zone }) => board.focusZone(zone ?? Number(event?.key ?? '1') - 1),
});

export const exportPicture = registerAction({
  id: 'export-png',
  label: 'board.exportPng',
  hint: 'board.exportPngHint',
  icon: '⤓',
  word: 'board.exportPngShort',
  group: 'help.view',
  viewOnly: true,
  on: ['viewColumn'],
  perform: (board) => board.exportPicture(),
});

export const contrast = registerAction({
  id: 'contrast',
  label: 'board.contrast',
  icon: '◐',
  word: 'board.contrastShort',
  group: 'help.view',
  viewOnly: true,
  on: ['viewColumn'],
  pressed: (context) => context.contrast,
  perform: (board) => board.toggleContrast(),
});

export const VIEW_ACTIONS = [zoomIn, zoomOut, fit, focus, exportPicture, contrast];
