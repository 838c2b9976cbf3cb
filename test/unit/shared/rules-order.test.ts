import { describe, expect, it } from 'vitest';
import type { AttentionPoint, Phase, SessionState } from '../../../shared/domain';
import { ballotOrder, sidesInSessionOrder } from '../../../shared/rules';
import { deepFreeze, emptyState } from './fixtures';

const point = (id: string, zoneId: string | null, order: number): AttentionPoint => ({ id, zoneId, title: id, order, chosen: false, themeKey: null });
const phase = (id: string, kind: Phase['kind'], zoneId: string | null): Phase => ({ id, kind, zoneId });

/** The lemniscate (template order WIJ, IK, HET) run IK first, then HET, then WIJ. */
function session(points: AttentionPoint[], votes: [string, string][] = []): SessionState {
  const state = emptyState();
  return deepFreeze({
    ...state,
    flow: { ...state.flow, phases: [phase('c', 'checkin', null), phase('n-ik', 'notes', 'ik'), phase('n-het', 'notes', 'het'), phase('n-wij', 'notes', 'wij'), phase('v', 'voting', null)] },
    attentionPoints: Object.fromEntries(points.map((p) => [p.id, p])),
    votes: Object.fromEntries(votes.map(([attentionPointId, participantId], i) => [`v${i}`, { id: `v${i}`, attentionPointId, participantId }])),
  });
}

describe('the order of sides and of the ballot', () => {
  it('lists sides as the session runs them, not in the template’s order, the whole session last', () => {
    const state = session([]);
    expect(state.template.zones.map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
    expect(sidesInSessionOrder(state)).toEqual(['ik', 'het', 'wij', null]);
  });

  it('puts sides no phase visits after those it does, in the template’s order', () => {
    const state = session([]);
    const onlyHet = { ...state, flow: { ...state.flow, phases: [phase('n-het', 'notes', 'het'), phase('x', 'notes', 'gone')] } };
    expect(sidesInSessionOrder(onlyHet)).toEqual(['het', 'wij', 'ik', null]);
  });

  it('keeps the ballot’s order whatever the dots say', () => {
    const points = [point('wij-1', 'wij', 1), point('all', null, 2), point('het-2', 'het', 4), point('het-1', 'het', 3), point('ik-1', 'ik', 5)];
    const before = ballotOrder(session(points)).map((p) => p.id);
    expect(before).toEqual(['ik-1', 'het-1', 'het-2', 'wij-1', 'all']);
    const voted = session(points, [['all', 'p1'], ['all', 'p2'], ['wij-1', 'p1'], ['het-2', 'p3']]);
    expect(ballotOrder(voted).map((p) => p.id)).toEqual(before);
  });

  it('lists one side’s points only when asked for that side', () => {
    const points = [point('wij-1', 'wij', 1), point('het-2', 'het', 4), point('het-1', 'het', 3)];
    expect(ballotOrder(session(points), 'het').map((p) => p.id)).toEqual(['het-1', 'het-2']);
    expect(ballotOrder(session(points), null)).toEqual([]);
  });
});
