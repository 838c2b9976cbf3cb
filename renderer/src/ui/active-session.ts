/**
 * The session the facilitator has open. The projector shows that one: both windows share the
 * host's origin, so localStorage (and its 'storage' event) carries the choice without the host.
 */
export const ACTIVE_SESSION_KEY = 'eiland.activeSession';

export function rememberActiveSession(id: string): void {
  try {
    localStorage.setItem(ACTIVE_SESSION_KEY, id);
  } catch {
    // Without storage the projector falls back to the most recently updated session.
  }
}

export function readActiveSession(): string | null {
  try {
    return localStorage.getItem(ACTIVE_SESSION_KEY);
  } catch {
    return null;
  }
}
