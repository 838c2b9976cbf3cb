import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { entityId, storedText, timestamp } from './fields';

/**
 * Someone who joined from a phone. Phones never see the list of who joined. A person who joined
 * twice (a private tab, a second browser) is merged by the facilitator: the duplicate stays as a
 * pointer (`mergedInto`), so its phone's token still finds the person it belongs to.
 */
export const participantRecord = defineRecord({
  key: 'participants',
  scope: 'session',
  singleton: false,
  table: 'participant',
  version: 2,
  // 2: duplicates merged into another participant.
  migrations: [(stored) => ({ ...stored, mergedInto: stored.mergedInto ?? null })],
  schema: z
    .object({ id: entityId, name: storedText(LIMITS.participantName).nullable(), joinedAt: timestamp, mergedInto: entityId.nullable() })
    .strict(),
  redact: (participant, { actor }) => (actor.role === 'participant' ? null : participant),
});
