/**
 * One Eiland per user: a second start would fork a second host on the same database file.
 * The second instance quits at once; the first one comes to the front instead.
 */
import { app } from 'electron';

/**
 * Returns true when this process is the only instance and should go on starting. Returns false
 * (after asking the app to quit) when another instance already runs.
 */
export function claimSingleInstance(focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusExisting());
  return true;
}
