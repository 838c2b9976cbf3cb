import { z } from 'zod';
import { entityCount, entityValues, type Transaction } from '../changes';
import { LIMITS } from '../domain';
import type { Note, SessionState, Zone, ZoneArea } from '../domain';
import { clusterRegions } from '../geometry/clusters';
import { type Allowed, tidyPicked } from '../geometry/gather';
import { freeNoteSpot, type TidyPlan, tidySide } from '../geometry/note-places';
import { labelPlacement, labelRoom } from '../geometry/model';
import { zoneAt } from '../templates';
import { type CommandContext, defineSessionCommand, EVERYONE_WHO_WRITES, FACILITATOR, notFound, refuse } from './registry';
import { color, coordinate, entityId, noteText, zoneId } from './schemas';

export function requireZone(state: SessionState, id: string): void {
  if (!state.template.zones.some((zone) => zone.id === id)) refuse('unknown_zone', `Zone ${id} is not part of this model`);
}

export function requireNote(state: SessionState, id: string): Note {
  return state.notes[id] ?? notFound('Note', id);
}

/** Participants may change only what they wrote; the facilitator may change everything. */
function requireOwnNote(state: SessionState, id: string, { actor }: CommandContext): Note {
  const note = requireNote(state, id);
  // A participant without an id owns nothing (the facilitator's notes have no author either).
  if (actor.role === 'participant' && (actor.participantId === null || note.authorId !== actor.participantId)) {
    refuse('not_own_note', 'Participants can only change their own notes');
  }
  return note;
}

/** With moderation on, what a phone writes waits for the facilitator (see SessionSettings.moderation). */
function awaitsApproval(state: SessionState, { actor }: CommandContext): boolean {
  return actor.role === 'participant' && state.settings.moderation === true;
}

/**
 * Where Eiland may lay a note of this side, best first: inside the side; else outside every side
 * but nearer this one than any other, beside it or on the far side from its name; else anywhere it
 * keeps its side.
 */
export function keepsSide(state: SessionState, zoneId: string): Allowed {
  const { template } = state;
  const own = template.zones.find((zone) => zone.id === zoneId);
  const reach = (area: ZoneArea, x: number, y: number) => ((x - area.x) / area.rx) ** 2 + ((y - area.y) / area.ry) ** 2;
  const nearestIsOwn = (x: number, y: number) => own !== undefined && template.zones.every((zone) => reach(own.area, x, y) <= reach(zone.area, x, y));
  // Not past the side's name: beyond it a note looks like it belongs to nothing.
  const labelAbove = own !== undefined && labelPlacement(own.area).side === 'above';
  const besideOrUnder = (y: number) => own !== undefined && (labelAbove ? y >= own.area.y - own.area.ry : y <= own.area.y + own.area.ry);
  return [
    (x, y) => zoneAt(template, x, y)?.id === zoneId,
    (x, y) => {
      const zone = zoneAt(template, x, y);
      return zone === null ? nearestIsOwn(x, y) && besideOrUnder(y) : zone.id === zoneId;
    },
    (x, y) => {
      const zone = zoneAt(template, x, y);
      return zone === null || zone.id === zoneId;
    },
  ];
}

/** Moving a note into another zone's area changes its side; outside every zone it keeps its side. */
function moveNote(tx: Transaction<SessionState>, note: Note, x: number, y: number): void {
  const zoneId = zoneAt(tx.state.template, x, y)?.id ?? note.zoneId;
  const cluster = note.clusterId === null ? undefined : tx.state.clusters[note.clusterId];
  // A cluster is a theme of one side: a note taken to another side leaves it.
  const leaves = cluster !== undefined && cluster.zoneId !== zoneId;
  tx.put('notes', { ...note, x, y, zoneId, clusterId: leaves ? null : note.clusterId });
  if (leaves && !Object.values(tx.state.notes).some((other) => other.clusterId === cluster.id)) tx.remove('clusters', cluster.id);
}

/** A phone's note: clear of every note, every group's box and every side's name. */
function freeSpotFor(state: SessionState, zone: Zone): { x: number; y: number } {
  const boxes = [...clusterRegions(state.clusters, state.notes), ...state.template.zones.map((side) => labelRoom(side.area))];
  return freeNoteSpot(zone, state.template.zones, entityValues(state.notes), boxes);
}

function applyTidy(tx: Transaction<SessionState>, plan: TidyPlan): void {
  for (const { id, x, y } of plan.clusters) {
    const cluster = tx.state.clusters[id];
    if (cluster) tx.put('clusters', { ...cluster, x, y });
  }
  for (const { id, x, y } of plan.moves) tx.put('notes', { ...requireNote(tx.state, id), x, y });
}

