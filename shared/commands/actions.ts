import { z } from 'zod';
import { type Action, LIMITS } from '../domain';
import { ACTION_STATUSES } from '../records/action';
import { defineWorkspaceCommand, DomainError, FACILITATOR, notFound, refuse } from './registry';
import { entityId, isoDate, noteText } from './schemas';

/** What people type for an action: trimmed, within the record's limits. */
const owner = z.string().trim().max(LIMITS.actionOwner, `an owner is at most ${LIMITS.actionOwner} characters`);
const outcome = z.string().trim().max(LIMITS.actionNote, `an outcome note is at most ${LIMITS.actionNote} characters`);
const status = z.enum(ACTION_STATUSES, { error: `a status is one of ${ACTION_STATUSES.join(', ')}` });

/**
 * The programme's actions (plan-do-check-act). They live in the workspace stream with the programme,
 * so a later session — on this laptop or, through an archive, on another — can review them. Making
 * one copies the ingredient, its attention point and side from the session it was said in.
 */
export const actionCommands = [
  defineWorkspaceCommand({
    type: 'action.create',
    schema: z.object({ id: entityId, programmeId: entityId, sessionId: entityId, ingredientId: entityId, owner: owner.optional(), due: isoDate.nullable().optional() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, payload, { now, session }) {
      if (tx.state.actions[payload.id]) refuse('duplicate_id', `Action ${payload.id} already exists`);
      if (!tx.state.programmes[payload.programmeId]) notFound('Programme', payload.programmeId);
      const meta = tx.state.sessions[payload.sessionId] ?? notFound('Session', payload.sessionId);
      if (meta.programmeId !== payload.programmeId) refuse('wrong_programme', `Session ${payload.sessionId} does not belong to programme ${payload.programmeId}`);
      const state = session?.(payload.sessionId) ?? notFound('Session', payload.sessionId);
      const ingredient = state.ingredients[payload.ingredientId] ?? notFound('Ingredient', payload.ingredientId);
      const point = state.attentionPoints[ingredient.attentionPointId] ?? notFound('Attention point', ingredient.attentionPointId);
      if (Object.values(tx.state.actions).some((action) => action.ingredientId === ingredient.id && action.sessionId === meta.id)) {
        refuse('duplicate_id', `Ingredient ${ingredient.id} is already an action`);
      }
      tx.put('actions', {
        id: payload.id,
        programmeId: payload.programmeId,
        sessionId: meta.id,
        attentionPointId: point.id,
        ingredientId: ingredient.id,
        zoneId: point.zoneId,
        // The theme it is linked to by hand, by name, so the actions overview and the summary's
        // movement per theme group it with the theme's other actions; else the old free-text key.
        themeKey: (point.themeId !== undefined ? tx.state.themes[point.themeId]?.title : undefined) ?? point.themeKey,
        pointTitle: point.title,
        text: ingredient.text,
        owner: payload.owner ?? '',
        due: payload.due ?? null,
        status: 'open',
        note: '',
        createdAt: now,
        updatedAt: now,
      } satisfies Action);
    },
  }),
  defineWorkspaceCommand({
    // Owner, due date, text, status and note, as the overview edits them.
    type: 'action.update',
    schema: z.object({ id: entityId, owner: owner.optional(), due: isoDate.nullable().optional(), text: noteText.optional(), status: status.optional(), note: outcome.optional() }).strict(),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, ...fields }, { now }) {
      const action = tx.state.actions[id] ?? notFound('Action', id);
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      tx.put('actions', { ...action, ...defined, updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    type: 'action.delete',
    schema: z.object({ id: entityId }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id }) {
      if (!tx.state.actions[id]) throw new DomainError('not_found', `Action ${id} does not exist`);
      tx.remove('actions', id);
    },
  }),
];
