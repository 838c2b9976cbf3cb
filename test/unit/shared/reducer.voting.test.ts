import { describe, expect, it } from 'vitest';
import {
  acceptFrozen,
  expectRefused,
  FACILITATOR,
  OTHER,
  PARTICIPANT,
  PROJECTOR,
  STRANGER,
  seededState,
  step,
  votingState,
} from './fixtures';

const cast = (id: string, attentionPointId = 'a1') => ({
  type: 'vote.cast',
  id,
  attentionPointId,
});

describe('vote.cast', () => {
  it('adds a dot for the sending participant', () => {
    const outcome = acceptFrozen(votingState(), cast('v1'), PARTICIPANT);
    expect(outcome.state.votes.v1).toEqual({
      id: 'v1',
      attentionPointId: 'a1',
      participantId: 'p1',
    });
    expect(outcome.changes).toEqual([{ key: 'votes', id: 'v1', before: null, after: outcome.state.votes.v1 }]);
    expect(outcome.undoable).toBe(false);
  });

  it('takes the voter from the connection, not from the payload', () => {
    const state = step(votingState(), { ...cast('v1'), participantId: 'p2' }, PARTICIPANT);
    expect(state.votes.v1?.participantId).toBe('p1');
  });

  it('allows several dots on one point when there is no per-item limit', () => {
    let state = votingState();
    for (const id of ['v1', 'v2', 'v3']) state = step(state, cast(id), PARTICIPANT);
    expect(Object.values(state.votes).filter((v) => v.attentionPointId === 'a1')).toHaveLength(3);
  });

  it('refuses the dot after the last one', () => {
    let state = votingState();
    for (const id of ['v1', 'v2', 'v3']) state = step(state, cast(id, 'a2'), PARTICIPANT);
    const outcome = expectRefused(state, cast('v4', 'a3'), PARTICIPANT, 'rule_violation', 'no_dots_left');
    expect(outcome.message).toContain('3');
    // Another participant still has their own dots.
    expect(step(state, cast('v4', 'a3'), OTHER).votes.v4?.participantId).toBe('p2');
  });

  it('follows the session’s dots per participant', () => {
    let state = votingState({ dotsPerParticipant: 1 });
    state = step(state, cast('v1'), PARTICIPANT);
    expectRefused(state, cast('v2', 'a2'), PARTICIPANT, 'rule_violation', 'no_dots_left');
  });

  it('refuses more dots on one point than the per-item limit', () => {
    let state = votingState({ maxDotsPerItem: 2 });
    state = step(state, cast('v1'), PARTICIPANT);
    state = step(state, cast('v2'), PARTICIPANT);
    expectRefused(state, cast('v3'), PARTICIPANT, 'rule_violation', 'max_dots_per_item');
    // The same participant may still spend the last dot elsewhere.
    expect(step(state, cast('v3', 'a2'), PARTICIPANT).votes.v3).toBeDefined();
  });

  it('checks the dot budget before the per-item limit', () => {
    let state = votingState({ maxDotsPerItem: 1, dotsPerParticipant: 1 });
    state = step(state, cast('v1'), PARTICIPANT);
    expectRefused(state, cast('v2'), PARTICIPANT, 'rule_violation', 'no_dots_left');
  });

  it('refuses when voting is closed', () => {
    expectRefused(seededState(), cast('v1'), PARTICIPANT, 'rule_violation', 'voting_closed');
  });

  it('refuses after voting was closed again', () => {
    const state = step(votingState(), { type: 'voting.open', open: false });
    expectRefused(state, cast('v1'), PARTICIPANT, 'rule_violation', 'voting_closed');
  });

  it('refuses an unknown attention point', () => {
    expectRefused(votingState(), cast('v1', 'ghost'), PARTICIPANT, 'not_found');
  });

  it('refuses an inherited object key as attention point', () => {
    expectRefused(votingState(), cast('v1', 'toString'), PARTICIPANT, 'invalid_payload');
  });

  it('refuses a duplicate vote id, also from someone else', () => {
    const state = step(votingState(), cast('v1'), PARTICIPANT);
    expectRefused(state, cast('v1'), PARTICIPANT, 'rule_violation', 'duplicate_id');
    expectRefused(state, cast('v1', 'a2'), OTHER, 'rule_violation', 'duplicate_id');
  });

  it('refuses a participant who has not joined', () => {
    expectRefused(votingState(), cast('v1'), STRANGER, 'forbidden');
  });

  it('refuses a participant connection without a participant id', () => {
    expectRefused(votingState(), cast('v1'), { role: 'participant', participantId: null }, 'forbidden');
  });

  it('refuses the facilitator and the projector', () => {
    expectRefused(votingState(), cast('v1'), FACILITATOR, 'forbidden');
    expectRefused(votingState(), cast('v1'), PROJECTOR, 'forbidden');
  });

  it.each([
    ['missing point', { attentionPointId: undefined }],
    ['bad id', { id: 'v 1' }],
    ['numeric point', { attentionPointId: 1 }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(votingState(), { ...cast('v1'), ...fields }, PARTICIPANT, 'invalid_payload');
  });
});

describe('vote.retract', () => {
  const withVote = () => step(votingState(), cast('v1'), PARTICIPANT);

  it('takes back an own dot', () => {
    const outcome = acceptFrozen(withVote(), { type: 'vote.retract', id: 'v1' }, PARTICIPANT);
    expect(outcome.state.votes).toEqual({});
    expect(outcome.changes).toEqual([{ key: 'votes', id: 'v1', before: withVote().votes.v1, after: null }]);
  });

  it('gives the dot back to spend again', () => {
    let state = votingState({ dotsPerParticipant: 1 });
    state = step(state, cast('v1'), PARTICIPANT);
    state = step(state, { type: 'vote.retract', id: 'v1' }, PARTICIPANT);
    expect(step(state, cast('v2', 'a2'), PARTICIPANT).votes.v2).toBeDefined();
  });

  it('refuses someone else’s dot', () => {
    expectRefused(withVote(), { type: 'vote.retract', id: 'v1' }, OTHER, 'rule_violation', 'not_own_vote');
  });

  it('refuses when voting is closed', () => {
    const state = step(withVote(), { type: 'voting.open', open: false });
    expectRefused(state, { type: 'vote.retract', id: 'v1' }, PARTICIPANT, 'rule_violation', 'voting_closed');
  });

  it('refuses an unknown vote', () => {
    expectRefused(withVote(), { type: 'vote.retract', id: 'v2' }, PARTICIPANT, 'not_found');
  });

  it('refuses the facilitator', () => {
    expectRefused(withVote(), { type: 'vote.retract', id: 'v1' }, FACILITATOR, 'forbidden');
  });
});

describe('voting.open, voting.reveal and votes.clear', () => {
  it('opens and closes voting', () => {
    const opened = acceptFrozen(seededState(), {
      type: 'voting.open',
      open: true,
    });
    expect(opened.state.flow.votingOpen).toBe(true);
    expect(opened.changes).toEqual([
      {
        key: 'flow',
        id: null,
        before: seededState().flow,
        after: opened.state.flow,
      },
    ]);
    expect(acceptFrozen(opened.state, { type: 'voting.open', open: false }).state.flow.votingOpen).toBe(false);
  });

  it('revealing closes voting; hiding again keeps it closed', () => {
    const revealed = acceptFrozen(votingState(), {
      type: 'voting.reveal',
      revealed: true,
    }).state;
    expect(revealed.flow).toMatchObject({
      votesRevealed: true,
      votingOpen: false,
    });
    const hidden = step(revealed, { type: 'voting.reveal', revealed: false });
    expect(hidden.flow).toMatchObject({
      votesRevealed: false,
      votingOpen: false,
    });
  });

  it('hiding the results leaves open voting open', () => {
    const state = step(votingState(), {
      type: 'voting.reveal',
      revealed: false,
    });
    expect(state.flow).toMatchObject({
      votesRevealed: false,
      votingOpen: true,
    });
  });

  it('clears all votes and nothing else', () => {
    let state = step(votingState(), cast('v1'), PARTICIPANT);
    state = step(state, cast('v2', 'a2'), OTHER);
    const outcome = acceptFrozen(state, { type: 'votes.clear' });
    expect(outcome.state.votes).toEqual({});
    expect(outcome.state.attentionPoints).toEqual(state.attentionPoints);
    expect(outcome.changes.map((c) => c.id).sort()).toEqual(['v1', 'v2']);
  });

  it('clearing no votes is accepted with no changes', () => {
    const outcome = acceptFrozen(votingState(), { type: 'votes.clear' });
    expect(outcome.changes).toEqual([]);
  });

  it.each([
    ['voting.open', { open: 'yes' }],
    ['voting.open', {}],
    ['voting.reveal', { revealed: 1 }],
    ['votes.clear', { all: true }],
  ])('refuses an invalid %s payload %j', (type, fields) => {
    expectRefused(votingState(), { type, ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants', () => {
    expectRefused(votingState(), { type: 'voting.open', open: true }, PARTICIPANT, 'forbidden');
    expectRefused(votingState(), { type: 'voting.reveal', revealed: true }, PARTICIPANT, 'forbidden');
    expectRefused(votingState(), { type: 'votes.clear' }, PARTICIPANT, 'forbidden');
  });
});
