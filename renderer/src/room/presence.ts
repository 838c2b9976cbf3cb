import { createContext, useContext } from 'react';
import type { Id } from '../../../shared/domain';

/**
 * Who has a phone connected to the open session now (participant ids, from the room's status),
 * for the counts on the board; null while the host has not said (no room connection yet).
 */
export const PresenceContext = createContext<readonly Id[] | null>(null);

export function usePresent(): readonly Id[] | null {
  return useContext(PresenceContext);
}
