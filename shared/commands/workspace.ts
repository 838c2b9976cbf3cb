import { nextSessionZones } from '../carry-themes';
import { z } from 'zod';
import type { SessionMeta } from '../domain';
import { CARRY_CHOICES } from '../carry-themes';
import { findTemplate, resolveTemplate } from '../templates';
import { defineWorkspaceCommand, FACILITATOR, notFound, refuse } from './registry';
import { entityId, isoDate, shortText, title } from './schemas';
import { modelTemplate } from './template-schemas';

const sessionFields = {
  programmeId: entityId.nullable(),
  title,
  group: shortText,
  date: isoDate,
  facilitator: shortText.optional(),
};

/**
 * Programmes and the sessions list. The host creates (or drops) the session's own stream in the
 * same transaction as these commands; see electron/host/engine.
 */
export const workspaceCommands = [
  defineWorkspaceCommand({
    type: 'programme.create',
    schema: z.object({ id: entityId, name: title }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, name }, { now }) {
      if (tx.state.programmes[id]) refuse('duplicate_id', `Programme ${id} already exists`);
      tx.put('programmes', { id, name, createdAt: now });
    },
  }),
  defineWorkspaceCommand({
    type: 'programme.rename',
    schema: z.object({ id: entityId, name: title }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, name }) {
      const programme = tx.state.programmes[id] ?? notFound('Programme', id);
      tx.put('programmes', { ...programme, name });
    },
  }),
  defineWorkspaceCommand({
    type: 'programme.archive',
    schema: z.object({ id: entityId, archived: z.boolean() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, archived }) {
      const programme = tx.state.programmes[id] ?? notFound('Programme', id);
      tx.put('programmes', { ...programme, archived });
    },
  }),
  defineWorkspaceCommand({
    type: 'programme.delete',
    // The name typed again is the confirmation. Its sessions stay, without a programme: nothing
    // that was said in them is lost with it.
    schema: z.object({ id: entityId, confirmName: z.string() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, confirmName }, { now }) {
      const programme = tx.state.programmes[id] ?? notFound('Programme', id);
      if (confirmName.trim() !== programme.name) refuse('confirmation_mismatch', 'The confirmation does not match the programme name');
      for (const meta of Object.values(tx.state.sessions)) {
        if (meta.programmeId === id) tx.put('sessions', { ...meta, programmeId: null, updatedAt: now });
      }
      tx.remove('programmes', id);
    },
  }),
  defineWorkspaceCommand({
    // Keeps a facilitator's own model with the programme, to start its next sessions from. Saving
    // again under the same id replaces it; a built-in template's id stays the built-in's.
    type: 'programme.template.save',
    schema: z.object({ programmeId: entityId, template: modelTemplate }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { programmeId, template }) {
      const programme = tx.state.programmes[programmeId] ?? notFound('Programme', programmeId);
      if (findTemplate(template.id)) refuse('duplicate_id', `Template ${template.id} is a built-in template`);
      const saved = programme.templates ?? [];
      const templates = saved.some((other) => other.id === template.id)
        ? saved.map((other) => (other.id === template.id ? template : other))
        : [...saved, template];
      tx.put('programmes', { ...programme, templates });
    },
  }),
  defineWorkspaceCommand({
    type: 'session.create',
    schema: z.object({ id: entityId, templateId: entityId, ...sessionFields }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, payload, { now }) {
      if (tx.state.sessions[payload.id]) refuse('duplicate_id', `Session ${payload.id} already exists`);
      if (payload.programmeId !== null && !tx.state.programmes[payload.programmeId]) notFound('Programme', payload.programmeId);
      if (!resolveTemplate(tx.state, payload.templateId)) refuse('unknown_template', `Template ${payload.templateId} does not exist`);
      tx.put('sessions', {
        id: payload.id,
        programmeId: payload.programmeId,
        title: payload.title,
        group: payload.group,
        date: payload.date,
        facilitator: payload.facilitator ?? '',
        createdAt: now,
        updatedAt: now,
        archived: false,
      } satisfies SessionMeta);
    },
  }),
  defineWorkspaceCommand({
    type: 'session.duplicate',
    // `themes`: per theme of the previous session, how it goes on (shared/carry-themes.ts); the host
    // builds the new session's points from it (electron/host/engine.ts).
    schema: z.object({
      id: entityId,
      sourceId: entityId,
      title,
      date: isoDate,
      group: shortText.optional(),
      themes: z.array(z.object({ themeId: entityId, carry: z.enum(CARRY_CHOICES) }).strict()).max(500).optional(),
    }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, payload, { now, session }) {
      const source = tx.state.sessions[payload.sourceId] ?? notFound('Session', payload.sourceId);
      if (tx.state.sessions[payload.id]) refuse('duplicate_id', `Session ${payload.id} already exists`);
      for (const { themeId } of payload.themes ?? []) {
        const theme = tx.state.themes[themeId] ?? notFound('Theme', themeId);
        if (theme.programmeId !== source.programmeId) refuse('theme_wrong_programme', `Theme ${themeId} belongs to another programme`);
      }
      // Themes carried to the whole session get a zone each, beside the sides (shared/commands/arrange.ts).
      const sourceState = session?.(payload.sourceId);
      if (sourceState && payload.themes) {
        nextSessionZones(sourceState, Object.values(tx.state.themes), new Map(payload.themes.map((entry) => [entry.themeId, entry.carry])));
      }
      tx.put('sessions', {
        ...source,
        id: payload.id,
        title: payload.title,
        date: payload.date,
        group: payload.group ?? source.group,
        createdAt: now,
        updatedAt: now,
        archived: false,
      } satisfies SessionMeta);
    },
  }),
  defineWorkspaceCommand({
    type: 'session.rename',
    schema: z.object({ id: entityId, title }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, title: newTitle }, { now }) {
      const meta = tx.state.sessions[id] ?? notFound('Session', id);
      tx.put('sessions', { ...meta, title: newTitle, updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    // Which programme a session belongs to (null: none); the programme summary groups by it.
    type: 'session.programme',
    schema: z.object({ id: entityId, programmeId: entityId.nullable() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, programmeId }, { now }) {
      const meta = tx.state.sessions[id] ?? notFound('Session', id);
      if (programmeId !== null && !tx.state.programmes[programmeId]) notFound('Programme', programmeId);
      tx.put('sessions', { ...meta, programmeId, updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    type: 'session.archive',
    schema: z.object({ id: entityId, archived: z.boolean() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, archived }, { now }) {
      const meta = tx.state.sessions[id] ?? notFound('Session', id);
      tx.put('sessions', { ...meta, archived, updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    type: 'session.delete',
    // The title typed again is the confirmation: a stray click can never delete a session.
    schema: z.object({ id: entityId, confirmTitle: z.string() }),
    roles: FACILITATOR,
    undoable: false,
    apply(tx, { id, confirmTitle }) {
      const meta = tx.state.sessions[id] ?? notFound('Session', id);
      if (confirmTitle.trim() !== meta.title) refuse('confirmation_mismatch', 'The confirmation does not match the session title');
      tx.remove('sessions', id);
    },
  }),
];
