import { z } from 'zod';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, position, storedNoteText } from './fields';

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
