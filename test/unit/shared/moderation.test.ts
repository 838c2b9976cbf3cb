import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { DEFAULT_SETTINGS } from '../../../shared/session-factory';
import { viewOfChanges, viewOfSession } from '../../../shared/views';
import { accept, acceptFrozen, defined, emptyState, expectRefused, FACILITATOR, joinedState, OTHER, PARTICIPANT, PROJECTOR, step } from './fixtures';

/** Moderation on, p1 and p2 joined, and a note from p1 waiting in the queue. */
function queued(): SessionState {
  const state = joinedState({ moderation: true });
  return step(state, { type: 'note.add', id: 'q1', zoneId: 'wij', text: 'Wacht op goedkeuring' }, PARTICIPANT);
}

describe('the moderation setting', () => {
  it('is off in a new session', () => {
    expect(DEFAULT_SETTINGS.moderation).toBe(false);
    expect(emptyState().settings.moderation).toBe(false);
  });

  it('is turned on and off by the facilitator only, and the change can be undone', () => {
    const outcome = acceptFrozen(emptyState(), { type: 'settings.update', moderation: true });
    expect(outcome.state.settings.moderation).toBe(true);
    expect(outcome.undoable).toBe(true);
    expect(step(outcome.state, { type: 'settings.update', moderation: false }).settings.moderation).toBe(false);
    expectRefused(joinedState(), { type: 'settings.update', moderation: true }, PARTICIPANT, 'forbidden');
    expectRefused(emptyState(), { type: 'settings.update', moderation: 'yes' }, FACILITATOR, 'invalid_payload');
  });
});

describe('notes under moderation', () => {
  it('puts a phone’s note in the queue, and the facilitator’s straight on the wall', () => {
    const state = step(queued(), { type: 'note.add', id: 'f1', zoneId: 'wij', text: 'Van de begeleider' });
    expect(defined(state.notes.q1).pending).toBe(true);
    expect(state.notes.f1).not.toHaveProperty('pending');
  });

  it('queues nothing while moderation is off', () => {
    const state = step(joinedState(), { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Direct' }, PARTICIPANT);
    expect(state.notes.n1).not.toHaveProperty('pending');
  });

  it('approves notes on the facilitator’s word only, and approval can be undone', () => {
    expectRefused(queued(), { type: 'note.approve', ids: ['q1'] }, PARTICIPANT, 'forbidden');
    expectRefused(queued(), { type: 'note.approve', ids: ['q1'] }, PROJECTOR, 'forbidden');
    expectRefused(queued(), { type: 'note.approve', ids: ['missing'] }, FACILITATOR, 'not_found');
    expectRefused(queued(), { type: 'note.approve', ids: [] }, FACILITATOR, 'invalid_payload');
    const outcome = acceptFrozen(queued(), { type: 'note.approve', ids: ['q1'] });
    expect(outcome.state.notes.q1).not.toHaveProperty('pending');
    expect(outcome.state.notes.q1?.text).toBe('Wacht op goedkeuring');
    expect(outcome.undoable).toBe(true);
    // Approving what is already approved changes nothing.
    expect(accept(outcome.state, { type: 'note.approve', ids: ['q1'] }).changes).toEqual([]);
  });

  it('sends a phone’s edit back to the queue, but not the facilitator’s', () => {
    const approved = step(queued(), { type: 'note.approve', ids: ['q1'] });
    const editedByPhone = step(approved, { type: 'note.edit', id: 'q1', text: 'Anders' }, PARTICIPANT);
    expect(editedByPhone.notes.q1).toMatchObject({ text: 'Anders', pending: true });
    const editedByFacilitator = step(approved, { type: 'note.edit', id: 'q1', text: 'Netjes' });
    expect(editedByFacilitator.notes.q1).not.toHaveProperty('pending');
  });

  it('lets a phone withdraw its own waiting note', () => {
    const state = step(queued(), { type: 'note.delete', ids: ['q1'] }, PARTICIPANT);
    expect(state.notes.q1).toBeUndefined();
    expectRefused(queued(), { type: 'note.delete', ids: ['q1'] }, OTHER, 'rule_violation', 'not_own_note');
  });
});

describe('what others see of a waiting note', () => {
  it('is nothing at all for the projector and other phones, and everything for the author and the facilitator', () => {
    const state = queued();
    expect(viewOfSession(state, PROJECTOR).notes.q1).toBeUndefined();
    expect(viewOfSession(state, OTHER).notes.q1).toBeUndefined();
    expect(viewOfSession(state, PARTICIPANT).notes.q1).toMatchObject({ pending: true, text: 'Wacht op goedkeuring' });
    expect(viewOfSession(state, FACILITATOR).notes.q1).toMatchObject({ pending: true });
  });

  it('arrives as a new note when approved and leaves again when edited back into the queue', () => {
    const approval = accept(queued(), { type: 'note.approve', ids: ['q1'] });
    const [arrives] = viewOfChanges(approval.state, approval.changes, PROJECTOR);
    expect(arrives).toMatchObject({ key: 'notes', id: 'q1', before: null, after: { text: 'Wacht op goedkeuring' } });

    const adding = accept(joinedState({ moderation: true }), { type: 'note.add', id: 'q2', zoneId: 'ik', text: 'Geheim' }, PARTICIPANT);
    expect(viewOfChanges(adding.state, adding.changes, PROJECTOR)).toEqual([]);
    expect(viewOfChanges(adding.state, adding.changes, OTHER)).toEqual([]);
    expect(viewOfChanges(adding.state, adding.changes, PARTICIPANT)).toHaveLength(1);

    const edit = accept(approval.state, { type: 'note.edit', id: 'q1', text: 'Nieuw' }, PARTICIPANT);
    const [leaves] = viewOfChanges(edit.state, edit.changes, PROJECTOR);
    expect(leaves).toMatchObject({ key: 'notes', id: 'q1', after: null });
    expect(JSON.stringify(leaves)).not.toContain('Nieuw');
  });
});
