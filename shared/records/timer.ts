import { z } from 'zod';
import { defineRecord } from './define';
import { timestamp } from './fields';

/** The facilitator's timer; phones and the projector count down from the host's clock. */
export const timerRecord = defineRecord({
  key: 'timer',
  scope: 'session',
  singleton: true,
  table: 'session_timer',
  version: 1,
  migrations: [],
  schema: z
    .object({
      durationMs: z.number().int().min(0).max(24 * 3600 * 1000),
      /** Epoch ms when it was last started; null while paused or stopped. */
      startedAt: timestamp.nullable(),
      /** Time left when it was last paused or set. */
      remainingMs: z.number().finite().min(0).max(24 * 3600 * 1000),
    })
    .strict(),
});
