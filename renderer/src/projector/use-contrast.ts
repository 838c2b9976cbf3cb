import { useSyncExternalStore } from 'react';
import { projectorContrast, subscribeProjectorContrast } from '../facilitator/board/projector-link';

/**
 * The projector's high-contrast look: ?contrast=high (or =calm) in its address decides, as the
 * desktop app opens it; without it, the choice made on the facilitator's laptop in this browser.
 */
export function useProjectorContrast(): boolean {
  const stored = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);
  const asked = new URLSearchParams(window.location.search).get('contrast');
  if (asked === 'high') return true;
  if (asked === 'calm') return false;
  return stored;
}
