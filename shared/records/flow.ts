import { z } from 'zod';
import { entityId } from './fields';
import { defineRecord } from './define';

export const PHASE_KINDS = ['review', 'checkin', 'observation', 'notes', 'clustering', 'attention', 'voting', 'ingredients', 'other', 'closing'] as const;
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
  version: 2,
  // 2: the review phase and its cursor (reviewActionId).
  migrations: [(stored) => ({ ...stored, reviewActionId: null })],
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
      /** The action the review ("Terugblik") shows now, on the projector and the phones. */
      reviewActionId: entityId.nullable(),
    })
    .strict(),
});
