import type { nlExport } from './nl-export';

/** Texts of the Word export and of the report parts that follow the session (issue 13). */
export const enExport: { readonly [K in keyof typeof nlExport]: string } = {
  'harvest.docx': 'Report (Word)',
  'harvest.docxHint': 'The same report as .docx, to edit and write on in Word or LibreOffice.',
  'harvest.programmeDocx': 'Summary (Word)',
  'harvest.programmeDocxHint': 'The summary as .docx, to edit: add the introduction and the choices, and send it to the partners.',
  'report.programme.unclustered': '{side}: without a theme',
  'report.docx.modelPlaceholder': 'The drawing of the model is in the PDF report. What it shows:',
};
