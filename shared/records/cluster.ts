import { z } from 'zod';
import { defineRecord } from './define';
import { conflictsFieldSchema, coordinate, entityId, storedTitle, zoneId } from './fields';

/** A theme on the board: notes of one side grouped under a title. */
export const clusterRecord = defineRecord({
  key: 'clusters',
  scope: 'session',
  singleton: false,
  table: 'cluster',
  version: 1,
  migrations: [],
  conflictField: 'title',
  schema: z
    .object({
      id: entityId,
      zoneId,
      title: storedTitle,
      x: coordinate,
      y: coordinate,
      /** The programme theme it is linked to by hand (theme.link); absent when it is linked to none. */
      themeId: entityId.optional(),
      conflicts: conflictsFieldSchema,
    })
    .strict(),
});

