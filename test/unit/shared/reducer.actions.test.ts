import { describe, expect, it } from 'vitest';
import type { WorkspaceState } from '../../../shared/domain';
import { LIMITS } from '../../../shared/domain';
import { applyCommand, WORKSPACE_COMMANDS } from '../../../shared/reducer';
import { actionChangesFor, openWithReview, reviewAgenda } from '../../../shared/review';
import { applyChanges } from '../../../shared/changes';
import { viewOfSession } from '../../../shared/views';
import { createSessionState } from '../../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import {
  accept,
  ctx,
  expectRefused,
  expectWorkspaceRefused,
  FACILITATOR,
  META,
  NOW,
  OTHER,
  PARTICIPANT,
  PROJECTOR,
  reviewWorkspace,
  seededState,
  step,
  stepWorkspace,
  text,
} from './fixtures';

const create = { type: 'action.create', id: 'act2', programmeId: 'prog1', sessionId: 's1', ingredientId: 'i1' };

describe('action.create', () => {
  it('copies the ingredient, its point, side and theme, and starts open', () => {
    const ws = stepWorkspace(reviewWorkspace(), { ...create, owner: '  Coördinator  ', due: '2025-06-30' });
    expect(ws.actions.act2).toMatchObject({
      programmeId: 'prog1',
      sessionId: 's1',
      ingredientId: 'i1',
      attentionPointId: 'a1',
      zoneId: 'wij',
      owner: 'Coördinator',
      due: '2025-06-30',
      status: 'open',
      note: '',
    });
    expect(ws.actions.act2?.text).toBe(seededState().ingredients.i1?.text);
  });

  it('refuses a due date that is not a date', () => {
    const outcome = expectWorkspaceRefused(reviewWorkspace(), { ...create, due: '30-06-2025' }, FACILITATOR, 'invalid_payload');
    expect(outcome.message).toContain('due');
    expectWorkspaceRefused(reviewWorkspace(), { ...create, due: '2025-02-30' }, FACILITATOR, 'invalid_payload');
  });

  it('refuses an owner over the length limit and accepts one at it', () => {
    const outcome = expectWorkspaceRefused(reviewWorkspace(), { ...create, owner: text(LIMITS.actionOwner + 1) }, FACILITATOR, 'invalid_payload');
    expect(outcome.message).toContain(`at most ${LIMITS.actionOwner}`);
    expect(stepWorkspace(reviewWorkspace(), { ...create, owner: text(LIMITS.actionOwner) }).actions.act2?.owner).toHaveLength(LIMITS.actionOwner);
  });

  it('refuses an action for a session of another programme', () => {
    let ws = stepWorkspace(reviewWorkspace(), { type: 'programme.create', id: 'prog2', name: 'Ander programma' });
    ws = stepWorkspace(ws, { type: 'session.create', id: 's2', templateId: 'lemniscaat-ik-wij-het', programmeId: 'prog2', title: 'Elders', group: 'Stuurgroep', date: '2025-03-01' });
    const outcome = expectWorkspaceRefused(ws, { ...create, sessionId: 's2' }, FACILITATOR, 'rule_violation', 'wrong_programme');
    expect(outcome.message).toContain('does not belong to programme prog1');
  });

  it('refuses an ingredient that does not exist, or one that already is an action', () => {
    expectWorkspaceRefused(reviewWorkspace(), { ...create, ingredientId: 'nope' }, FACILITATOR, 'not_found');
    const ws = stepWorkspace(reviewWorkspace(), create);
    expectWorkspaceRefused(ws, { ...create, id: 'act3' }, FACILITATOR, 'rule_violation', 'duplicate_id');
  });

  it('is the facilitator’s only', () => {
    expectWorkspaceRefused(reviewWorkspace(), create, PARTICIPANT, 'forbidden');
  });
});

describe('action.update', () => {
  it('refuses an unknown status and changes nothing', () => {
    const outcome = expectWorkspaceRefused(reviewWorkspace(), { type: 'action.update', id: 'act1', status: 'finished' }, FACILITATOR, 'invalid_payload');
    expect(outcome.message).toContain('open, ongoing, done, dropped');
  });

  it('sets owner, due date, status and note', () => {
    const ws = stepWorkspace(reviewWorkspace(), { type: 'action.update', id: 'act1', owner: 'Stuurgroep', due: null, status: 'ongoing', note: 'Half af' }, FACILITATOR, NOW + 5);
    expect(ws.actions.act1).toMatchObject({ owner: 'Stuurgroep', due: null, status: 'ongoing', note: 'Half af', updatedAt: NOW + 5 });
  });
});

