import { BRIDGE_NAME, type EilandBridge } from '../../../../shared/ipc';
import { tokenOf } from '../../client';

/**
 * The projector's high-contrast look, chosen on the facilitator's laptop. In the desktop app the
 * menu sets it (and opens the projector with ?contrast=high); in a browser it is kept on this
 * machine and told to the host, which tells every projector (use-projector-display.ts).
 */
export const CONTRAST_STORAGE_KEY = 'eiland.projector.contrast';

export function projectorContrast(): boolean {
  try {
    return localStorage.getItem(CONTRAST_STORAGE_KEY) === 'high';
  } catch {
    return false;
  }
}

const listeners = new Set<() => void>();

export function setProjectorContrast(high: boolean): void {
  try {
    if (high) localStorage.setItem(CONTRAST_STORAGE_KEY, 'high');
    else localStorage.removeItem(CONTRAST_STORAGE_KEY);
  } catch {
    // A locked-down profile may refuse storage; the projector then keeps its calm look.
  }
  for (const listener of listeners) listener();
}

export function subscribeProjectorContrast(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

/**
 * The desktop app opens its own projector window; in a browser a second tab or window does the job.
 * The projector gets the token the host gave for it (`projectorToken`, in this page's welcome),
 * which can only watch: the facilitator's own token does not leave this window.
 */
export function openProjector(projectorToken: string | undefined): void {
  const bridge = (window as unknown as Record<string, EilandBridge | undefined>)[BRIDGE_NAME];
  if (bridge) {
    void bridge.openProjector();
    return;
  }
  // No ?session: the projector follows whichever session this window has open (see active-session.ts).
  // No ?contrast either: the look comes through the host (use-projector-display.ts), so it follows ◐.
  const params = new URLSearchParams({ token: projectorToken ?? tokenOf(window.location) ?? '' });
  window.open(`projector.html?${params.toString()}`, 'eiland-projector');
}
