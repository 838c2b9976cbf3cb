import { z } from 'zod';
import type { Phase } from '../domain';
import { LIMITS, PHASE_KINDS } from '../domain';
import { requireZone } from './notes';
import { defineSessionCommand, FACILITATOR, notFound, refuse } from './registry';
import { color, entityId, isoDate, longText, shortText, title, zoneId } from './schemas';
import { pictureDataUrl, zoneArea } from './template-schemas';
import { fillAgenda } from './review';

const phaseKind = z.enum(PHASE_KINDS);
const MINUTE = 60_000;

/** Phases, reveal, projector focus, the timer, and the session's own settings. */
export const flowCommands = [
  defineSessionCommand({
    type: 'phase.set',
    schema: z.object({ phaseId: entityId.nullable() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { phaseId }, { workspace }) {
      const phase = phaseId === null ? null : (tx.state.flow.phases.find((p) => p.id === phaseId) ?? notFound('Phase', phaseId));
      // Going to a side's phase also turns the projector to that side.
      const focusZoneId = phase ? phase.zoneId : tx.state.flow.focusZoneId;
      tx.set('flow', { ...tx.state.flow, currentPhaseId: phaseId, focusZoneId });
      // The review takes the programme's open actions as it opens (also those made since the session began).
      if (phase?.kind === 'review' && tx.state.meta.programmeId !== null) fillAgenda(tx, workspace);
    },
  }),
  defineSessionCommand({
    type: 'phases.configure',
    schema: z.object({
      phases: z.array(z.object({ id: entityId, kind: phaseKind, zoneId: zoneId.nullable() })).max(100),
    }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { phases }) {
      const ids = new Set<string>();
      for (const phase of phases) {
        if (phase.zoneId !== null) requireZone(tx.state, phase.zoneId);
        // phase.set finds a phase by id, so two phases with one id could never both be reached.
        if (ids.has(phase.id)) refuse('duplicate_id', `Phase ${phase.id} appears twice`);
        ids.add(phase.id);
      }
      const current = phases.some((phase) => phase.id === tx.state.flow.currentPhaseId) ? tx.state.flow.currentPhaseId : null;
      tx.set('flow', { ...tx.state.flow, phases: phases satisfies Phase[], currentPhaseId: current });
    },
  }),
  defineSessionCommand({
    type: 'notes.reveal',
    schema: z.object({ zoneId: zoneId.nullable(), revealed: z.boolean() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { zoneId: zone, revealed }) {
      if (zone !== null) requireZone(tx.state, zone);
      const all = tx.state.template.zones.map((z) => z.id);
      const targets = zone === null ? all : [zone];
      const current = new Set(tx.state.flow.revealedZoneIds);
      for (const target of targets) {
        if (revealed) current.add(target);
        else current.delete(target);
      }
      tx.set('flow', { ...tx.state.flow, revealedZoneIds: all.filter((id) => current.has(id)) });
    },
  }),
  defineSessionCommand({
    type: 'focus.set',
    schema: z.object({ zoneId: zoneId.nullable() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { zoneId: zone }) {
      if (zone !== null) requireZone(tx.state, zone);
      tx.set('flow', { ...tx.state.flow, focusZoneId: zone });
    },
  }),
  defineSessionCommand({
    type: 'timer.control',
    schema: z.discriminatedUnion('action', [
      z.object({ action: z.literal('set'), durationMs: z.number().int().min(0).max(24 * 60 * MINUTE) }),
      z.object({ action: z.enum(['start', 'pause', 'addMinute', 'reset']) }),
    ]),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, payload, { now }) {
      const timer = tx.state.timer;
      const remaining = timer.startedAt === null ? timer.remainingMs : Math.max(0, timer.remainingMs - (now - timer.startedAt));
      switch (payload.action) {
        case 'set':
          tx.set('timer', { durationMs: payload.durationMs, startedAt: null, remainingMs: payload.durationMs });
          return;
        case 'start':
          if (timer.startedAt === null) tx.set('timer', { ...timer, startedAt: now, remainingMs: remaining });
          return;
        case 'pause':
          tx.set('timer', { ...timer, startedAt: null, remainingMs: remaining });
          return;
        case 'addMinute':
          tx.set('timer', {
            durationMs: timer.durationMs + MINUTE,
            startedAt: timer.startedAt === null ? null : now,
            remainingMs: remaining + MINUTE,
          });
          return;
        case 'reset':
          tx.set('timer', { ...timer, startedAt: null, remainingMs: timer.durationMs });
      }
    },
  }),
  defineSessionCommand({
    type: 'settings.update',
    schema: z
      .object({
        dotsPerParticipant: z.number().int().min(1).max(LIMITS.dotsPerParticipant),
        maxDotsPerItem: z.number().int().min(1).max(LIMITS.dotsPerParticipant).nullable(),
        anonymous: z.boolean(),
        hideNotesUntilReveal: z.boolean(),
        moderation: z.boolean(),
      })
      .partial()
      .strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, changes) {
      tx.set('settings', { ...tx.state.settings, ...changes });
    },
  }),
  defineSessionCommand({
    type: 'meta.update',
    schema: z
      .object({ title, group: shortText, date: isoDate, facilitator: shortText })
      .partial()
      .strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, changes, { now }) {
      tx.set('meta', { ...tx.state.meta, ...changes, updatedAt: now });
    },
  }),
  defineSessionCommand({
    type: 'zone.update',
    schema: z.object({ id: zoneId, name: shortText.min(1).optional(), color: color.optional(), question: longText.optional() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, ...fields }) {
      requireZone(tx.state, id);
      const zones = tx.state.template.zones.map((zone) =>
        zone.id === id
          ? { ...zone, name: fields.name ?? zone.name, color: fields.color ?? zone.color, question: fields.question ?? zone.question }
          : zone,
      );
      tx.set('template', { ...tx.state.template, zones });
    },
  }),
  defineSessionCommand({
    // Where a zone lies: drawn over the facilitator's own picture, or moved to suit the room.
    type: 'zone.area',
    schema: z.object({ id: zoneId }).extend(zoneArea.shape),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, ...area }) {
      requireZone(tx.state, id);
      const zones = tx.state.template.zones.map((zone) => (zone.id === id ? { ...zone, area } : zone));
      tx.set('template', { ...tx.state.template, zones });
    },
  }),
  defineSessionCommand({
    // The facilitator's own picture of the model behind the zones; null goes back to the drawn figure.
    type: 'template.background',
    schema: z.object({ background: pictureDataUrl.nullable() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { background }) {
      tx.set('template', { ...tx.state.template, background });
    },
  }),
];
