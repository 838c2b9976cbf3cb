import { z } from 'zod';
import { modelTemplate } from '../commands/template-schemas';
import { LIMITS } from './basics';
import { entityId, storedText, storedTitle, timestamp } from './fields';
import { defineRecord } from './define';

/** The long-running effort that sessions belong to (e.g. a 20-year alliance). */
export const programmeRecord = defineRecord({
  key: 'programmes',
  scope: 'workspace',
  singleton: false,
  table: 'programme',
  version: 1,
  migrations: [],
  schema: z
    .object({
      id: entityId,
      name: storedTitle,
      createdAt: timestamp,
      /**
       * Model templates the facilitator made for this programme (own zones, colours, questions or
       * picture), offered again for its next sessions. Absent in programmes made before they existed.
       */
      templates: z.array(modelTemplate).max(50).optional(),
      /** Hidden from the lists, kept whole. Absent in programmes made before archiving existed. */
      archived: z.boolean().optional(),
      /**
       * The programme lead's introduction to "Samengevat", the programme summary. One per programme,
       * so it lives on the programme itself and travels in every archive of it. Absent until written.
       */
      introduction: storedText(LIMITS.longText).optional(),
    })
    .strict(),
});
