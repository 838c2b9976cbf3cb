import { z } from 'zod';
import type { SessionState, WorkspaceState } from '../domain';
import { LIMITS } from '../domain';
import { defineSessionCommand, defineWorkspaceCommand, FACILITATOR, notFound, refuse } from './registry';
import { entityId } from './schemas';

/**
 * Themes of a programme, and linking points, clusters and notes to them by hand.
 *
 * A theme and the lead's texts live in the workspace stream with the programme; a link is a field
 * (`themeId`) of the point, cluster or note in its own session, so linking is a session command
 * that reads the workspace to check the theme (CommandContext.workspace). Both kinds are undoable:
 * a session's history undoes a link, the workspace's history a theme or a text (electron/host/engine).
 *
 * A title is taken as typed and checked here rather than by the schema, so an empty or too long
 * one gets its own rule reason, and so its own sentence in the catalogue, not a generic "invalid".
 */
const rawTitle = z.string().max(LIMITS.themeTitle * 4);
const leadText = z.string().max(LIMITS.longText, `a text is at most ${LIMITS.longText} characters`);

function checkedTitle(typed: string): string {
  const title = typed.trim().replace(/\s+/g, ' ');
  if (title === '') refuse('theme_title_empty', 'A theme needs a title');
  if (title.length > LIMITS.themeTitle) refuse('theme_title_too_long', `A theme title is at most ${LIMITS.themeTitle} characters`);
  return title;
}

function requireTheme(state: WorkspaceState, id: string) {
  return state.themes[id] ?? notFound('Theme', id);
}

export const themeCommands = [
  defineWorkspaceCommand({
    type: 'theme.create',
    schema: z.object({ id: entityId, programmeId: entityId, title: rawTitle }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, programmeId, title }, { now }) {
      if (tx.state.themes[id]) refuse('duplicate_id', `Theme ${id} already exists`);
      if (!tx.state.programmes[programmeId]) notFound('Programme', programmeId);
      tx.put('themes', { id, programmeId, title: checkedTitle(title), summary: '', createdAt: now, updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    type: 'theme.rename',
    schema: z.object({ id: entityId, title: rawTitle }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, title }, { now }) {
      const theme = requireTheme(tx.state, id);
      tx.put('themes', { ...theme, title: checkedTitle(title), updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    // The lead's synthesis of one theme for "Samengevat"; kept as typed (line breaks are paragraphs).
    type: 'theme.summary.set',
    schema: z.object({ id: entityId, text: leadText }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id, text }, { now }) {
      const theme = requireTheme(tx.state, id);
      tx.put('themes', { ...theme, summary: text.trim(), updatedAt: now });
    },
  }),
  defineWorkspaceCommand({
    // Deleting a theme unlinks everything linked to it: a link to a theme that is gone counts as no
    // link wherever it is read (themeOf in shared/report/programme-themes.ts). The links themselves
    // stay in their sessions, so undoing the deletion brings every one of them back as it was.
    type: 'theme.delete',
    schema: z.object({ id: entityId }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { id }) {
      requireTheme(tx.state, id);
      tx.remove('themes', id);
    },
  }),
  defineWorkspaceCommand({
    // The lead's introduction to "Samengevat", one per programme (see records/programme.ts).
    type: 'programme.introduction.set',
    schema: z.object({ programmeId: entityId, text: leadText }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { programmeId, text }) {
      const programme = tx.state.programmes[programmeId] ?? notFound('Programme', programmeId);
      tx.put('programmes', { ...programme, introduction: text.trim() });
    },
  }),
];

/** What can be linked to a theme: an attention point, a cluster (a theme on the board) or a note. */
export const LINK_TARGETS = ['point', 'cluster', 'note'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];
const target = z.enum(LINK_TARGETS, { error: `a target is one of ${LINK_TARGETS.join(', ')}` });

const COLLECTION = { point: 'attentionPoints', cluster: 'clusters', note: 'notes' } as const;
const NAME = { point: 'Attention point', cluster: 'Cluster', note: 'Note' } as const;

function requireTarget(state: SessionState, kind: LinkTarget, id: string): { themeId?: string | undefined } & Record<string, unknown> {
  const item = (state[COLLECTION[kind]] as Record<string, { themeId?: string } | undefined>)[id];
  return item ?? notFound(NAME[kind], id);
}

export const themeLinkCommands = [
  defineSessionCommand({
    // Only a person links: suggestions (shared/report/suggest.ts) are never applied by themselves.
    type: 'theme.link',
    schema: z.object({ target, id: entityId, themeId: entityId }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { target: kind, id, themeId }, { workspace }) {
      const item = requireTarget(tx.state, kind, id);
      const theme = workspace?.themes[themeId] ?? notFound('Theme', themeId);
      const programmeId = tx.state.meta.programmeId;
      if (programmeId === null) refuse('theme_no_programme', 'This session belongs to no programme, so it has no themes');
      if (theme.programmeId !== programmeId) refuse('theme_wrong_programme', `Theme ${themeId} belongs to another programme`);
      tx.put(COLLECTION[kind], { ...item, themeId } as never);
    },
  }),
  defineSessionCommand({
    type: 'theme.unlink',
    schema: z.object({ target, id: entityId }).strict(),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { target: kind, id }) {
      const { themeId, ...rest } = requireTarget(tx.state, kind, id);
      if (themeId === undefined) refuse('theme_not_linked', `${NAME[kind]} ${id} is not linked to a theme`);
      tx.put(COLLECTION[kind], rest as never);
    },
  }),
];
