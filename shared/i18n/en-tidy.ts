import type { nlTidy } from './nl-tidy';

/** English texts of tidying a side (see nl-tidy.ts). */
export const enTidy: { readonly [K in keyof typeof nlTidy]: string } = {
  'boardAction.tidy': 'Tidy up',
  'shortcut.tidy': "Lay the selection, or with nothing selected a side's notes, out neatly: each group together, nothing on top of anything (one step back with Ctrl+Z)",
  'board.tidyWhichSide': 'Which side? Put the cursor on a note of that side, or show the side with 1 … 6.',
  'toast.tidied': 'The notes of {side} are laid out neatly.',
  'toast.tidiedSelection': 'The selection is laid out neatly; every group stayed whole.',
  'rule.side_too_full': 'That many notes do not fit neatly on this side. Make the side larger with Edit the model, or put notes in groups.',
};
