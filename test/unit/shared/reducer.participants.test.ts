import { describe, expect, it } from 'vitest';
import { invertChanges, applyChanges } from '../../../shared/changes';
import type { Actor, SessionState } from '../../../shared/domain';
import { ballotOf, people, personOf } from '../../../shared/rules';
import { acceptFrozen, expectRefused, FACILITATOR, NOW, OTHER, PARTICIPANT, PROJECTOR, step, votingState } from './fixtures';

const THIRD: Actor = { role: 'participant', participantId: 'p3' };
const merge = (duplicateId: string, intoId: string) => ({ type: 'participant.merge', duplicateId, intoId });
const cast = (id: string, attentionPointId: string, actor: Actor, state: SessionState) => step(state, { type: 'vote.cast', id, attentionPointId }, actor);

/** seededState (p1 Bram, p2 Chris; notes n2, n4 by p1 and n3 by p2) with voting open and p3 joined unnamed. */
function withThird(settings: Parameters<typeof votingState>[0] = {}): SessionState {
  return step(votingState(settings), { type: 'participant.join', id: 'p3', name: null }, THIRD, NOW - 100);
}

describe('participant.merge', () => {
  it('makes the duplicate’s notes and dots the person’s, and keeps the duplicate as a pointer', () => {
    let state = withThird();
    state = cast('v1', 'a1', OTHER, state);
    state = cast('v2', 'a2', OTHER, state);
    const outcome = acceptFrozen(state, merge('p2', 'p1'), FACILITATOR);
    const after = outcome.state;
    expect(after.notes.n3?.authorId).toBe('p1');
    expect([after.votes.v1?.participantId, after.votes.v2?.participantId]).toEqual(['p1', 'p1']);
    expect(after.participants.p2?.mergedInto).toBe('p1');
    expect(people(after).map((person) => person.id)).toEqual(['p1', 'p3']);
    expect(personOf(after, 'p2')).toBe('p1');
    expect(outcome.undoable).toBe(true);
  });

  it('is undone as one step: notes, dots and both participants as they were', () => {
    let state = withThird();
    state = cast('v1', 'a1', OTHER, state);
    const outcome = acceptFrozen(state, merge('p2', 'p1'), FACILITATOR);
    expect(applyChanges(outcome.state, invertChanges(outcome.changes))).toEqual(state);
  });

  it('lets dots over the person’s budget and the per-point maximum fall away', () => {
    let state = withThird({ dotsPerParticipant: 3, maxDotsPerItem: 2 });
    state = cast('v1', 'a1', PARTICIPANT, state);
    state = cast('v2', 'a1', PARTICIPANT, state);
    // The duplicate's three dots: one more on a1 would pass the maximum, a3 fits, the third passes the budget.
    state = cast('w1', 'a1', OTHER, state);
    state = cast('w2', 'a3', OTHER, state);
    state = cast('w3', 'a2', OTHER, state);
    const after = step(state, merge('p2', 'p1'));
    const mine = Object.values(after.votes).filter((vote) => vote.participantId === 'p1');
    expect(mine.map((vote) => vote.id).sort()).toEqual(['v1', 'v2', 'w2']);
    expect(after.votes.w1).toBeUndefined();
    expect(after.votes.w3).toBeUndefined();
  });

  it('counts the budget per ballot when the session votes side by side', () => {
    let state = withThird({ dotsPerParticipant: 1 });
    const phases = [
      { id: 'vw', kind: 'voting' as const, zoneId: 'wij' },
      { id: 'vs', kind: 'voting' as const, zoneId: null },
    ];
    state = step(state, { type: 'phases.configure', phases });
    expect(ballotOf(state, { zoneId: 'wij' })).toBe('wij');
    expect(ballotOf(state, { zoneId: 'ik' })).toBeNull();
    state = step(state, { type: 'phase.set', phaseId: 'vw' });
    state = cast('v1', 'a1', PARTICIPANT, state);
    state = step(state, { type: 'phase.set', phaseId: 'vs' });
    state = cast('w1', 'a3', OTHER, state);
    // p1 spent the WIJ ballot's one dot; the duplicate's dot is on the whole-session ballot, so it fits.
    const after = step(state, merge('p2', 'p1'));
    expect(after.votes.w1?.participantId).toBe('p1');
  });

  it('gives an unnamed person the duplicate’s name', () => {
    // Names are kept only in a session that is not anonymous (the default is anonymous).
    const state = step(votingState({ anonymous: false }), { type: 'participant.join', id: 'p3', name: null }, THIRD, NOW - 100);
    const after = step(state, merge('p2', 'p3'));
    expect(after.participants.p3?.name).toBe('Chris');
  });

  it('resolves a phone of the duplicate to the person, also across two merges', () => {
    let state = step(withThird(), merge('p3', 'p2'));
    state = step(state, merge('p2', 'p1'));
    expect(personOf(state, 'p3')).toBe('p1');
    expect(personOf(state, 'p9')).toBeNull();
  });

  it('refuses a merge into oneself, with an unknown participant, or of someone already merged, and changes nothing', () => {
    const state = withThird();
    expectRefused(state, merge('p1', 'p1'), FACILITATOR, 'rule_violation', 'same_participant');
    expectRefused(state, merge('p9', 'p1'), FACILITATOR, 'not_found');
    expectRefused(state, merge('p1', 'p9'), FACILITATOR, 'not_found');
    const merged = step(state, merge('p2', 'p1'));
    expectRefused(merged, merge('p2', 'p3'), FACILITATOR, 'rule_violation', 'already_merged');
    expectRefused(merged, merge('p3', 'p2'), FACILITATOR, 'rule_violation', 'already_merged');
    expectRefused(state, { type: 'participant.merge', duplicateId: '', intoId: 'p1' }, FACILITATOR, 'invalid_payload');
  });

  it('is the facilitator’s alone', () => {
    const state = withThird();
    expectRefused(state, merge('p2', 'p1'), PARTICIPANT, 'forbidden');
    expectRefused(state, merge('p2', 'p1'), PROJECTOR, 'forbidden');
  });
});

describe('participant.join', () => {
  it('keeps the name given before when the person joins again without one', () => {
    const named = step(votingState({ anonymous: false }), { type: 'participant.join', id: 'p1', name: 'Bram' }, PARTICIPANT, NOW - 500);
    const state = step(named, { type: 'participant.join', id: 'p1', name: null }, PARTICIPANT, NOW + 1000);
    expect(state.participants.p1).toMatchObject({ name: 'Bram', joinedAt: NOW - 500, mergedInto: null });
  });

  it('refuses a merged duplicate that tries to join as itself', () => {
    const state = step(withThird(), merge('p2', 'p1'));
    expectRefused(state, { type: 'participant.join', id: 'p2', name: 'Chris' }, OTHER, 'forbidden');
  });
});
