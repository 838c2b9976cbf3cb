import { z } from 'zod';
import { LIMITS } from './basics';
import { entityId, isoDate, storedText, storedTitle, timestamp } from './fields';
import { defineRecord } from './define';

export const sessionMetaSchema = z
  .object({
    id: entityId,
    programmeId: entityId.nullable(),
    title: storedTitle,
    /** Who took part: Programmateam, Managers/leidinggevenden, Stuurgroep, or any other. */
    group: storedText(LIMITS.shortText),
    /** Calendar date, YYYY-MM-DD. */
    date: isoDate,
    facilitator: storedText(LIMITS.shortText),
    createdAt: timestamp,
    updatedAt: timestamp,
    archived: z.boolean(),
  })
  .strict();

/**
 * The sessions list: one entry per session in the workspace. It is the record of truth for a
 * session's title, group, date and programme; its deletion is the deletion of the session, so the
 * tombstone keeps the programme it belonged to (a programme archive carries it to other laptops).
 */
export const sessionEntryRecord = defineRecord({
  key: 'sessions',
  scope: 'workspace',
  singleton: false,
  table: 'session',
  version: 1,
  migrations: [],
  schema: sessionMetaSchema,
  tombstoneFields: ['programmeId'],
});

/** The session's own copy of its list entry, so every client of the session has it. Not exported. */
export const sessionMetaRecord = defineRecord({
  key: 'meta',
  scope: 'session',
  singleton: true,
  table: null,
  version: 1,
  migrations: [],
  schema: sessionMetaSchema,
});
