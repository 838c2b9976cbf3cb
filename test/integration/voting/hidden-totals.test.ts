import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { cast, record, SESSION, settle, votesIn, votingRoom } from './voting-host';

/**
 * What leaves the host while people vote and write: every frame a phone and the projector
 * receive is recorded and read. Before the reveal no device but the facilitator's gets another
 * participant's dot, or anything to count totals from; hidden notes travel without their words.
 */
describe('what phones and the projector receive', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function watchedRoom(settings: Record<string, unknown> = {}) {
    const started = await votingRoom(settings);
    cleanups.push(started.cleanup);
    const projector = await TestClient.facilitator(started.host.url, TEST_TOKEN, 'projector');
    cleanups.push(async () => projector.close());
    const frames = { anna: record(started.anna), bram: record(started.bram), projector: record(projector) };
    for (const client of [started.anna, started.bram, projector]) await client.subscribe(SESSION);
    return { ...started, projector, frames };
  }

  it('sends no other participant’s dot and no totals before the reveal', async () => {
    const { run, anna, bram, chris, frames, host, state } = await watchedRoom({ dotsPerParticipant: 3 });
    await run({ type: 'voting.open', open: true });
    for (const [id, point] of [['a1', 'w1'], ['a2', 'w1'], ['a3', 'h1']]) await cast(anna, id as string, point as string);
    for (const [id, point] of [['b1', 'w1'], ['b2', 'w2']]) await cast(bram, id as string, point as string);
    await bram.command(SESSION, { type: 'vote.retract', id: 'b2' });
    await cast(chris, 'c1', 'w1');
    await run({ type: 'voting.open', open: false });
    // A phone that comes (back) in the middle gets a snapshot: it holds only its own dots too.
    const late = await TestClient.connect(`${host.url.replace('http', 'ws')}ws?participant=${bram.token}`);
    cleanups.push(async () => late.close());
    const lateFrames = record(late);
    await late.subscribe(SESSION);
    await settle();
    expect(Object.keys(state().votes).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'c1']);

    expect(votesIn(frames.projector)).toEqual([]);
    expect(votesIn(frames.anna).every((vote) => vote.participantId === anna.participantId)).toBe(true);
    expect(votesIn(frames.anna).length).toBeGreaterThan(0);
    for (const list of [frames.bram, lateFrames]) expect(votesIn(list).every((vote) => vote.participantId === bram.participantId)).toBe(true);
    // Not even another participant's id reaches a phone (the list of who joined is the facilitator's).
    for (const other of [bram.participantId, chris.participantId]) expect(JSON.stringify(frames.anna)).not.toContain(other);
    expect(JSON.stringify(frames.bram)).not.toContain(anna.participantId);
    // The flow says voting happened, never how it went.
    const snapshot = lateFrames.find((frame) => frame.t === 'snapshot');
    expect(snapshot && (snapshot.state as SessionState).flow.votesRevealed).toBe(false);

    // The reveal: everyone gets every dot, without who cast it (their own still recognisable to each phone).
    const before = { projector: frames.projector.length, anna: frames.anna.length };
    await run({ type: 'voting.reveal', revealed: true });
    await settle();
    const revealedToProjector = votesIn(frames.projector.slice(before.projector));
    expect(revealedToProjector.map((vote) => vote.attentionPointId).sort()).toEqual(['h1', 'w1', 'w1', 'w1', 'w1']);
    expect(revealedToProjector.every((vote) => vote.participantId === '')).toBe(true);
    const revealedToAnna = votesIn(frames.anna.slice(before.anna));
    expect(revealedToAnna.filter((vote) => vote.participantId === anna.participantId)).toHaveLength(3);
    expect(revealedToAnna.filter((vote) => vote.participantId === '')).toHaveLength(2);
  });

  it('hides the totals again when voting reopens, before any new dot can travel', async () => {
    const { run, anna, bram, frames } = await watchedRoom({ dotsPerParticipant: 3 });
    await run({ type: 'voting.open', open: true });
    await cast(anna, 'a1', 'w1');
    await run({ type: 'voting.reveal', revealed: true });
    await run({ type: 'voting.open', open: true });
    await settle();
    const mark = { anna: frames.anna.length, projector: frames.projector.length };
    await cast(bram, 'b1', 'h1');
    await cast(bram, 'b2', 'h1');
    await settle();
    expect(votesIn(frames.anna.slice(mark.anna))).toEqual([]);
    expect(votesIn(frames.projector.slice(mark.projector))).toEqual([]);
    expect(JSON.stringify(frames.anna.slice(mark.anna))).not.toContain(bram.participantId);
  });

  it('sends hidden notes without their words until their side is revealed', async () => {
    const { run, anna, bram, frames } = await watchedRoom({ hideNotesUntilReveal: true });
    await anna.command(SESSION, { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Korte lijnen met de gemeente' });
    await bram.command(SESSION, { type: 'note.add', id: 'n2', zoneId: 'het', text: 'Monitoring ontbreekt' });
    await run({ type: 'note.add', id: 'n3', zoneId: 'wij', text: 'Gedeelde visie' });
    await settle();
    for (const list of [frames.projector, frames.bram]) {
      expect(JSON.stringify(list)).not.toContain('Korte lijnen');
      expect(JSON.stringify(list)).not.toContain('Gedeelde visie');
    }
    expect(JSON.stringify(frames.projector)).not.toContain('Monitoring ontbreekt');
    // Each author reads their own.
    expect(JSON.stringify(frames.anna)).toContain('Korte lijnen');

    await run({ type: 'notes.reveal', zoneId: 'wij', revealed: true });
    await settle();
    const projectorText = JSON.stringify(frames.projector);
    expect(projectorText).toContain('Korte lijnen');
    expect(projectorText).toContain('Gedeelde visie');
    expect(projectorText).not.toContain('Monitoring ontbreekt');
    await run({ type: 'notes.reveal', zoneId: null, revealed: true });
    await settle();
    expect(JSON.stringify(frames.projector)).toContain('Monitoring ontbreekt');
  });
});
