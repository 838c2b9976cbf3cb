import { z } from 'zod';
import { LIMITS } from './basics';
import { defineRecord } from './define';
import { entityId, position, storedText } from './fields';
import { actionContent, actionStatus, REVIEW_STATUSES } from './action';

/**
 * One action on a session's review agenda ("Terugblik"), stored under the action's id. It copies
 * what the projector and phones show (they never see the workspace), the status the action had
 * when the review began, and what this session decided (`status`, null until reviewed). The
 * action's own status in the programme follows from it (shared/review.ts), so undoing a review
 * puts the action back as it was, and the programme summary reads each session's decisions here.
 */
export const actionReviewRecord = defineRecord({
  key: 'reviews',
  scope: 'session',
  singleton: false,
  table: 'action_review',
  version: 1,
  migrations: [],
  schema: z
    .object({
      id: entityId,
      order: position,
      originSessionId: entityId,
      attentionPointId: entityId,
      ...actionContent,
      previousStatus: actionStatus,
      previousNote: storedText(LIMITS.actionNote),
      /** What this session decided; null while not yet reviewed. */
      status: z.enum(REVIEW_STATUSES).nullable(),
      note: storedText(LIMITS.actionNote),
    })
    .strict(),
});
