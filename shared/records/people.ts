import { z } from 'zod';
import { LIMITS } from './basics';
import { entityId, storedText, timestamp } from './fields';
import { defineRecord } from './define';

/** One dot. A participant's dots are counted against the session's budget. */
export const voteRecord = defineRecord({
  key: 'votes',
  scope: 'session',
  singleton: false,
  table: 'vote',
  version: 1,
  migrations: [],
  schema: z.object({ id: entityId, attentionPointId: entityId, participantId: entityId }).strict(),
  redact(vote, { actor, state }) {
    // Phones see their own dots; totals reach anyone else only after the reveal, and never whose they are.
    if (actor.role === 'participant' && vote.participantId === actor.participantId) return vote;
    if (!state.flow.votesRevealed) return null;
    return { ...vote, participantId: '' };
  },
});

/** Someone who joined from a phone. Phones never see the list of who joined. */
export const participantRecord = defineRecord({
  key: 'participants',
  scope: 'session',
  singleton: false,
  table: 'participant',
  version: 1,
  migrations: [],
  schema: z.object({ id: entityId, name: storedText(LIMITS.participantName).nullable(), joinedAt: timestamp }).strict(),
  redact: (participant, { actor }) => (actor.role === 'participant' ? null : participant),
});
