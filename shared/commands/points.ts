import { z } from 'zod';
import type { AttentionPoint, SessionState } from '../domain';
import { LIMITS } from '../domain';
import { requireZone } from './notes';
import { defineSessionCommand, EVERYONE_WHO_WRITES, FACILITATOR, notFound, refuse } from './registry';
import { entityId, longText, noteText, shortText, title, zoneId } from './schemas';

function requirePoint(state: SessionState, id: string): AttentionPoint {
  return state.attentionPoints[id] ?? notFound('Attention point', id);
}

const nextOrder = (items: readonly { order: number }[]) => items.reduce((max, item) => Math.max(max, item.order), 0) + 1;

/** Attention points, their ingredients, the other points mentioned and the observation per side. */
export const pointCommands = [
  defineSessionCommand({
    type: 'attention.add',
    schema: z.object({
      id: entityId,
      zoneId: zoneId.nullable(),
      title: title.optional(),
      fromNoteId: entityId.optional(),
      fromClusterId: entityId.optional(),
      themeKey: shortText.nullable().optional(),
    }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, payload) {
      const { state } = tx;
      if (state.attentionPoints[payload.id]) refuse('duplicate_id', `Attention point ${payload.id} already exists`);
      if (payload.zoneId !== null) requireZone(state, payload.zoneId);
      // Promoting a note or cluster takes its words, so the facilitator need not type them again.
      const source = payload.fromClusterId
        ? (state.clusters[payload.fromClusterId]?.title ?? notFound('Cluster', payload.fromClusterId))
        : payload.fromNoteId
          ? (state.notes[payload.fromNoteId]?.text ?? notFound('Note', payload.fromNoteId))
          : undefined;
      const pointTitle = payload.title ?? source?.slice(0, LIMITS.title);
      if (!pointTitle) return refuse('empty_cluster', 'An attention point needs a title');
      const siblings = Object.values(state.attentionPoints).filter((point) => point.zoneId === payload.zoneId);
      tx.put('attentionPoints', {
        id: payload.id,
        zoneId: payload.zoneId,
        title: pointTitle,
        order: nextOrder(siblings),
        chosen: false,
        themeKey: payload.themeKey ?? null,
      } satisfies AttentionPoint);
    },
  }),
  defineSessionCommand({
    type: 'attention.edit',
    schema: z.object({ id: entityId, title: title.optional(), chosen: z.boolean().optional(), order: z.number().int().min(0).max(10000).optional() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, ...fields }) {
      const point = requirePoint(tx.state, id);
      tx.put('attentionPoints', {
        ...point,
        title: fields.title ?? point.title,
        chosen: fields.chosen ?? point.chosen,
        order: fields.order ?? point.order,
      });
    },
  }),
  defineSessionCommand({
    // Links a point to a theme shared with points of other sessions (null unlinks), so the
    // programme summary can group them. Only a person links: suggestions are never applied alone.
    type: 'attention.link',
    schema: z.object({ id: entityId, themeKey: shortText.min(1).nullable() }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, themeKey }) {
      tx.put('attentionPoints', { ...requirePoint(tx.state, id), themeKey });
    },
  }),
  defineSessionCommand({
    type: 'attention.delete',
    schema: z.object({ id: entityId }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id }) {
      requirePoint(tx.state, id);
      // Its ingredients and dots go with it; undo brings all of them back.
      for (const ingredient of Object.values(tx.state.ingredients)) {
        if (ingredient.attentionPointId === id) tx.remove('ingredients', ingredient.id);
      }
      for (const vote of Object.values(tx.state.votes)) {
        if (vote.attentionPointId === id) tx.remove('votes', vote.id);
      }
      tx.remove('attentionPoints', id);
    },
  }),
  defineSessionCommand({
    type: 'ingredient.add',
    schema: z.object({ id: entityId, attentionPointId: entityId, text: noteText }),
    roles: EVERYONE_WHO_WRITES,
    undoable: true,
    apply(tx, { id, attentionPointId, text }) {
      requirePoint(tx.state, attentionPointId);
      if (tx.state.ingredients[id]) refuse('duplicate_id', `Ingredient ${id} already exists`);
      const siblings = Object.values(tx.state.ingredients).filter((item) => item.attentionPointId === attentionPointId);
      tx.put('ingredients', { id, attentionPointId, text, order: nextOrder(siblings) });
    },
  }),
  defineSessionCommand({
    type: 'ingredient.edit',
    schema: z.object({ id: entityId, text: noteText }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, text }) {
      const ingredient = tx.state.ingredients[id] ?? notFound('Ingredient', id);
      tx.put('ingredients', { ...ingredient, text });
    },
  }),
  defineSessionCommand({
    type: 'ingredient.delete',
    schema: z.object({ id: entityId }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id }) {
      if (!tx.state.ingredients[id]) notFound('Ingredient', id);
      tx.remove('ingredients', id);
    },
  }),
  defineSessionCommand({
    type: 'other.add',
    schema: z.object({ id: entityId, zoneId: zoneId.nullable(), text: noteText }),
    roles: EVERYONE_WHO_WRITES,
    undoable: true,
    apply(tx, { id, zoneId: zone, text }) {
      if (zone !== null) requireZone(tx.state, zone);
      if (tx.state.otherPoints[id]) refuse('duplicate_id', `Point ${id} already exists`);
      const siblings = Object.values(tx.state.otherPoints).filter((point) => point.zoneId === zone);
      tx.put('otherPoints', { id, zoneId: zone, text, order: nextOrder(siblings) });
    },
  }),
  defineSessionCommand({
    type: 'other.delete',
    schema: z.object({ id: entityId }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id }) {
      if (!tx.state.otherPoints[id]) notFound('Point', id);
      tx.remove('otherPoints', id);
    },
  }),
  defineSessionCommand({
    type: 'observation.set',
    schema: z.object({ zoneId, text: longText }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { zoneId: zone, text }) {
      requireZone(tx.state, zone);
      tx.put('observations', { id: zone, text });
    },
  }),
];
