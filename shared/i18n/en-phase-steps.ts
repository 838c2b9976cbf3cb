import type { nlPhaseSteps } from './nl-phase-steps';

/** English texts of the phase-step keys (see nl-phase-steps.ts). */
export const enPhaseSteps: { readonly [K in keyof typeof nlPhaseSteps]: string } = {
  'help.phase': 'Phases',
  'phaseStep.voting': 'Open or close voting',
  'phaseStep.result': 'Show or hide the result',
  'phaseStep.reveal': 'Show or hide the notes',
  'shortcut.votingOpen': 'Open voting, and close it again (in the Voting phase)',
  'shortcut.votingResult': 'Show the result on the projector, and hide it again (in the Voting phase)',
  'shortcut.revealNotes': "Show this side's hidden notes, and hide them again (when notes stay hidden until revealed)",
  'shortcut.nextPhase': "Next phase: works anywhere on the screen, also with a presentation clicker",
  'shortcut.previousPhase': 'Previous phase',
  'phaseStep.notesNotHidden': 'The notes are already visible: hiding them until revealed is off in Settings.',
};
