import type { Change } from './changes';
import type { Action, ActionReview, ActionStatus, Flow, Id, Phase, SessionState, WorkspaceState } from './domain';

/**
 * Plan-do-check-act across sessions, the rules shared by host, reducer and screens. An action lives
 * in the programme (workspace); a session reviews it through a row on its own agenda
 * (`reviews`), and the action's status follows that row. Pure: no zod, no I/O.
 */

export const REVIEW_PHASE: Phase = { id: 'review', kind: 'review', zoneId: null };

/** Still to be looked at: made, or going on. */
export const isOpenAction = (action: Pick<Action, 'status'>): boolean => action.status === 'open' || action.status === 'ongoing';

/**
 * What a session of a programme reviews: the open actions of its other sessions that took place
 * before it (or on the same day), oldest session first, in the order they were made.
 */
export function reviewAgenda(workspace: WorkspaceState, meta: Pick<SessionState['meta'], 'id' | 'programmeId' | 'date'>): Action[] {
  if (meta.programmeId === null) return [];
  const dateOf = (id: Id) => workspace.sessions[id]?.date ?? '';
  return Object.values(workspace.actions ?? {})
    .filter((action) => action.programmeId === meta.programmeId && action.sessionId !== meta.id && isOpenAction(action) && dateOf(action.sessionId) <= meta.date)
    .sort((a, b) => dateOf(a.sessionId).localeCompare(dateOf(b.sessionId)) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** An agenda row for an action, as the review begins. */
export function reviewRow(action: Action, order: number): ActionReview {
  return {
    id: action.id,
    order,
    originSessionId: action.sessionId,
    attentionPointId: action.attentionPointId,
    zoneId: action.zoneId,
    themeKey: action.themeKey,
    pointTitle: action.pointTitle,
    text: action.text,
    owner: action.owner,
    due: action.due,
    previousStatus: action.status,
    previousNote: action.note,
    status: null,
    note: '',
  };
}

/** The agenda rows a session lacks for its programme's open actions (kept rows stay as they are). */
export function missingAgendaRows(state: Pick<SessionState, 'meta' | 'reviews'>, workspace: WorkspaceState): ActionReview[] {
  const rows = Object.values(state.reviews);
  let order = rows.reduce((max, row) => Math.max(max, row.order), 0);
  return reviewAgenda(workspace, state.meta)
    .filter((action) => !state.reviews[action.id])
    .map((action) => reviewRow(action, ++order));
}

/** The agenda in its order. */
export const agendaOf = (state: Pick<SessionState, 'reviews'>): ActionReview[] => Object.values(state.reviews).sort((a, b) => a.order - b.order);

/** The first row not yet reviewed, else the first row. */
export function firstToReview(rows: readonly ActionReview[]): Id | null {
  return (rows.find((row) => row.status === null) ?? rows[0])?.id ?? null;
}

/**
 * A session in a programme with open actions opens with the review: the phase goes first, its
 * agenda is filled and the session starts in it. Nothing changes for a session without them.
 */
export function openWithReview(state: SessionState, workspace: WorkspaceState): SessionState {
  const rows = missingAgendaRows(state, workspace);
  if (rows.length === 0) return state;
  const phases = state.flow.phases.some((phase) => phase.kind === 'review') ? state.flow.phases : [REVIEW_PHASE, ...state.flow.phases];
  const reviews = { ...state.reviews, ...Object.fromEntries(rows.map((row) => [row.id, row])) };
  const review = phases.find((phase) => phase.kind === 'review') as Phase;
  const flow: Flow = { ...state.flow, phases, currentPhaseId: review.id, reviewActionId: firstToReview(Object.values(reviews).sort((a, b) => a.order - b.order)) };
  return { ...state, flow, reviews };
}

/** The status and note an action has after a session's row: the decision, or what it had before. */
export function outcomeOf(row: ActionReview): { status: ActionStatus; note: string } {
  return row.status === null ? { status: row.previousStatus, note: row.previousNote } : { status: row.status, note: row.note };
}

/**
 * The workspace changes that keep the programme's actions in step with a session's review rows:
 * a decision sets the action's status and note; taking it back (undo) restores what it had before.
 */
export function actionChangesFor(workspace: WorkspaceState, changes: readonly Change[], now: number): Change[] {
  const out: Change[] = [];
  const next = new Map<Id, Action>();
  for (const change of changes) {
    if (change.key !== 'reviews' || change.id === null) continue;
    const row = (change.after ?? change.before) as ActionReview | null;
    if (!row) continue;
    const action = next.get(row.id) ?? workspace.actions?.[row.id];
    if (!action) continue;
    const { status, note } = outcomeOf((change.after as ActionReview | null) ?? { ...row, status: null });
    if (action.status === status && action.note === note) continue;
    next.set(row.id, { ...action, status, note, updatedAt: now });
  }
  for (const [id, after] of next) out.push({ key: 'actions', id, before: workspace.actions[id] ?? null, after });
  return out;
}

/** Thumbs and notes given to one action in this session. */
export function reactionsTo(state: Pick<SessionState, 'reactions'>, actionId: Id): { up: number; down: number; notes: string[] } {
  let up = 0;
  let down = 0;
  const notes: string[] = [];
  for (const reaction of Object.values(state.reactions)) {
    if (reaction.actionId !== actionId) continue;
    if (reaction.thumb === 'up') up++;
    if (reaction.thumb === 'down') down++;
    if (reaction.text) notes.push(reaction.text);
  }
  return { up, down, notes };
}
