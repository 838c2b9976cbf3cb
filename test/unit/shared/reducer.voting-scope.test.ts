import { describe, expect, it } from 'vitest';
import { inVotingScope, votingScope } from '../../../shared/rules';
import { WORKSPACE_COMMANDS } from '../../../shared/reducer';
import {
  accept,
  acceptFrozen,
  defined,
  expectRefused,
  expectWorkspaceRefused,
  FACILITATOR,
  OTHER,
  PARTICIPANT,
  seededState,
  seededWorkspace,
  step,
} from './fixtures';

const cast = (id: string, attentionPointId = 'a1') => ({ type: 'vote.cast', id, attentionPointId });

/** seededState with a voting phase about the WIJ side (a1, a2) and one for the whole session, voting open. */
function sideBallot(settings = {}) {
  let state = seededState(settings);
  state = step(state, {
    type: 'phases.configure',
    phases: [
      { id: 'voting-wij', kind: 'voting', zoneId: 'wij' },
      { id: 'voting', kind: 'voting', zoneId: null },
    ],
  });
  state = step(state, { type: 'phase.set', phaseId: 'voting-wij' });
  return step(state, { type: 'voting.open', open: true });
}

describe('the ballot follows the voting phase', () => {
  it('is every point outside a side’s voting phase', () => {
    const state = seededState();
    expect(votingScope(state)).toBeNull();
    for (const point of Object.values(state.attentionPoints)) expect(inVotingScope(state, point)).toBe(true);
  });

  it('is one side’s points during that side’s voting phase', () => {
    const state = sideBallot();
    expect(votingScope(state)).toBe('wij');
    expect(inVotingScope(state, defined(state.attentionPoints.a1))).toBe(true);
    expect(inVotingScope(state, defined(state.attentionPoints.a3))).toBe(false);
  });

  it('refuses a dot on a point of another side', () => {
    expectRefused(sideBallot(), cast('v1', 'a3'), PARTICIPANT, 'rule_violation', 'voting_closed');
  });

  it('gives a fresh budget per ballot', () => {
    let state = sideBallot({ dotsPerParticipant: 2 });
    state = step(state, cast('v1', 'a1'), PARTICIPANT);
    state = step(state, cast('v2', 'a2'), PARTICIPANT);
    expectRefused(state, cast('v3', 'a2'), PARTICIPANT, 'rule_violation', 'no_dots_left');
    // On to the ballot of the whole session: the two WIJ dots still count there, so no dot is left either…
    state = step(state, { type: 'phase.set', phaseId: 'voting' });
    expectRefused(state, cast('v3', 'a3'), PARTICIPANT, 'rule_violation', 'no_dots_left');
    // …while a side's ballot counts only its own dots.
    state = step(state, { type: 'phases.configure', phases: [{ id: 'voting-het', kind: 'voting', zoneId: 'het' }, ...state.flow.phases] });
    state = step(state, { type: 'attention.add', id: 'a4', zoneId: 'het', title: 'Monitoring' });
    state = step(state, { type: 'phase.set', phaseId: 'voting-het' });
    expect(step(state, cast('v3', 'a4'), PARTICIPANT).votes.v3?.attentionPointId).toBe('a4');
  });

  it('counts the per-item maximum on the ballot too', () => {
    let state = sideBallot({ maxDotsPerItem: 1 });
    state = step(state, cast('v1', 'a1'), PARTICIPANT);
    expectRefused(state, cast('v2', 'a1'), PARTICIPANT, 'rule_violation', 'max_dots_per_item');
    expect(step(state, cast('v2', 'a1'), OTHER).votes.v2).toBeDefined();
  });

  it('takes back only a dot of the current ballot', () => {
    let state = step(seededState(), { type: 'voting.open', open: true });
    state = step(state, cast('v1', 'a3'), PARTICIPANT);
    state = step(state, { type: 'phases.configure', phases: [{ id: 'voting-wij', kind: 'voting', zoneId: 'wij' }] });
    state = step(state, { type: 'phase.set', phaseId: 'voting-wij' });
    expectRefused(state, { type: 'vote.retract', id: 'v1' }, PARTICIPANT, 'rule_violation', 'voting_closed');
  });
});

describe('opening voting hides the totals', () => {
  it('turns a reveal off when voting opens again', () => {
    let state = sideBallot();
    state = step(state, cast('v1'), PARTICIPANT);
    state = step(state, { type: 'voting.reveal', revealed: true });
    expect(state.flow).toMatchObject({ votesRevealed: true, votingOpen: false });
    const reopened = acceptFrozen(state, { type: 'voting.open', open: true }).state;
    expect(reopened.flow).toMatchObject({ votesRevealed: false, votingOpen: true });
  });

  it('closing voting keeps the reveal as it was', () => {
    let state = step(sideBallot(), { type: 'voting.reveal', revealed: true });
    state = step(state, { type: 'voting.open', open: false });
    expect(state.flow.votesRevealed).toBe(true);
  });
});

describe('session.programme', () => {
  it('puts a session in a programme, takes it out again, and stamps the change', () => {
    let ws = seededWorkspace();
    ws = accept(ws, { type: 'programme.create', id: 'prog2', name: 'Tweede programma' }, FACILITATOR, 5, WORKSPACE_COMMANDS).state;
    const moved = acceptFrozen(ws, { type: 'session.programme', id: 's1', programmeId: 'prog2' }, FACILITATOR, 10, WORKSPACE_COMMANDS);
    expect(moved.state.sessions.s1).toMatchObject({ programmeId: 'prog2', updatedAt: 10 });
    expect(moved.undoable).toBe(false);
    const none = accept(moved.state, { type: 'session.programme', id: 's1', programmeId: null }, FACILITATOR, 11, WORKSPACE_COMMANDS);
    expect(none.state.sessions.s1?.programmeId).toBeNull();
  });

  it('refuses an unknown programme or session, and participants', () => {
    const ws = seededWorkspace();
    expectWorkspaceRefused(ws, { type: 'session.programme', id: 's1', programmeId: 'ghost' }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(ws, { type: 'session.programme', id: 'ghost', programmeId: null }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(ws, { type: 'session.programme', id: 's1', programmeId: 'prog1' }, PARTICIPANT, 'forbidden');
    expectWorkspaceRefused(ws, { type: 'session.programme', id: 's1' }, FACILITATOR, 'invalid_payload');
  });
});
