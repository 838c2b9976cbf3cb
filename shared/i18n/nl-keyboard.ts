/** Texts of the board's keyboard path: the cursor that arrow keys move and Space picks with. */
export const nlKeyboard = {
  'shortcut.cursor': 'Door de notities gaan: ← → in leesvolgorde (door naar de volgende kant), ↑ ↓ naar de notitie erboven of eronder',
  'shortcut.pick': 'Notitie bij de cursor kiezen, of niet meer kiezen',
  'shortcut.pickGroup': 'De groep van de notitie bij de cursor kiezen',
  'key.space': 'Spatie',
  'key.shiftSpace': 'Shift + spatie',
  'key.modArrows': 'Ctrl + pijltjes',
  'cursor.at': '{side}, notitie {position} van {count}: {text}',
  'cursor.selected': 'gekozen',
  'cursor.inGroup': 'in groep {title}',
  'cursor.noNotes': 'Er zijn nog geen notities. Druk op N voor een nieuwe.',
} as const;
