import { applyChanges, type Change } from '../../../shared/changes';
import type { Id, SessionState } from '../../../shared/domain';
import type { SliceCreator } from './types';

export interface SessionSlice {
  /** The session this window shows; its state is null until the host's snapshot arrives. */
  sessionId: Id | null;
  session: SessionState | null;
  sessionOpened(id: Id | null): void;
  sessionSnapshot(id: Id, state: SessionState): void;
  sessionChanged(id: Id, changes: readonly Change[]): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set) => ({
  sessionId: null,
  session: null,
  sessionOpened: (sessionId) => set({ sessionId, session: null, selection: [], editing: null, cursor: null }),
  sessionSnapshot: (id, session) =>
    set((state) => (state.sessionId === id ? { session, selection: keepExisting(state.selection, session) } : {})),
  sessionChanged: (id, changes) =>
    set((state) => {
      if (state.sessionId !== id || !state.session) return {};
      const session = applyChanges(state.session, changes);
      const selection = changes.some((change) => change.key === 'notes' && change.after === null)
        ? keepExisting(state.selection, session)
        : state.selection;
      return { session, selection };
    }),
});

/** A note deleted elsewhere (a phone, an undo) must not stay selected, or Delete would target a ghost. */
function keepExisting(selection: readonly Id[], session: SessionState): Id[] {
  const kept = selection.filter((id) => session.notes[id] !== undefined);
  return kept.length === selection.length ? (selection as Id[]) : kept;
}
