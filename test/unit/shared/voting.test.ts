import { describe, expect, it } from 'vitest';
import type { AttentionPoint, SessionState, Vote } from '../../../shared/domain';
import { dotsLeft, dotsUsed, ingredientPoints, ingredientsOf, pointsInListOrder, rankPoints } from '../../../shared/voting';
import { deepFreeze, emptyState } from './fixtures';

const point = (id: string, order: number, zoneId: string | null = 'wij'): AttentionPoint => ({
  id,
  zoneId,
  title: id,
  order,
  chosen: false,
  themeKey: null,
});

/** A state with the given points and votes, given as [attentionPointId, participantId] pairs. */
function withVotes(points: AttentionPoint[], votes: [string, string][], dotsPerParticipant = 3): SessionState {
  const state = emptyState({ dotsPerParticipant });
  const attentionPoints = Object.fromEntries(points.map((p) => [p.id, p]));
  const voteRecords: Record<string, Vote> = {};
  votes.forEach(([attentionPointId, participantId], i) => {
    voteRecords[`v${i}`] = { id: `v${i}`, attentionPointId, participantId };
  });
  return deepFreeze({ ...state, attentionPoints, votes: voteRecords });
}

describe('dotsUsed and dotsLeft', () => {
  const state = withVotes(
    [point('a', 1), point('b', 2)],
    [
      ['a', 'p1'],
      ['a', 'p1'],
      ['b', 'p1'],
      ['b', 'p2'],
    ],
    5,
  );

  it('counts all dots of one participant', () => {
    expect(dotsUsed(state, 'p1')).toBe(3);
    expect(dotsUsed(state, 'p2')).toBe(1);
    expect(dotsUsed(state, 'p3')).toBe(0);
  });

  it('counts a participant’s dots on one point', () => {
    expect(dotsUsed(state, 'p1', 'a')).toBe(2);
    expect(dotsUsed(state, 'p1', 'b')).toBe(1);
    expect(dotsUsed(state, 'p2', 'a')).toBe(0);
  });

  it('gives the dots left and never less than zero', () => {
    expect(dotsLeft(state, 'p1')).toBe(2);
    expect(dotsLeft(state, 'p2')).toBe(4);
    expect(dotsLeft(state, 'p3')).toBe(5);
    const lowered = {
      ...state,
      settings: { ...state.settings, dotsPerParticipant: 1 },
    };
    expect(dotsLeft(lowered, 'p1')).toBe(0);
  });
});

describe('rankPoints', () => {
  it('ranks by dots, most first', () => {
    const state = withVotes(
      [point('a', 1), point('b', 2), point('c', 3)],
      [
        ['c', 'p1'],
        ['c', 'p2'],
        ['c', 'p3'],
        ['b', 'p1'],
      ],
    );
    expect(rankPoints(state)).toEqual([
      { attentionPointId: 'c', dots: 3, rank: 1, tied: false },
      { attentionPointId: 'b', dots: 1, rank: 2, tied: false },
      { attentionPointId: 'a', dots: 0, rank: 3, tied: false },
    ]);
  });

  it('ties share a rank, keep their own order, and the next rank skips', () => {
    const state = withVotes(
      [point('a', 1), point('b', 2), point('c', 3), point('d', 4)],
      [
        ['c', 'p1'],
        ['c', 'p2'],
        ['b', 'p1'],
        ['b', 'p2'],
        ['d', 'p3'],
      ],
    );
    expect(rankPoints(state)).toEqual([
      { attentionPointId: 'b', dots: 2, rank: 1, tied: true },
      { attentionPointId: 'c', dots: 2, rank: 1, tied: true },
      { attentionPointId: 'd', dots: 1, rank: 3, tied: false },
      { attentionPointId: 'a', dots: 0, rank: 4, tied: false },
    ]);
  });

  it('all points without dots share rank 1', () => {
    const state = withVotes([point('b', 2), point('a', 1)], []);
    expect(rankPoints(state)).toEqual([
      { attentionPointId: 'a', dots: 0, rank: 1, tied: true },
      { attentionPointId: 'b', dots: 0, rank: 1, tied: true },
    ]);
  });

  it('filters by side (null: the whole-session points), each point keeping its place in the whole session', () => {
    const state = withVotes(
      [point('a', 1, 'wij'), point('b', 1, 'het'), point('c', 1, null), point('d', 2, 'wij')],
      [
        ['d', 'p1'],
        ['b', 'p1'],
        ['b', 'p2'],
      ],
    );
    expect(rankPoints(state, 'wij').map((r) => [r.attentionPointId, r.dots, r.rank, r.tied])).toEqual([
      ['d', 1, 2, false],
      ['a', 0, 3, true],
    ]);
    expect(rankPoints(state, null).map((r) => r.attentionPointId)).toEqual(['c']);
    expect(rankPoints(state).map((r) => r.attentionPointId)).toEqual(['b', 'd', 'a', 'c']);
    expect(rankPoints(state, 'zij')).toEqual([]);
  });

  it('ignores votes on points that no longer exist', () => {
    const state = withVotes(
      [point('a', 1)],
      [
        ['gone', 'p1'],
        ['a', 'p2'],
      ],
    );
    expect(rankPoints(state)).toEqual([{ attentionPointId: 'a', dots: 1, rank: 1, tied: false }]);
  });

  it('returns nothing for a session without points', () => {
    expect(rankPoints(emptyState())).toEqual([]);
  });
});

