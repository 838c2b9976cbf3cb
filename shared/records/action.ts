import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { conflictsFieldSchema, entityId, isoDate, storedNoteText, storedText, storedTitle, timestamp, zoneId } from './fields';

/**
 * Plan-do-check-act: 'open' when made, then set in the review ("Terugblik") of a later session.
 * 'done' and 'dropped' end an action; 'open' and 'ongoing' come back in the next review.
 */
export const ACTION_STATUSES = ['open', 'ongoing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** What a review may set: an action is never put back to 'open' by a review. */
export const REVIEW_STATUSES = ['ongoing', 'done', 'dropped'] as const;
export const actionStatus = z.enum(ACTION_STATUSES);

/** What an action says, as a session's review agenda copies it too (action-review.ts). */
export const actionContent = {
  /** The side of its attention point, or null for the session as a whole. */
  zoneId: zoneId.nullable(),
  /** The attention point's theme (carried across sessions), for the programme summary. */
  themeKey: storedText(LIMITS.shortText).nullable(),
  pointTitle: storedTitle,
  text: storedNoteText,
  /** A name or a role ("de coördinator"); empty when nobody was named. */
  owner: storedText(LIMITS.actionOwner),
  due: isoDate.nullable(),
};

/**
 * An ingredient that became an action. It belongs to the programme (kept in the workspace stream,
 * like the programme itself), so every later session of the programme can review it; it keeps where
 * it came from (session, attention point, side, theme) and copies the point's title and the
 * ingredient's text, so a report of a later session can show it without the first session loaded.
 */
export const actionRecord = defineRecord({
  key: 'actions',
  scope: 'programme',
  singleton: false,
  table: 'action',
  version: 1,
  migrations: [],
  conflictField: 'text',
  // A deletion keeps the programme, so a programme archive carries the tombstone to other laptops.
  tombstoneFields: ['programmeId'],
  schema: z
    .object({
      id: entityId,
      programmeId: entityId,
      /** The session it was made in. */
      sessionId: entityId,
      attentionPointId: entityId,
      /** The ingredient it came from; null for an action typed in directly. */
      ingredientId: entityId.nullable(),
      ...actionContent,
      status: actionStatus,
      /** The short outcome note of its last review. */
      note: storedText(LIMITS.actionNote),
      createdAt: timestamp,
      updatedAt: timestamp,
      conflicts: conflictsFieldSchema,
    })
    .strict(),
});
