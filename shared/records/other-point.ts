import { z } from 'zod';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, position, storedNoteText, zoneId } from './fields';

/** "Overig genoemde punten": said but not chosen; kept, never lost. */
export const otherPointRecord = defineRecord({
  key: 'otherPoints',
  scope: 'session',
  singleton: false,
  table: 'other_point',
  version: 2,
  // 2: the order they were said in ("Overig genoemde punten" are listed as entered). Points stored
  // before it had none: they share 0 and keep the old order by id among themselves.
  migrations: [(stored) => ({ ...stored, order: stored.order ?? 0 })],
  conflictField: 'text',
  schema: z.object({ id: entityId, zoneId: zoneId.nullable(), text: storedNoteText, order: position, conflicts: conflictsFieldSchema }).strict(),
});
