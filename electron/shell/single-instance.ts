/**
 * One Eiland per user: a second start would fork a second host on the same database file.
 * The second instance quits at once; the first one comes to the front instead and receives the
 * second one's command line (on Windows and Linux that is how a double-clicked .eiland file arrives).
 */
import { app } from 'electron';

/**
 * Returns true when this process is the only instance and should go on starting. Returns false
 * (after asking the app to quit) when another instance already runs.
 */
export function claimSingleInstance(onSecondInstance: (argv: readonly string[], workingDirectory: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondInstance(argv, workingDirectory));
  return true;
}
