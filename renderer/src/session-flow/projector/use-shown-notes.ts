import { useMemo } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { shownNotes } from '../progress';

/** The notes the projector's canvas may draw; the same object until notes or their visibility change. */
export function useShownNotes(session: SessionState | null): SessionState['notes'] | undefined {
  const notes = session?.notes;
  const hide = session?.settings.hideNotesUntilReveal ?? false;
  const revealed = session?.flow.revealedZoneIds;
  return useMemo(() => (notes && revealed ? shownNotes(notes, hide, revealed) : notes), [notes, hide, revealed]);
}
