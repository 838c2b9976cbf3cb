import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, position, storedText, storedTitle, zoneId } from './fields';

/** What needs extra attention in the next phase plan; usually 2–5 per side. */
export const attentionPointRecord = defineRecord({
  key: 'attentionPoints',
  scope: 'session',
  singleton: false,
  table: 'attention_point',
  version: 1,
  migrations: [],
  conflictField: 'title',
  schema: z
    .object({
      id: entityId,
      /** The side it belongs to, or null for the session as a whole (as the managers did in the memo). */
      zoneId: zoneId.nullable(),
      title: storedTitle,
      order: position,
      /** Marked by the facilitator to go into the phase plan. */
      chosen: z.boolean(),
      /** A theme carried over from an earlier session, so a programme summary can link them. */
      themeKey: storedText(LIMITS.shortText).nullable(),
      /** The programme theme it is linked to by hand (theme.link); absent when it is linked to none. */
      themeId: entityId.optional(),
      conflicts: conflictsFieldSchema,
    })
    .strict(),
});
