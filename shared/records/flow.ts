import { z } from 'zod';
import { entityId, timestamp } from './fields';
import { defineRecord } from './define';

export const PHASE_KINDS = ['checkin', 'observation', 'notes', 'clustering', 'attention', 'voting', 'ingredients', 'other', 'closing'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const phaseSchema = z
  .object({
    id: entityId,
    kind: z.enum(PHASE_KINDS),
    /** The side this phase is about, or null for the whole session. */
    zoneId: entityId.nullable(),
  })
  .strict();

export const flowRecord = defineRecord({
  key: 'flow',
  scope: 'session',
  singleton: true,
  table: 'session_flow',
  version: 1,
  migrations: [],
  schema: z
    .object({
      phases: z.array(phaseSchema).max(100),
      currentPhaseId: entityId.nullable(),
      /** Zones whose notes are revealed while hideNotesUntilReveal is on. */
      revealedZoneIds: z.array(entityId).max(100),
      votingOpen: z.boolean(),
      /** Vote totals reach projector and phones only after this is set. */
      votesRevealed: z.boolean(),
      /** Where the projector looks: a zone or the whole model. */
      focusZoneId: entityId.nullable(),
    })
    .strict(),
});

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
