/**
 * Dutch texts of the board's one register of actions (renderer/src/facilitator/board/actions):
 * the short name of each action (on a button, in the menu, in a refusal), the context menu, and
 * what is said when an action does not fit the phase or the selection. Part of the one catalogue
 * (spread into `nl` in nl.ts). Not the plan-do-check-act actions of nl-actions.ts.
 */
export const nlBoardActions = {
  'boardAction.new': 'Nieuwe notitie',
  'boardAction.edit': 'Tekst wijzigen',
  'boardAction.selectAll': 'Alles kiezen',
  'boardAction.clear': 'Niets meer kiezen',
  'boardAction.cursor': 'Door de notities gaan',
  'boardAction.pick': 'Notitie kiezen',
  'boardAction.pickGroup': 'Groep kiezen',
  'boardAction.nudge': 'Verschuiven',
  'boardAction.color': 'Volgende kleur',
  'boardAction.colorReset': 'Kleur van de kant',
  'boardAction.focus': 'Eén kant groot',
  'boardAction.joinInfo': 'Code voor telefoons',
  'boardAction.menu': 'Menu',
  'shortcut.menu': 'Menu met wat je kunt doen: bij de cursor of bij wat je koos',
  'key.menu': 'Menutoets',

  'boardAction.menuLabel': 'Wat je hier kunt doen',
  'boardAction.notInPhase': '{action} kan niet in de fase {phase}. Dat kan in: {phases}.',
  'boardAction.needsNotes': '{action}: kies eerst een of meer notities.',
  'boardAction.needsCluster': '{action}: kies eerst een groep. Klik op de naam van de groep.',
  'boardAction.needsSelection': '{action}: kies eerst een notitie of een groep.',
  'boardAction.needsOne': '{action}: kies eerst één notitie of een groep.',
  'boardAction.nothingInPhase': 'In de fase {phase} verander je geen notities.',
  'boardAction.hintLooking': 'In deze fase schrijf je geen notities. Druk op ? voor alle sneltoetsen.',
  'help.notInPhase': 'niet in deze fase',
  'help.phaseNote': 'Grijs: kan niet in de fase {phase}.',
} as const;
