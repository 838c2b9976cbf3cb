import { z } from 'zod';
import { entitiesWhere } from '../changes';
import type { Id, SessionState } from '../domain';
import type { RuleReason } from '../protocol';
import { castRefusal, inVotingScope } from '../rules';
import { DomainError, defineSessionCommand, FACILITATOR, notFound, refuse } from './registry';
import { empty, entityId } from './schemas';

export { inVotingScope, votingScope } from '../rules';

const messageFor = (reason: RuleReason, state: SessionState): string =>
  reason === 'no_dots_left'
    ? `Each participant has ${state.settings.dotsPerParticipant} dots`
    : reason === 'max_dots_per_item'
      ? `At most ${state.settings.maxDotsPerItem} dots on one attention point`
      : 'This attention point is not on the ballot now';

function votesOf(state: SessionState, participantId: Id) {
  return entitiesWhere(state.votes, 'participantId', participantId);
}

export const votingCommands = [
  defineSessionCommand({
    type: 'vote.cast',
    schema: z.object({ id: entityId, attentionPointId: entityId }),
    roles: ['participant'],
    undoable: false,
    apply(tx, { id, attentionPointId }, { actor }) {
      const { state } = tx;
      const participantId = actor.participantId;
      if (!participantId || !state.participants[participantId]) {
        throw new DomainError('forbidden', 'Only a participant who joined can vote');
      }
      if (!state.flow.votingOpen) refuse('voting_closed', 'Voting is not open');
      state.attentionPoints[attentionPointId] ?? notFound('Attention point', attentionPointId);
      if (state.votes[id]) refuse('duplicate_id', `Vote ${id} already exists`);
      // The same rule the phone shows its dots by (shared/rules.ts).
      const reason = castRefusal(state, votesOf(state, participantId), attentionPointId);
      if (reason) refuse(reason, messageFor(reason, state));
      tx.put('votes', { id, attentionPointId, participantId });
    },
  }),
  defineSessionCommand({
    type: 'vote.retract',
    schema: z.object({ id: entityId }),
    roles: ['participant'],
    undoable: false,
    apply(tx, { id }, { actor }) {
      const vote = tx.state.votes[id] ?? notFound('Vote', id);
      if (vote.participantId !== actor.participantId) refuse('not_own_vote', 'You can only take back your own dots');
      if (!tx.state.flow.votingOpen) refuse('voting_closed', 'Voting is not open');
      const point = tx.state.attentionPoints[vote.attentionPointId];
      if (point && !inVotingScope(tx.state, point)) refuse('voting_closed', 'This dot belongs to another ballot');
      tx.remove('votes', id);
    },
  }),
  defineSessionCommand({
    type: 'voting.open',
    schema: z.object({ open: z.boolean() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { open }) {
      // Opening hides the results again: dots cast while totals were revealed would reach every phone live.
      const votesRevealed = open ? false : tx.state.flow.votesRevealed;
      tx.set('flow', { ...tx.state.flow, votingOpen: open, votesRevealed });
    },
  }),
  defineSessionCommand({
    type: 'voting.reveal',
    schema: z.object({ revealed: z.boolean() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { revealed }) {
      tx.set('flow', { ...tx.state.flow, votesRevealed: revealed, votingOpen: revealed ? false : tx.state.flow.votingOpen });
    },
  }),
  defineSessionCommand({
    type: 'votes.clear',
    schema: empty,
    roles: FACILITATOR,
    undoable: true,
    apply(tx) {
      for (const id of Object.keys(tx.state.votes)) tx.remove('votes', id);
    },
  }),
];
