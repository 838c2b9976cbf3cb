import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';

const dots = z.number().int().min(1).max(LIMITS.dotsPerParticipant);

export const settingsRecord = defineRecord({
  key: 'settings',
  scope: 'session',
  singleton: true,
  table: 'session_settings',
  version: 2,
  migrations: [
    // Version 1 settings were made before moderation existed: those sessions ran without it.
    (stored) => ({ ...stored, moderation: stored.moderation ?? false }),
  ],
  schema: z
    .object({
      dotsPerParticipant: dots,
      /** At most this many of one participant's dots on one attention point; null means no limit. */
      maxDotsPerItem: dots.nullable(),
      /** When on, names are not shown or stored with notes. */
      anonymous: z.boolean(),
      /** When on, notes stay hidden from the projector and other phones until the facilitator reveals them. */
      hideNotesUntilReveal: z.boolean(),
      /**
       * When on, a note from a phone waits in the facilitator's queue (`Note.pending`) and reaches the
       * projector and other phones only once approved, so one unkind line never hits the wall.
       */
      moderation: z.boolean(),
    })
    .strict(),
});
