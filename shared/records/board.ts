import { z } from 'zod';
import { LIMITS } from './basics';
import { conflictsFieldSchema, coordinate, entityId, storedNoteText, storedText, storedTitle, zoneId } from './fields';
import { defineRecord } from './define';

/** A theme on the board: notes of one side grouped under a title. */
export const clusterRecord = defineRecord({
  key: 'clusters',
  scope: 'session',
  singleton: false,
  table: 'cluster',
  version: 1,
  migrations: [],
  conflictField: 'title',
  schema: z.object({ id: entityId, zoneId, title: storedTitle, x: coordinate, y: coordinate, conflicts: conflictsFieldSchema }).strict(),
});

const position = z.number().int().min(0).max(1_000_000);

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
      conflicts: conflictsFieldSchema,
    })
    .strict(),
});

/** A concrete action that makes an attention point happen. */
export const ingredientRecord = defineRecord({
  key: 'ingredients',
  scope: 'session',
  singleton: false,
  table: 'ingredient',
  version: 1,
  migrations: [],
  conflictField: 'text',
  schema: z.object({ id: entityId, attentionPointId: entityId, text: storedNoteText, order: position, conflicts: conflictsFieldSchema }).strict(),
});

/** "Overig genoemde punten": said but not chosen; kept, never lost. */
export const otherPointRecord = defineRecord({
  key: 'otherPoints',
  scope: 'session',
  singleton: false,
  table: 'other_point',
  version: 1,
  migrations: [],
  conflictField: 'text',
  schema: z.object({ id: entityId, zoneId: zoneId.nullable(), text: storedNoteText, conflicts: conflictsFieldSchema }).strict(),
});

/** "Wat gaat goed?": one text per side; its id is the side's id. */
export const observationRecord = defineRecord({
  key: 'observations',
  scope: 'session',
  singleton: false,
  table: 'observation',
  version: 1,
  migrations: [],
  conflictField: 'text',
  schema: z.object({ id: zoneId, text: storedText(LIMITS.longText), conflicts: conflictsFieldSchema }).strict(),
});
