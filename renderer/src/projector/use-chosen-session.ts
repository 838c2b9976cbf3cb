import { useSyncExternalStore } from 'react';
import type { Id } from '../../../shared/domain';
import { readActiveSession } from '../ui/active-session';
import { latestSession } from '../store/selectors';
import { useAppStore } from '../ui/app-context';

function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

/**
 * Which session the beamer shows: the one named in the URL (?session=ID); else the one the
 * facilitator has open in this app; else the most recently updated session that is not archived.
 */
export function useChosenSession(): Id | null {
  const requested = new URLSearchParams(window.location.search).get('session');
  const active = useSyncExternalStore(subscribeStorage, readActiveSession);
  const sessions = useAppStore((state) => state.workspace?.sessions);
  const latest = useAppStore((state) => latestSession(state.workspace)?.id ?? null);
  if (requested) return requested;
  if (active && sessions?.[active]) return active;
  return latest;
}