describe('one order on every screen', () => {
  const points = [point('w1', 1, 'wij'), point('i1', 1, 'ik'), point('h1', 1, 'het'), point('i2', 2, 'ik')];
  const votes: [string, string][] = [
    ['h1', 'p1'],
    ['h1', 'p2'],
    ['i2', 'p1'],
    ['w1', 'p3'],
  ];
  /** The session runs HET first, then IK, then WIJ: that order, not the template's, breaks ties. */
  const sessionOrder = (state: SessionState, votesRevealed: boolean): SessionState => ({
    ...state,
    flow: {
      ...state.flow,
      votesRevealed,
      phases: ['het', 'ik', 'wij'].map((zoneId, index) => ({ id: `ph${index}`, kind: 'notes', zoneId, title: zoneId, durationMs: null }) as SessionState['flow']['phases'][number]),
    },
  });

  it('ranks ties in the order the session ran its sides', () => {
    const state = sessionOrder(withVotes(points, votes), true);
    expect(rankPoints(state).map((r) => [r.attentionPointId, r.rank, r.tied])).toEqual([
      ['h1', 1, false],
      ['i2', 2, true],
      ['w1', 2, true],
      ['i1', 4, false],
    ]);
  });

  it('lists points by the ranking only after the reveal; before it in ballot order, whatever the votes', () => {
    const before = pointsInListOrder(sessionOrder(withVotes(points, votes), false)).map((p) => p.id);
    expect(before).toEqual(['h1', 'i1', 'i2', 'w1']);
    const after = pointsInListOrder(sessionOrder(withVotes(points, votes), true)).map((p) => p.id);
    expect(after).toEqual(['h1', 'i2', 'w1', 'i1']);
  });

  it('gives ingredients to the chosen points in ranking order, or to all while none is chosen', () => {
    const state = sessionOrder(withVotes(points, votes), true);
    expect(ingredientPoints(state).map((p) => p.id)).toEqual(['h1', 'i2', 'w1', 'i1']);
    const chosen = { ...state, attentionPoints: { ...state.attentionPoints, w1: { ...point('w1', 1, 'wij'), chosen: true }, h1: { ...point('h1', 1, 'het'), chosen: true } } };
    expect(ingredientPoints(chosen).map((p) => p.id)).toEqual(['h1', 'w1']);
  });

  it('lists one point’s ingredients in the order they were given, and only that point’s', () => {
    const state = sessionOrder(withVotes(points, votes), true);
    const ingredient = (id: string, attentionPointId: string, order: number) => ({ id, attentionPointId, text: id, order }) as SessionState['ingredients'][string];
    const withIngredients = { ...state, ingredients: { b: ingredient('b', 'h1', 2), a: ingredient('a', 'h1', 1), c: ingredient('c', 'w1', 0) } };
    expect(ingredientsOf(withIngredients, 'h1').map((item) => item.id)).toEqual(['a', 'b']);
    expect(ingredientsOf(withIngredients, 'w1').map((item) => item.id)).toEqual(['c']);
    expect(ingredientsOf(withIngredients, 'i1')).toEqual([]);
  });
});
