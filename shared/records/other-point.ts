import { z } from 'zod';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, storedNoteText, zoneId } from './fields';

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
