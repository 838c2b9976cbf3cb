import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { conflictsFieldSchema, storedText, zoneId } from './fields';

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
