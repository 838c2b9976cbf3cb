import type { Note, SessionState } from '../../../shared/domain';

/** Notes from phones waiting for the facilitator's approval, oldest first (the order they came in). */
export function pendingNotes(session: SessionState): Note[] {
  return Object.values(session.notes)
    .filter((note) => note.pending === true)
    .sort((a, b) => a.createdAt - b.createdAt);
}
