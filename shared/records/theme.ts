import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, storedText, timestamp } from './fields';

/**
 * A theme of a programme ("Samen handen en voeten geven aan een visie"): attention points, clusters
 * and notes of its sessions are linked to it by hand (their `themeId`), and the programme lead writes
 * what the groups said about it for "Samengevat". It belongs to the programme (kept in the workspace
 * stream, like actions), so every session of the programme links to the same theme and a programme
 * archive carries it.
 */
export const themeRecord = defineRecord({
  key: 'themes',
  scope: 'programme',
  singleton: false,
  table: 'theme',
  version: 1,
  migrations: [],
  // The lead's text is what two laptops may both write; a merge keeps the other text visible.
  conflictField: 'summary',
  // A deletion keeps the programme, so a programme archive carries the tombstone to other laptops.
  tombstoneFields: ['programmeId'],
  schema: z
    .object({
      id: entityId,
      programmeId: entityId,
      title: storedText(LIMITS.themeTitle).min(1),
      /** The programme lead's synthesis of the theme, printed under it in "Samengevat"; '' when none yet. */
      summary: storedText(LIMITS.longText),
      createdAt: timestamp,
      updatedAt: timestamp,
      conflicts: conflictsFieldSchema,
    })
    .strict(),
});
