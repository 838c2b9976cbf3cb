import { z } from 'zod';
import { defineRecord } from './define';
import { entityId } from './fields';

/** One dot. A participant's dots are counted against the session's budget. */
export const voteRecord = defineRecord({
  key: 'votes',
  scope: 'session',
  singleton: false,
  table: 'vote',
  version: 1,
  migrations: [],
  schema: z.object({ id: entityId, attentionPointId: entityId, participantId: entityId }).strict(),
  owner: (vote) => vote.participantId,
  redact(vote, { actor, state }) {
    // Phones see their own dots; totals reach anyone else only after the reveal, and never whose they are.
    if (actor.role === 'participant' && vote.participantId === actor.participantId) return vote;
    if (!state.flow.votesRevealed) return null;
    return { ...vote, participantId: '' };
  },
});
