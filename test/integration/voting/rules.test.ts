import { afterEach, describe, expect, it } from 'vitest';
import { cast, SESSION, votingRoom } from './voting-host';

/** The dot-voting rules, sent by real phones to the real host over its protocol. */
describe('dot voting against the host', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  async function room(settings: Record<string, unknown> = {}) {
    const started = await votingRoom(settings);
    cleanups.push(started.cleanup);
    return started;
  }

  it('refuses dots while voting is closed, and after it closed again', async () => {
    const { run, anna } = await room();
    expect(await cast(anna, 'v1', 'w1')).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'voting_closed' });
    await run({ type: 'voting.open', open: true });
    expect(await cast(anna, 'v1', 'w1')).toMatchObject({ t: 'ack' });
    await run({ type: 'voting.open', open: false });
    expect(await cast(anna, 'v2', 'w1')).toMatchObject({ t: 'error', reason: 'voting_closed' });
    expect(await anna.command(SESSION, { type: 'vote.retract', id: 'v1' })).toMatchObject({ t: 'error', reason: 'voting_closed' });
  });

  it('keeps each participant to the session’s dots, separately', async () => {
    const { run, anna, bram, state } = await room({ dotsPerParticipant: 3 });
    await run({ type: 'voting.open', open: true });
    for (const [id, point] of [['a1', 'w1'], ['a2', 'w2'], ['a3', 'h1']]) expect(await cast(anna, id as string, point as string)).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a4', 's1p')).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'no_dots_left' });
    // Bram still has all of his.
    expect(await cast(bram, 'b1', 's1p')).toMatchObject({ t: 'ack' });
    // Taking one back gives it back.
    expect(await anna.command(SESSION, { type: 'vote.retract', id: 'a3' })).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a4', 's1p')).toMatchObject({ t: 'ack' });
    expect(Object.values(state().votes).filter((vote) => vote.participantId === anna.participantId)).toHaveLength(3);
  });

  it('keeps to the maximum per point', async () => {
    const { run, anna, state } = await room({ dotsPerParticipant: 5, maxDotsPerItem: 2 });
    await run({ type: 'voting.open', open: true });
    expect(await cast(anna, 'a1', 'w1')).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a2', 'w1')).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a3', 'w1')).toMatchObject({ t: 'error', reason: 'max_dots_per_item' });
    expect(await cast(anna, 'a3', 'w2')).toMatchObject({ t: 'ack' });
    // The facilitator lifts the limit: the third dot goes on.
    await run({ type: 'settings.update', maxDotsPerItem: null });
    expect(await cast(anna, 'a4', 'w1')).toMatchObject({ t: 'ack' });
    expect(Object.values(state().votes).filter((vote) => vote.attentionPointId === 'w1')).toHaveLength(3);
  });

  it('counts a dot once however often the phone sends it, and lets nobody take back another’s dot', async () => {
    const { run, anna, bram, state } = await room({ dotsPerParticipant: 2 });
    await run({ type: 'voting.open', open: true });
    const command = { type: 'vote.cast', id: 'a1', attentionPointId: 'w1' };
    expect(await anna.command(SESSION, command, 'same-command')).toMatchObject({ t: 'ack' });
    expect(await anna.command(SESSION, command, 'same-command')).toMatchObject({ t: 'ack' });
    expect(Object.keys(state().votes)).toEqual(['a1']);
    expect(await bram.command(SESSION, { type: 'vote.retract', id: 'a1' })).toMatchObject({ t: 'error', reason: 'not_own_vote' });
    expect(await cast(bram, 'a1', 'w2')).toMatchObject({ t: 'error', reason: 'duplicate_id' });
  });

  it('votes on one side’s ballot during that side’s voting phase, with its own dots', async () => {
    const { run, anna, state } = await room({ dotsPerParticipant: 2 });
    await run({
      type: 'phases.configure',
      phases: [
        { id: 'voting-wij', kind: 'voting', zoneId: 'wij' },
        { id: 'voting-het', kind: 'voting', zoneId: 'het' },
      ],
    });
    await run({ type: 'phase.set', phaseId: 'voting-wij' });
    await run({ type: 'voting.open', open: true });
    expect(await cast(anna, 'a1', 'h1')).toMatchObject({ t: 'error', reason: 'voting_closed' });
    expect(await cast(anna, 'a1', 'w1')).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a2', 'w2')).toMatchObject({ t: 'ack' });
    expect(await cast(anna, 'a3', 'w2')).toMatchObject({ t: 'error', reason: 'no_dots_left' });
    // On to HET: two fresh dots there; the WIJ dots stay where they are and cannot be taken back now.
    await run({ type: 'phase.set', phaseId: 'voting-het' });
    expect(await cast(anna, 'a3', 'h1')).toMatchObject({ t: 'ack' });
    expect(await anna.command(SESSION, { type: 'vote.retract', id: 'a1' })).toMatchObject({ t: 'error', reason: 'voting_closed' });
    expect(Object.keys(state().votes).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('lets phones add ingredients and other points, but not run the session', async () => {
    const { anna, state } = await room();
    expect(await anna.command(SESSION, { type: 'ingredient.add', id: 'i1', attentionPointId: 'w1', text: 'Duo’s in de lokale context' })).toMatchObject({ t: 'ack' });
    expect(await anna.command(SESSION, { type: 'other.add', id: 'o1', zoneId: 'het', text: 'Weten wie waar wat doet' })).toMatchObject({ t: 'ack' });
    expect(state().ingredients.i1?.text).toBe('Duo’s in de lokale context');
    expect(state().otherPoints.o1).toMatchObject({ zoneId: 'het', text: 'Weten wie waar wat doet' });
    for (const command of [
      { type: 'voting.open', open: true },
      { type: 'voting.reveal', revealed: true },
      { type: 'phase.set', phaseId: 'voting' },
      { type: 'attention.edit', id: 'w1', chosen: true },
      { type: 'observation.set', zoneId: 'wij', text: 'Goed' },
      { type: 'timer.control', action: 'start' },
      { type: 'notes.reveal', zoneId: null, revealed: true },
      { type: 'settings.update', dotsPerParticipant: 50 },
    ]) {
      expect(await anna.command(SESSION, command), command.type).toMatchObject({ t: 'error', code: 'forbidden' });
    }
  });
});
