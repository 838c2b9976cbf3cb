import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../../../shared/history';
import { applyCommand, SESSION_COMMANDS } from '../../../../shared/reducer';
import { FACILITATOR, participant, StateBuilder } from './build-state';

/** attention.link: the facilitator links a point to a theme shared with other sessions. */
describe('attention.link', () => {
  const base = () => new StateBuilder().point('a1', 'het', 'Monitoring').join('p1').state;
  const link = (state = base(), fields: Record<string, unknown> = { id: 'a1', themeKey: 'Monitoring, effectiviteit en ervaringen' }, actor = FACILITATOR) =>
    applyCommand(SESSION_COMMANDS, state, { type: 'attention.link', ...fields }, { actor, now: 1 });

  it('sets and clears the theme key, trimmed', () => {
    const linked = link(base(), { id: 'a1', themeKey: '  Monitoring, effectiviteit en ervaringen ' });
    expect(linked.ok && linked.state.attentionPoints.a1?.themeKey).toBe('Monitoring, effectiviteit en ervaringen');
    const cleared = linked.ok ? link(linked.state, { id: 'a1', themeKey: null }) : linked;
    expect(cleared.ok && cleared.state.attentionPoints.a1?.themeKey).toBeNull();
  });

  it('changes nothing else about the point', () => {
    const before = base().attentionPoints.a1;
    const outcome = link();
    expect(outcome.ok && outcome.state.attentionPoints.a1).toEqual({ ...before, themeKey: 'Monitoring, effectiviteit en ervaringen' });
  });

  it('can be undone', () => {
    const history = new UndoHistory();
    const outcome = link();
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.undoable).toBe(true);
    history.record(outcome.changes);
    const undone = history.undo(outcome.state);
    expect(undone.ok && undone.changes[0]?.after).toEqual(base().attentionPoints.a1);
  });

  it('refuses empty or too long keys, unknown points and participants', () => {
    expect(link(base(), { id: 'a1', themeKey: '   ' })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(link(base(), { id: 'a1', themeKey: 'x'.repeat(121) })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(link(base(), { id: 'nope', themeKey: 'Visie' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(link(base(), { id: 'a1', themeKey: 'Visie' }, participant('p1'))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
