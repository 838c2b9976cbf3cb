import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/domain';
import { viewOfSession } from '../../../../shared/views';
import { hiddenCounts, joined, shownNotes, sideProgress, votingTurnout } from '../../../../renderer/src/session-flow/progress';
import { OTHER, PARTICIPANT, PROJECTOR, seededState, step } from '../../shared/fixtures';

const byZone = (state: SessionState) => Object.fromEntries(sideProgress(state).map((side) => [side.zoneId, side]));

describe('the facilitator’s overview', () => {
  it('counts notes, themes, points, ingredients and other points per side', () => {
    let state = seededState();
    state = step(state, { type: 'cluster.create', id: 'c1', title: 'Samen', noteIds: ['n1', 'n2'] });
    state = step(state, { type: 'attention.edit', id: 'a1', chosen: true });
    state = step(state, { type: 'observation.set', zoneId: 'wij', text: 'Goede samenwerking' });
    const sides = byZone(state);
    expect(sides.wij).toMatchObject({ notes: 2, clusters: 1, points: 2, chosen: 1, ingredients: 1, others: 0, observation: true, hidden: false });
    expect(sides.het).toMatchObject({ notes: 1, clusters: 0, points: 0, others: 1, observation: false });
  });

  it('counts notes waiting for approval apart, and a blank observation as not written', () => {
    let state = step(seededState(), { type: 'settings.update', moderation: true });
    state = step(state, { type: 'note.add', id: 'n9', zoneId: 'het', text: 'Wacht' }, PARTICIPANT);
    state = step(state, { type: 'observation.set', zoneId: 'het', text: '   ' });
    expect(byZone(state).het).toMatchObject({ notes: 1, pending: 1, observation: false });
  });

  it('names who joined, or only counts them when the session is anonymous', () => {
    expect(joined(seededState({ anonymous: false }))).toEqual({ count: 2, names: ['Bram', 'Chris'] });
    expect(joined(seededState({ anonymous: true }))).toEqual({ count: 2, names: [] });
  });

  it('counts dots and voters on a ballot only', () => {
    let state = step(seededState(), { type: 'voting.open', open: true });
    state = step(state, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
    state = step(state, { type: 'vote.cast', id: 'v2', attentionPointId: 'a1' }, PARTICIPANT);
    state = step(state, { type: 'vote.cast', id: 'v3', attentionPointId: 'a3' }, OTHER);
    expect(votingTurnout(state, () => true)).toEqual({ dots: 3, voters: 2 });
    expect(votingTurnout(state, (id) => id === 'a1')).toEqual({ dots: 2, voters: 1 });
  });
});

describe('hidden notes on the projector', () => {
  const hidden = () => step(seededState({ hideNotesUntilReveal: true }), { type: 'notes.reveal', zoneId: 'ik', revealed: true });

  it('counts the notes it may not read, per side', () => {
    const view = viewOfSession(hidden(), PROJECTOR);
    expect(Object.fromEntries(hiddenCounts(view))).toEqual({ wij: 2, het: 1 });
  });

  it('draws only the revealed notes, and every note when nothing is hidden', () => {
    const view = viewOfSession(hidden(), PROJECTOR);
    expect(Object.keys(shownNotes(view.notes, true, view.flow.revealedZoneIds))).toEqual(['n4']);
    const open = seededState();
    expect(shownNotes(open.notes, false, [])).toBe(open.notes);
  });
});
