import { useSyncExternalStore } from 'react';
import { projectorContrast, subscribeProjectorContrast } from '../facilitator/board/projector-link';

/**
 * The projector's high-contrast look: what the facilitator's screen told the host (`fromHost`)
 * decides; before it has, ?contrast=high (or =calm) in its address, as the desktop app opens it;
 * without that, the choice made on the facilitator's laptop in this browser.
 */
export function useProjectorContrast(fromHost: boolean | null): boolean {
  const stored = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);
  if (fromHost !== null) return fromHost;
  const asked = new URLSearchParams(window.location.search).get('contrast');
  if (asked === 'high') return true;
  if (asked === 'calm') return false;
  return stored;
}
