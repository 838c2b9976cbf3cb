import { useSyncExternalStore } from 'react';
import { projectorContrast, subscribeProjectorContrast } from '../facilitator/board/projector-link';

/**
 * The projector's high-contrast look. ?contrast=high (or =calm) in its address decides: the
 * desktop app opens its projector window that way from its own menu. Without it, what the
 * facilitator's screen told the host (`fromHost`), so a projector opened anywhere follows; before
 * the host knows, the choice made on the facilitator's laptop in this browser.
 */
export function useProjectorContrast(fromHost: boolean | null): boolean {
  const stored = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);
  const asked = new URLSearchParams(window.location.search).get('contrast');
  if (asked === 'high') return true;
  if (asked === 'calm') return false;
  return fromHost ?? stored;
}
