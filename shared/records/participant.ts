import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { entityId, storedText, timestamp } from './fields';

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
