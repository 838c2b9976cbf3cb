import { z } from 'zod';
import { type ActionReview, LIMITS, REVIEW_STATUSES } from '../domain';
import { agendaOf, firstToReview, missingAgendaRows } from '../review';
import { defineSessionCommand, DomainError, FACILITATOR, notFound, refuse } from './registry';
import { entityId } from './schemas';
import type { Transaction } from '../changes';
import type { SessionState, WorkspaceState } from '../domain';

const outcome = z.string().trim().max(LIMITS.actionNote, `an outcome note is at most ${LIMITS.actionNote} characters`);
const reactionText = z.string().trim().max(LIMITS.reactionText, `a reaction is at most ${LIMITS.reactionText} characters`);

/** The agenda row of an action; one of the programme's actions not on it is refused with why. */
function requireRow(state: SessionState, actionId: string, workspace: WorkspaceState | undefined): ActionReview {
  const row = state.reviews[actionId];
  if (row) return row;
  const action = workspace?.actions[actionId] ?? notFound('Action', actionId);
  if (action.programmeId !== state.meta.programmeId) refuse('wrong_programme', `Action ${actionId} belongs to another programme`);
  return refuse('not_on_agenda', `Action ${actionId} is not on this session's review`);
}

/** Adds the programme's open actions that are not yet on the agenda (the review phase calls it too). */
export function fillAgenda(tx: Transaction<SessionState>, workspace: WorkspaceState | undefined): void {
  if (!workspace) return;
  for (const row of missingAgendaRows(tx.state, workspace)) tx.put('reviews', row);
  if (tx.state.flow.reviewActionId === null) {
    const first = firstToReview(agendaOf(tx.state));
    if (first !== null) tx.set('flow', { ...tx.state.flow, reviewActionId: first });
  }
}

/**
 * The review ("Terugblik"): the facilitator takes the open actions of earlier sessions one by one
 * and sets each to done, ongoing or dropped with a note; phones react with a thumb or a short note.
 * A decision is undoable; the host keeps the programme's action in step (shared/review.ts).
 */
export const reviewCommands = [
  defineSessionCommand({
    // Brings the programme's open actions onto the agenda (new ones since the review began).
    type: 'review.begin',
    schema: z.object({}).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, _payload, { workspace }) {
      if (tx.state.meta.programmeId === null) refuse('wrong_programme', 'A session without a programme has no actions to review');
      fillAgenda(tx, workspace);
    },
  }),
  defineSessionCommand({
    // Which action the projector and phones show.
    type: 'review.show',
    schema: z.object({ actionId: entityId.nullable() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { actionId }, { workspace }) {
      if (actionId !== null) requireRow(tx.state, actionId, workspace);
      tx.set('flow', { ...tx.state.flow, reviewActionId: actionId });
    },
  }),
  defineSessionCommand({
    type: 'review.set',
    schema: z.object({ actionId: entityId, status: z.enum(REVIEW_STATUSES, { error: `a review sets one of ${REVIEW_STATUSES.join(', ')}` }), note: outcome.optional() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { actionId, status, note }, { workspace }) {
      const row = requireRow(tx.state, actionId, workspace);
      tx.put('reviews', { ...row, status, note: note ?? row.note });
    },
  }),
  defineSessionCommand({
    type: 'review.react',
    schema: z.object({ id: entityId, actionId: entityId, thumb: z.enum(['up', 'down']).nullable(), text: reactionText }),
    roles: ['participant', 'facilitator'],
    undoable: false,
    apply(tx, { id, actionId, thumb, text }, { actor, now, workspace }) {
      if (tx.state.reactions[id]) refuse('duplicate_id', `Reaction ${id} already exists`);
      requireRow(tx.state, actionId, workspace);
      if (actor.role === 'participant' && tx.state.flow.reviewActionId !== actionId) refuse('not_on_agenda', 'Phones react to the action on the wall');
      if (thumb === null && text === '') refuse('empty_reaction', 'A reaction needs a thumb or a few words');
      const participantId = actor.role === 'participant' ? actor.participantId : null;
      if (actor.role === 'participant' && participantId === null) throw new DomainError('forbidden', 'A phone reacts as a participant');
      const mine = Object.values(tx.state.reactions).filter((reaction) => reaction.actionId === actionId && reaction.participantId === participantId);
      if (participantId !== null && mine.length >= LIMITS.reactionsPerAction) refuse('too_many_reactions', `At most ${LIMITS.reactionsPerAction} reactions per action`);
      tx.put('reactions', { id, actionId, participantId, thumb, text, createdAt: now });
    },
  }),
];