export const noteCommands = [
  defineSessionCommand({
    type: 'note.add',
    schema: z.object({
      id: entityId,
      zoneId,
      text: noteText,
      x: coordinate.optional(),
      y: coordinate.optional(),
      color: color.nullable().optional(),
    }),
    roles: EVERYONE_WHO_WRITES,
    undoable: true,
    apply(tx, payload, context) {
      const { state } = tx;
      requireZone(state, payload.zoneId);
      if (state.notes[payload.id]) refuse('duplicate_id', `Note ${payload.id} already exists`);
      if (entityCount(state.notes) >= LIMITS.notesPerSession) {
        refuse('too_many_notes', `A session holds at most ${LIMITS.notesPerSession} notes`);
      }
      const zone = state.template.zones.find((candidate) => candidate.id === payload.zoneId);
      const participant = context.actor.participantId ? state.participants[context.actor.participantId] : undefined;
      const anonymous = state.settings.anonymous;
      tx.put('notes', {
        id: payload.id,
        zoneId: payload.zoneId,
        text: payload.text,
        // Without a place of its own (a phone's note) it takes the side's first free spot.
        ...(payload.x !== undefined && payload.y !== undefined ? { x: payload.x, y: payload.y } : zone ? freeSpotFor(state, zone) : { x: 0, y: 0 }),
        color: payload.color ?? null,
        authorId: context.actor.participantId,
        authorName: anonymous ? null : (participant?.name ?? null),
        clusterId: null,
        createdAt: context.now,
        ...(awaitsApproval(state, context) ? { pending: true } : {}),
      } satisfies Note);
    },
  }),
  defineSessionCommand({
    type: 'note.edit',
    schema: z.object({ id: entityId, text: noteText }),
    roles: EVERYONE_WHO_WRITES,
    undoable: true,
    apply(tx, { id, text }, context) {
      const { conflicts, ...note } = requireOwnNote(tx.state, id, context);
      // Texts another laptop wrote stay beside the note until the facilitator, who sees them, saves it.
      const kept = context.actor.role === 'facilitator' || !conflicts ? note : { ...note, conflicts };
      // An edited phone note goes back to the queue: approval was for the words that were approved.
      tx.put('notes', awaitsApproval(tx.state, context) ? { ...kept, text, pending: true } : { ...kept, text });
    },
  }),
  defineSessionCommand({
    type: 'note.move',
    schema: z.object({
      moves: z.array(z.object({ id: entityId, x: coordinate, y: coordinate })).min(1).max(LIMITS.notesPerSession),
    }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { moves }) {
      for (const { id, x, y } of moves) moveNote(tx, requireNote(tx.state, id), x, y);
    },
  }),
  defineSessionCommand({
    type: 'notes.tidy',
    // A whole side, or the facilitator's selection (its groups kept whole).
    schema: z.union([z.object({ zoneId }).strict(), z.object({ noteIds: z.array(entityId).min(1).max(LIMITS.notesPerSession) }).strict()]),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, payload) {
      const notes = Object.values(tx.state.notes);
      const clusters = Object.values(tx.state.clusters);
      if ('noteIds' in payload) {
        const picked = [...new Set(payload.noteIds)].map((id) => requireNote(tx.state, id));
        const sides = new Set(picked.map((note) => note.zoneId));
        for (const side of sides) {
          const ofSide = picked.filter((note) => note.zoneId === side);
          applyTidy(tx, tidyPicked(ofSide, notes, clusters, tx.state.template.zones, keepsSide(tx.state, side)));
        }
        return;
      }
      requireZone(tx.state, payload.zoneId);
      const zone = tx.state.template.zones.find((candidate) => candidate.id === payload.zoneId);
      if (!zone) return;
      const ofSide = notes.filter((note) => note.zoneId === zone.id);
      const plan = tidySide(zone, tx.state.template.zones, ofSide, clusters.filter((cluster) => cluster.zoneId === zone.id));
      if (!plan) return refuse('side_too_full', `The ${ofSide.length} notes of ${zone.name} do not fit in it`);
      applyTidy(tx, plan);
    },
  }),
  defineSessionCommand({
    type: 'note.recolor',
    schema: z.object({ ids: z.array(entityId).min(1).max(LIMITS.notesPerSession), color: color.nullable() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { ids, color: newColor }) {
      for (const id of ids) tx.put('notes', { ...requireNote(tx.state, id), color: newColor });
    },
  }),
  defineSessionCommand({
    type: 'note.approve',
    schema: z.object({ ids: z.array(entityId).min(1).max(LIMITS.notesPerSession) }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { ids }) {
      for (const id of ids) {
        const { pending, ...approved } = requireNote(tx.state, id);
        if (pending) tx.put('notes', approved);
      }
    },
  }),
  defineSessionCommand({
    type: 'note.delete',
    schema: z.object({ ids: z.array(entityId).min(1).max(LIMITS.notesPerSession) }),
    roles: EVERYONE_WHO_WRITES,
    undoable: true,
    apply(tx, { ids }, context) {
      for (const id of ids) {
        requireOwnNote(tx.state, id, context);
        tx.remove('notes', id);
      }
    },
  }),
];
