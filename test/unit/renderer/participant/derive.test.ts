import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/domain';
import {
  canCast,
  currentPhase,
  dotsLeft,
  formatClock,
  myNotes,
  myVotes,
  pointsBySide,
  queuedIngredients,
  revealedTotals,
  timeLeft,
} from '../../../../renderer/src/participant/derive';
import type { QueuedCommand } from '../../../../renderer/src/participant/storage';
import { viewOfSession } from '../../../../shared/views';
import { joinedState, OTHER, PARTICIPANT, step } from '../../shared/fixtures';

const ME = 'p1';

/** The session as the host sends it to p1: own notes and dots whole, others redacted. */
function phoneView(state: SessionState): SessionState {
  return viewOfSession(state, PARTICIPANT);
}

function withContent(settings: Partial<SessionState['settings']> = {}): SessionState {
  let state = joinedState({ dotsPerParticipant: 3, ...settings });
  state = step(state, { type: 'note.add', id: 'mine1', zoneId: 'ik', text: 'Eerste' }, PARTICIPANT, 1000);
  state = step(state, { type: 'note.add', id: 'mine2', zoneId: 'wij', text: 'Tweede' }, PARTICIPANT, 2000);
  state = step(state, { type: 'note.add', id: 'theirs', zoneId: 'wij', text: 'Van een ander' }, OTHER, 3000);
  state = step(state, { type: 'attention.add', id: 'a1', zoneId: 'wij', title: 'Samen leren' });
  state = step(state, { type: 'attention.add', id: 'a2', zoneId: null, title: 'Lerend evalueren' });
  state = step(state, { type: 'attention.add', id: 'a0', zoneId: 'ik', title: 'Urgentie' });
  state = step(state, { type: 'voting.open', open: true });
  state = step(state, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
  state = step(state, { type: 'vote.cast', id: 'v9', attentionPointId: 'a1' }, OTHER);
  return state;
}

const queued = (id: string, command: QueuedCommand['command'], stream = 's1'): QueuedCommand => ({ id, stream, command });

describe('myNotes', () => {
  it('lists only this participant’s notes, newest first, with what is still on the phone on top', () => {
    const view = phoneView(withContent());
    const queue = [queued('c1', { type: 'note.add', id: 'new1', zoneId: 'het', text: 'Offline geschreven' })];
    expect(myNotes(view, queue, ME)).toEqual([
      { id: 'new1', zoneId: 'het', text: 'Offline geschreven', delivery: 'queued' },
      { id: 'mine2', zoneId: 'wij', text: 'Tweede', delivery: 'sent' },
      { id: 'mine1', zoneId: 'ik', text: 'Eerste', delivery: 'sent' },
    ]);
  });

  it('shows queued edits and withdrawals at once, and a note the host already has only once', () => {
    const view = phoneView(withContent());
    const queue = [
      queued('c1', { type: 'note.add', id: 'mine1', zoneId: 'ik', text: 'Eerste' }),
      queued('c2', { type: 'note.edit', id: 'mine1', text: 'Eerste, beter' }),
      queued('c3', { type: 'note.delete', ids: ['mine2'] }),
      queued('c4', { type: 'note.add', id: 'elsewhere', zoneId: 'ik', text: 'Andere sessie' }, 's2'),
    ];
    expect(myNotes(view, queue, ME)).toEqual([{ id: 'mine1', zoneId: 'ik', text: 'Eerste, beter', delivery: 'queued' }]);
  });

  it('marks a note that waits for the facilitator’s approval', () => {
    let state = joinedState({ moderation: true });
    state = step(state, { type: 'note.add', id: 'q1', zoneId: 'ik', text: 'Even wachten' }, PARTICIPANT);
    expect(myNotes(phoneView(state), [], ME)).toEqual([{ id: 'q1', zoneId: 'ik', text: 'Even wachten', delivery: 'waiting' }]);
  });

  it('ignores queue entries that are not well formed', () => {
    const view = phoneView(withContent());
    const queue = [queued('c1', { type: 'note.add', id: 5, zoneId: 'ik' }), queued('c2', { type: 'note.delete', ids: 'mine1' })];
    expect(myNotes(view, queue, ME).map((note) => note.id)).toEqual(['mine2', 'mine1']);
  });
});

describe('dots', () => {
  it('counts own dots with those cast and taken back on the phone, never the others’', () => {
    const view = phoneView(withContent());
    const queue = [
      queued('c1', { type: 'vote.cast', id: 'v2', attentionPointId: 'a2' }),
      queued('c2', { type: 'vote.cast', id: 'v3', attentionPointId: 'a1' }),
      queued('c3', { type: 'vote.retract', id: 'v1' }),
    ];
    const votes = myVotes(view, queue, ME);
    expect(votes).toEqual([
      { id: 'v2', attentionPointId: 'a2', queued: true },
      { id: 'v3', attentionPointId: 'a1', queued: true },
    ]);
    expect(dotsLeft(view, votes)).toBe(1);
    expect(canCast(view, votes, 'a1')).toBe(true);
    expect(canCast(view, [...votes, { id: 'v4', attentionPointId: 'a0', queued: true }], 'a1')).toBe(false);
  });

  it('follows the per-item limit and closed voting like the host does', () => {
    const limited = phoneView(withContent({ maxDotsPerItem: 1 }));
    const votes = myVotes(limited, [], ME);
    expect(canCast(limited, votes, 'a1')).toBe(false);
    expect(canCast(limited, votes, 'a2')).toBe(true);
    const closed = phoneView(step(withContent(), { type: 'voting.open', open: false }));
    expect(canCast(closed, myVotes(closed, [], ME), 'a2')).toBe(false);
  });

  it('has totals only once the facilitator revealed them', () => {
    const state = withContent();
    expect(revealedTotals(phoneView(state)).size).toBe(0);
    const revealed = phoneView(step(state, { type: 'voting.reveal', revealed: true }));
    expect(revealedTotals(revealed).get('a1')).toBe(2);
  });
});

describe('sides, phases, ingredients and the timer', () => {
  it('groups attention points by side in the model’s order, the whole session last', () => {
    const sides = pointsBySide(phoneView(withContent()));
    expect(sides.map((side) => [side.zoneId, side.points.map((point) => point.id)])).toEqual([
      ['wij', ['a1']],
      ['ik', ['a0']],
      [null, ['a2']],
    ]);
    expect(pointsBySide(phoneView(withContent()), (point) => point.id === 'a2')).toHaveLength(1);
  });

  it('finds the current phase', () => {
    const state = withContent();
    expect(currentPhase(state)).toBeNull();
    expect(currentPhase(step(state, { type: 'phase.set', phaseId: 'ingredients' }))?.kind).toBe('ingredients');
  });

  it('lists ingredients still on the phone that the host does not have yet', () => {
    const state = step(withContent(), { type: 'ingredient.add', id: 'i1', attentionPointId: 'a1', text: 'Er al' }, PARTICIPANT);
    const queue = [
      queued('c1', { type: 'ingredient.add', id: 'i1', attentionPointId: 'a1', text: 'Er al' }),
      queued('c2', { type: 'ingredient.add', id: 'i2', attentionPointId: 'a1', text: 'Nog niet' }),
    ];
    expect(queuedIngredients(phoneView(state), queue)).toEqual([{ id: 'i2', attentionPointId: 'a1', text: 'Nog niet' }]);
  });

  it('runs the timer on the host’s clock and never below zero', () => {
    expect(timeLeft({ durationMs: 60_000, startedAt: null, remainingMs: 42_000 }, 999_999)).toBe(42_000);
    expect(timeLeft({ durationMs: 60_000, startedAt: 10_000, remainingMs: 60_000 }, 25_000)).toBe(45_000);
    expect(timeLeft({ durationMs: 60_000, startedAt: 10_000, remainingMs: 60_000 }, 100_000)).toBe(0);
    expect(formatClock(45_000)).toBe('0:45');
    expect(formatClock(599_001)).toBe('10:00');
    expect(formatClock(0)).toBe('0:00');
  });
});
