/** Texts of the keys for a phase's own steps (stemmen openen, de uitslag, notities onthullen) and for moving between phases. */
export const nlPhaseSteps = {
  'help.phase': 'Fasen',
  'phaseStep.voting': 'Stemmen openen of sluiten',
  'phaseStep.result': 'Uitslag laten zien of verbergen',
  'phaseStep.reveal': 'Notities laten zien of verbergen',
  'shortcut.votingOpen': 'Stemmen openen, en weer sluiten (in de fase Stemmen)',
  'shortcut.votingResult': 'De uitslag op de beamer laten zien, en weer verbergen (in de fase Stemmen)',
  'shortcut.revealNotes': 'De verborgen notities van deze kant laten zien, en weer verbergen (als notities verborgen blijven tot onthullen)',
  'shortcut.nextPhase': 'Volgende fase: werkt overal op het scherm, ook met de klikker van een presentatie',
  'shortcut.previousPhase': 'Vorige fase',
  'phaseStep.notesNotHidden': 'De notities zijn al zichtbaar: verbergen tot onthullen staat uit bij Instellingen.',
} as const;
