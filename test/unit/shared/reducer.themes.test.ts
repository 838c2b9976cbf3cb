import { describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../../shared/domain';
import { LIMITS } from '../../../shared/domain';
import type { ErrorCode, RuleReason } from '../../../shared/protocol';
import { applyCommand, type CommandInput, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../../shared/reducer';
import { translate } from '../../../shared/i18n/messages';
import { deepFreeze, expectWorkspaceRefused, FACILITATOR, NOW, PARTICIPANT, reviewWorkspace, seededState, step, stepWorkspace, text } from './fixtures';

/** prog1 (the session's programme) with theme th1; prog2 with theme th2. */
function themedWorkspace(): WorkspaceState {
  let ws = stepWorkspace(reviewWorkspace(), { type: 'theme.create', id: 'th1', programmeId: 'prog1', title: '  Samen handen en   voeten geven aan een visie ' });
  ws = stepWorkspace(ws, { type: 'programme.create', id: 'prog2', name: 'Ander programma' });
  return stepWorkspace(ws, { type: 'theme.create', id: 'th2', programmeId: 'prog2', title: 'Elders' });
}

/** A session with cluster c1 (notes n1, n2) besides seededState's points and notes. */
function sessionWithCluster(): SessionState {
  return step(seededState(), { type: 'cluster.create', id: 'c1', title: 'Visie', noteIds: ['n1', 'n2'] });
}

function runLink(state: SessionState, command: CommandInput, actor = FACILITATOR, workspace = themedWorkspace()) {
  return applyCommand(SESSION_COMMANDS, state, command, { actor, now: NOW, workspace });
}

function expectLinkRefused(state: SessionState, command: CommandInput, code: ErrorCode, reason?: RuleReason, actor = FACILITATOR, workspace = themedWorkspace()) {
  const before = structuredClone(state);
  const frozen = deepFreeze(structuredClone(state));
  const outcome = runLink(frozen, command, actor, workspace);
  expect(outcome.ok).toBe(false);
  if (outcome.ok) throw new Error('unreachable');
  expect(outcome.code).toBe(code);
  expect(outcome.reason).toBe(reason);
  expect(frozen).toEqual(before);
  return outcome;
}

describe('theme.create and theme.rename', () => {
  it('makes a theme of the programme with its title trimmed and no text yet', () => {
    expect(themedWorkspace().themes.th1).toEqual({
      id: 'th1',
      programmeId: 'prog1',
      title: 'Samen handen en voeten geven aan een visie',
      summary: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('refuses an empty title and one over the limit, with their own reasons and Dutch and English texts', () => {
    const ws = themedWorkspace();
    const empty = expectWorkspaceRefused(ws, { type: 'theme.create', id: 'th9', programmeId: 'prog1', title: '   ' }, FACILITATOR, 'rule_violation', 'theme_title_empty');
    expect(empty.message).toBe('A theme needs a title');
    const long = expectWorkspaceRefused(ws, { type: 'theme.create', id: 'th9', programmeId: 'prog1', title: text(LIMITS.themeTitle + 1) }, FACILITATOR, 'rule_violation', 'theme_title_too_long');
    expect(long.message).toContain(`at most ${LIMITS.themeTitle}`);
    expect(translate('nl', 'rule.theme_title_too_long')).toContain(String(LIMITS.themeTitle));
    expect(translate('en', 'rule.theme_title_empty')).toBe('Give the theme a name.');
    expectWorkspaceRefused(ws, { type: 'theme.rename', id: 'th1', title: '' }, FACILITATOR, 'rule_violation', 'theme_title_empty');
    expectWorkspaceRefused(ws, { type: 'theme.rename', id: 'th1', title: text(LIMITS.themeTitle + 1) }, FACILITATOR, 'rule_violation', 'theme_title_too_long');
    expect(stepWorkspace(ws, { type: 'theme.create', id: 'th9', programmeId: 'prog1', title: text(LIMITS.themeTitle) }).themes.th9?.title).toHaveLength(LIMITS.themeTitle);
  });

  it('refuses a theme of a programme that does not exist, and a duplicate id', () => {
    expectWorkspaceRefused(themedWorkspace(), { type: 'theme.create', id: 'th9', programmeId: 'nope', title: 'Visie' }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(themedWorkspace(), { type: 'theme.create', id: 'th1', programmeId: 'prog1', title: 'Visie' }, FACILITATOR, 'rule_violation', 'duplicate_id');
  });

  it('renames, keeping the lead’s text', () => {
    let ws = stepWorkspace(themedWorkspace(), { type: 'theme.summary.set', id: 'th1', text: '  Alle groepen willen de visie eigen maken.\n\nMet voorbeelden.  ' });
    ws = stepWorkspace(ws, { type: 'theme.rename', id: 'th1', title: 'Visie' });
    expect(ws.themes.th1).toMatchObject({ title: 'Visie', summary: 'Alle groepen willen de visie eigen maken.\n\nMet voorbeelden.' });
  });

  it('is refused to a participant (a phone), changing nothing', () => {
    expectWorkspaceRefused(themedWorkspace(), { type: 'theme.create', id: 'th9', programmeId: 'prog1', title: 'Visie' }, PARTICIPANT, 'forbidden');
    expectWorkspaceRefused(themedWorkspace(), { type: 'theme.summary.set', id: 'th1', text: 'x' }, PARTICIPANT, 'forbidden');
    expectWorkspaceRefused(themedWorkspace(), { type: 'programme.introduction.set', programmeId: 'prog1', text: 'x' }, PARTICIPANT, 'forbidden');
  });
});

describe('the lead’s texts', () => {
  it('sets the introduction on the programme, and refuses one over the limit', () => {
    const ws = stepWorkspace(themedWorkspace(), { type: 'programme.introduction.set', programmeId: 'prog1', text: ' Inleiding ' });
    expect(ws.programmes.prog1?.introduction).toBe('Inleiding');
    const outcome = expectWorkspaceRefused(ws, { type: 'programme.introduction.set', programmeId: 'prog1', text: text(LIMITS.longText + 1) }, FACILITATOR, 'invalid_payload');
    expect(outcome.message).toContain(`at most ${LIMITS.longText}`);
    expectWorkspaceRefused(ws, { type: 'theme.summary.set', id: 'th1', text: text(LIMITS.longText + 1) }, FACILITATOR, 'invalid_payload');
    expectWorkspaceRefused(ws, { type: 'programme.introduction.set', programmeId: 'nope', text: 'x' }, FACILITATOR, 'not_found');
  });

  it('are undoable commands', () => {
    for (const type of ['theme.create', 'theme.rename', 'theme.summary.set', 'theme.delete', 'programme.introduction.set']) expect(WORKSPACE_COMMANDS.get(type)?.undoable).toBe(true);
    for (const type of ['theme.link', 'theme.unlink']) expect(SESSION_COMMANDS.get(type)?.undoable).toBe(true);
    const created = applyCommand(SESSION_COMMANDS, sessionWithCluster(), { type: 'theme.link', target: 'cluster', id: 'c1', themeId: 'th1' }, { actor: FACILITATOR, now: NOW, workspace: themedWorkspace() });
    expect(created.ok && created.undoable).toBe(true);
  });
});

describe('theme.link and theme.unlink', () => {
  it('links a point, a cluster and a note by hand, and unlinks them again', () => {
    let state = sessionWithCluster();
    for (const [target, id] of [['point', 'a1'], ['cluster', 'c1'], ['note', 'n3']] as const) {
      const outcome = runLink(state, { type: 'theme.link', target, id, themeId: 'th1' });
      if (!outcome.ok) throw new Error(outcome.message);
      state = outcome.state;
    }
    expect(state.attentionPoints.a1?.themeId).toBe('th1');
    expect(state.clusters.c1?.themeId).toBe('th1');
    expect(state.notes.n3?.themeId).toBe('th1');
    const unlinked = runLink(state, { type: 'theme.unlink', target: 'cluster', id: 'c1' });
    if (!unlinked.ok) throw new Error(unlinked.message);
    expect(unlinked.state.clusters.c1).not.toHaveProperty('themeId');
    expect(unlinked.state.attentionPoints.a1?.themeId).toBe('th1');
  });

  it('refuses a theme of another programme, changing nothing', () => {
    const outcome = expectLinkRefused(seededState(), { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th2' }, 'rule_violation', 'theme_wrong_programme');
    expect(outcome.message).toContain('another programme');
    expect(translate('nl', 'rule.theme_wrong_programme')).toBe('Dit thema hoort bij een ander programma.');
  });

  it('refuses a session of no programme, a theme that does not exist, and an item that does not exist', () => {
    const alone = { ...seededState(), meta: { ...seededState().meta, programmeId: null } };
    expectLinkRefused(alone, { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' }, 'rule_violation', 'theme_no_programme');
    expectLinkRefused(seededState(), { type: 'theme.link', target: 'point', id: 'a1', themeId: 'nope' }, 'not_found');
    expectLinkRefused(seededState(), { type: 'theme.link', target: 'cluster', id: 'nope', themeId: 'th1' }, 'not_found');
    expectLinkRefused(seededState(), { type: 'theme.link', target: 'vote', id: 'a1', themeId: 'th1' }, 'invalid_payload');
  });

  it('refuses to unlink what is not linked', () => {
    const outcome = expectLinkRefused(sessionWithCluster(), { type: 'theme.unlink', target: 'note', id: 'n1' }, 'rule_violation', 'theme_not_linked');
    expect(outcome.message).toBe('Note n1 is not linked to a theme');
    expect(translate('en', 'rule.theme_not_linked')).toBe('This is not linked to a theme.');
  });

  it('refuses a participant (a phone) who tries to link or unlink', () => {
    expectLinkRefused(seededState(), { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' }, 'forbidden', undefined, PARTICIPANT);
    const linked = runLink(seededState(), { type: 'theme.link', target: 'note', id: 'n1', themeId: 'th1' });
    if (!linked.ok) throw new Error(linked.message);
    expectLinkRefused(linked.state, { type: 'theme.unlink', target: 'note', id: 'n1' }, 'forbidden', undefined, PARTICIPANT);
  });
});

describe('theme.delete', () => {
  it('removes the theme; a link to it then counts as none, and undoing brings it back', () => {
    const ws = themedWorkspace();
    const deleted = stepWorkspace(ws, { type: 'theme.delete', id: 'th1' });
    expect(deleted.themes.th1).toBeUndefined();
    expectWorkspaceRefused(deleted, { type: 'theme.delete', id: 'th1' }, FACILITATOR, 'not_found');
    // A new link to it is refused; the programme summary reads the old ones as unlinked (programme-themes test).
    expectLinkRefused(seededState(), { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' }, 'not_found', undefined, FACILITATOR, deleted);
  });
});

describe('session.duplicate with themes to carry', () => {
  const duplicate = { type: 'session.duplicate', id: 's9', sourceId: 's1', title: 'Vervolg', date: '2025-05-01' };

  it('takes a choice per theme of the session’s programme', () => {
    const ws = stepWorkspace(themedWorkspace(), { ...duplicate, themes: [{ themeId: 'th1', carry: 'whole' }] });
    expect(ws.sessions.s9).toMatchObject({ programmeId: 'prog1', title: 'Vervolg' });
  });

  it('refuses a theme of another programme, an unknown theme and an unknown choice, changing nothing', () => {
    const other = expectWorkspaceRefused(themedWorkspace(), { ...duplicate, themes: [{ themeId: 'th2', carry: 'whole' }] }, FACILITATOR, 'rule_violation', 'theme_wrong_programme');
    expect(other.message).toContain('another programme');
    expectWorkspaceRefused(themedWorkspace(), { ...duplicate, themes: [{ themeId: 'nope', carry: 'ballot' }] }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(themedWorkspace(), { ...duplicate, themes: [{ themeId: 'th1', carry: 'later' }] }, FACILITATOR, 'invalid_payload');
  });
});

describe('an action made from a point linked to a theme', () => {
  it('carries the theme’s name, so the actions group with the theme', () => {
    const ws = themedWorkspace();
    const linked = runLink(seededState(), { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' });
    if (!linked.ok) throw new Error(linked.message);
    const create = { type: 'action.create', id: 'act9', programmeId: 'prog1', sessionId: 's1', ingredientId: 'i1' };
    const outcome = applyCommand(WORKSPACE_COMMANDS, ws, create, { actor: FACILITATOR, now: NOW, session: () => linked.state });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.state.actions.act9?.themeKey).toBe('Samen handen en voeten geven aan een visie');
  });
});
