import type { ActionStatus, Id, SessionState, WorkspaceState } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n/messages';

/** The message key of an action status ("Gedaan", "Loopt nog", …). */
export const statusKey = (status: ActionStatus): MessageKey => `action.status.${status}`;

/** Status colours that stay apart for colour-blind viewers (Okabe–Ito), with the word always beside them. */
export const STATUS_COLOURS: Record<ActionStatus, string> = {
  open: '#999999',
  ongoing: '#E69F00',
  done: '#009E73',
  dropped: '#CC79A7',
};

/** The title of the session an action came from, if this laptop has it. */
export function sessionTitle(workspace: WorkspaceState | null, session: SessionState, id: Id): string {
  if (id === session.meta.id) return session.meta.title;
  return workspace?.sessions[id]?.title ?? id;
}
