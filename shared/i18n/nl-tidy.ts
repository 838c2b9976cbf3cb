/** Texts of "Netjes leggen": a side's notes laid out without overlap, groups together. */
export const nlTidy = {
  'boardAction.tidy': 'Netjes leggen',
  'shortcut.tidy': 'De selectie, of zonder selectie de notities van een kant, netjes neerleggen: elke groep bij elkaar, niets over elkaar (één stap terug met Ctrl+Z)',
  'board.tidyWhichSide': 'Welke kant? Zet de cursor op een notitie van die kant, of toon de kant met 1 … 6.',
  'toast.tidied': 'De notities van {side} liggen netjes.',
  'toast.tidiedSelection': 'De selectie ligt netjes; elke groep is heel gebleven.',
  'rule.side_too_full': 'Zoveel notities passen niet netjes op deze kant. Maak de kant groter met Model aanpassen, of zet notities in groepen.',
} as const;
