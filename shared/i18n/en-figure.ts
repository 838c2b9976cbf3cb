import type { nlFigure } from './nl-figure';

/** English texts of the model figure in the session report; the same keys as nl-figure.ts. */
export const enFigure: { readonly [K in keyof typeof nlFigure]: string } = {
  'report.figure.notes.one': '1 note',
  'report.figure.notes.other': '{count} notes',
  'report.figure.loose.one': '1 note without a theme',
  'report.figure.loose.other': '{count} notes without a theme',
  'report.figure.sideCount': '{notes} · {themes}',
  'report.figure.key.heading': 'The numbered notes in the model',
  'report.figure.key.intro': 'The model shows a number where a note would be too small to read. Here is the note for each number, by side and by theme.',
};