describe('the review (Terugblik)', () => {
  const reviewed = () => step(seededState(), { type: 'review.begin' });

  it('takes the open actions of earlier sessions of the programme, not its own', () => {
    const ws = stepWorkspace(reviewWorkspace(), create);
    expect(reviewAgenda(ws, META).map((action) => action.id)).toEqual(['act1']);
    const state = reviewed();
    expect(Object.keys(state.reviews)).toEqual(['act1']);
    expect(state.reviews.act1).toMatchObject({ previousStatus: 'open', status: null, owner: 'Coördinator', due: '2025-02-01' });
    expect(state.flow.reviewActionId).toBe('act1');
  });

  it('sets a decision with a note, undoably, and the action follows', () => {
    const outcome = accept(reviewed(), { type: 'review.set', actionId: 'act1', status: 'dropped', note: ' Geen budget ' });
    expect(outcome.undoable).toBe(true);
    expect(outcome.state.reviews.act1).toMatchObject({ status: 'dropped', note: 'Geen budget' });
    const ws = reviewWorkspace();
    const synced = applyChanges(ws, actionChangesFor(ws, outcome.changes, NOW + 1));
    expect(synced.actions.act1).toMatchObject({ status: 'dropped', note: 'Geen budget', updatedAt: NOW + 1 });
    // Undo: the inverse change takes the row back, and the action with it.
    const undo = outcome.changes.map((change) => ({ ...change, before: change.after, after: change.before }));
    const back = applyChanges(synced, actionChangesFor(synced, undo, NOW + 2));
    expect(back.actions.act1).toMatchObject({ status: 'open', note: '' });
  });

  it('refuses an unknown status, an action of another programme, and a participant', () => {
    expectRefused(reviewed(), { type: 'review.set', actionId: 'act1', status: 'open' }, FACILITATOR, 'invalid_payload');
    expectRefused(reviewed(), { type: 'review.set', actionId: 'act1', status: 'klaar' }, FACILITATOR, 'invalid_payload');
    const outcome = expectRefused(reviewed(), { type: 'review.set', actionId: 'act1', status: 'done' }, PARTICIPANT, 'forbidden');
    expect(outcome.message).toBe('participant may not send review.set');
    expectRefused(reviewed(), { type: 'review.set', actionId: 'ghost', status: 'done' }, FACILITATOR, 'not_found');
    // The same action seen from a session of another programme.
    const elsewhere = step(createSessionState({ ...META, id: 's7', programmeId: 'prog2' }, LEMNISCATE_IK_WIJ_HET), { type: 'focus.set', zoneId: null });
    expectRefused(elsewhere, { type: 'review.set', actionId: 'act1', status: 'done' }, FACILITATOR, 'rule_violation', 'wrong_programme');
  });

  it('lets a phone react to the action on the wall, within its limits', () => {
    let state = reviewed();
    state = step(state, { type: 'review.react', id: 'r1', actionId: 'act1', thumb: 'up', text: '' }, PARTICIPANT);
    expect(state.reactions.r1).toMatchObject({ participantId: 'p1', thumb: 'up' });
    expectRefused(state, { type: 'review.react', id: 'r2', actionId: 'act1', thumb: null, text: '   ' }, PARTICIPANT, 'rule_violation', 'empty_reaction');
    expectRefused(state, { type: 'review.react', id: 'r2', actionId: 'act1', thumb: null, text: text(LIMITS.reactionText + 1) }, PARTICIPANT, 'invalid_payload');
    state = step(state, { type: 'review.react', id: 'r2', actionId: 'act1', thumb: null, text: 'Mooi' }, PARTICIPANT);
    state = step(state, { type: 'review.react', id: 'r3', actionId: 'act1', thumb: 'down', text: '' }, PARTICIPANT);
    expectRefused(state, { type: 'review.react', id: 'r4', actionId: 'act1', thumb: 'up', text: '' }, PARTICIPANT, 'rule_violation', 'too_many_reactions');
    const away = step(state, { type: 'review.show', actionId: null });
    expectRefused(away, { type: 'review.react', id: 'r5', actionId: 'act1', thumb: 'up', text: '' }, PARTICIPANT, 'rule_violation', 'not_on_agenda');
  });

  it('shows a reaction to others without whose it is', () => {
    const state = step(reviewed(), { type: 'review.react', id: 'r1', actionId: 'act1', thumb: 'down', text: 'Te traag' }, PARTICIPANT);
    expect(viewOfSession(state, PARTICIPANT).reactions.r1?.participantId).toBe('p1');
    expect(viewOfSession(state, OTHER).reactions.r1).toMatchObject({ participantId: null, text: 'Te traag' });
    expect(viewOfSession(state, PROJECTOR).reactions.r1?.participantId).toBeNull();
    expect(viewOfSession(state, FACILITATOR).reactions.r1?.participantId).toBe('p1');
  });

  it('opens a new session of a programme with open actions in the review, first', () => {
    const state = openWithReview(createSessionState({ ...META, id: 's3', date: '2025-09-01' }, LEMNISCATE_IK_WIJ_HET), reviewWorkspace());
    expect(state.flow.phases[0]).toEqual({ id: 'review', kind: 'review', zoneId: null });
    expect(state.flow.currentPhaseId).toBe('review');
    expect(state.flow.reviewActionId).toBe('act1');
    const none: WorkspaceState = { ...reviewWorkspace(), actions: {} };
    const plain = createSessionState({ ...META, id: 's3' }, LEMNISCATE_IK_WIJ_HET);
    expect(openWithReview(plain, none)).toBe(plain);
  });

  it('does not take actions that are done or dropped', () => {
    const ws = stepWorkspace(reviewWorkspace(), { type: 'action.update', id: 'act1', status: 'done' });
    expect(applyCommand(WORKSPACE_COMMANDS, ws, { type: 'action.delete', id: 'act1' }, ctx()).ok).toBe(true);
    expect(reviewAgenda(ws, META)).toEqual([]);
  });
});
