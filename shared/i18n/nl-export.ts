/** Texts of the Word export and of the report parts that follow the session (issue 13). */
export const nlExport = {
  'harvest.docx': 'Verslag (Word)',
  'harvest.docxHint': 'Hetzelfde verslag als .docx, om te bewerken en verder te schrijven in Word of LibreOffice.',
  'harvest.programmeDocx': 'Samenvatting (Word)',
  'harvest.programmeDocxHint': 'De samenvatting als .docx, om te bewerken: schrijf de inleiding en de keuzes erbij en stuur hem naar de partners.',
  'report.programme.unclustered': '{side}: zonder thema',
  'report.docx.modelPlaceholder': 'De tekening van het model staat in het PDF-verslag. Wat ze laat zien:',
} as const;
