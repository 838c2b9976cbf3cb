import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { entityId, storedText, timestamp } from './fields';

/**
 * A participant's reaction to the action under review: a thumb up or down, a short note, or both.
 * Like a note, whose it is stays with the host: others see the reaction without its author.
 */
export const actionReactionRecord = defineRecord({
  key: 'reactions',
  scope: 'session',
  singleton: false,
  table: 'action_reaction',
  version: 1,
  migrations: [],
  schema: z
    .object({
      id: entityId,
      actionId: entityId,
      participantId: entityId.nullable(),
      thumb: z.enum(['up', 'down']).nullable(),
      text: storedText(LIMITS.reactionText),
      createdAt: timestamp,
    })
    .strict(),
  // Its author sees it with their id (the phone shows "sent"); the fan-out must know whose it is.
  owner: (reaction) => reaction.participantId,
  redact(reaction, { actor }) {
    if (actor.role === 'participant' && reaction.participantId === actor.participantId) return reaction;
    return { ...reaction, participantId: null };
  },
});
