import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/changes';
import type { SessionState } from '../../../shared/domain';
import type { CommandMessage, EventMessage, HostMessage } from '../../../shared/protocol';
import { MAX_REPLAY } from '../../../electron/host/fan-out';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { cast, record, SESSION, settle, votesIn, votingRoom } from './voting-host';

type Snapshot = Extract<HostMessage, { t: 'snapshot' }>;
type Replayed = Extract<HostMessage, { t: 'replayed' }>;

const socketOf = (baseUrl: string, participantToken: string) => `${baseUrl.replace(/^http/, 'ws')}ws?participant=${participantToken}`;

/** Where a client stands: the state it shows and the last sequence number it applied. */
interface Seen {
  state: SessionState;
  seq: number;
}

/** Applies events as the client does (stream-tracker.ts): each must follow on from the last. */
function applyEvents(seen: Seen, frames: readonly HostMessage[]): Seen {
  let { state, seq } = seen;
  for (const frame of frames) {
    if (frame.t !== 'event' || frame.seq <= seq) continue;
    expect(frame.fromSeq ?? frame.seq - 1).toBe(seq);
    state = applyChanges(state, frame.changes);
    seq = frame.seq;
  }
  return { state, seq };
}

const eventsAfter = (frames: readonly HostMessage[], seq: number) =>
  frames.filter((frame): frame is EventMessage => frame.t === 'event' && frame.seq > seq).map(({ seq, changes }) => ({ seq, changes }));

/**
 * A phone or projector that comes back with `sinceSeq` gets the events it missed, redacted for its
 * role as the live events are (hidden-totals.test.ts runs the same checks over what arrives live),
 * or a snapshot when it is too far behind. Replayed onto what it had, it shows what a fresh
 * snapshot shows.
 */
describe('delta resync for phones and the projector', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function freshSnapshot(url: string): Promise<Snapshot> {
    const client = await TestClient.connect(url);
    try {
      return (await client.subscribe(SESSION)) as Snapshot;
    } finally {
      client.close();
    }
  }

  it('replays missed dots and hidden notes to a phone and the projector only as each may see them', async () => {
    const started = await votingRoom({ dotsPerParticipant: 3, hideNotesUntilReveal: true });
    cleanups.push(started.cleanup);
    const { run, anna, bram, chris, host } = started;
    const projectorUrl = `${host.url.replace(/^http/, 'ws')}ws?token=${TEST_TOKEN}&role=projector`;
    await run({ type: 'voting.open', open: true });

    // Bram and the projector each have a second connection that stays, to compare with what is replayed.
    const bramLive = await TestClient.connect(socketOf(host.url, bram.token));
    const projectorLive = await TestClient.connect(projectorUrl);
    const live = { bram: record(bramLive), projector: record(projectorLive) };
    await bramLive.subscribe(SESSION);
    await projectorLive.subscribe(SESSION);
    const projector = await TestClient.connect(projectorUrl);
    const extra = [bramLive, projectorLive, projector];
    cleanups.push(async () => {
      for (const client of extra) client.close();
    });

    const firstBram = (await bram.subscribe(SESSION)) as Snapshot;
    const firstProjector = (await projector.subscribe(SESSION)) as Snapshot;
    await cast(bram, 'b1', 'w1');
    await settle();
    const bramBefore = applyEvents({ state: firstBram.state as SessionState, seq: firstBram.seq }, bram.messages);
    const projectorBefore = applyEvents({ state: firstProjector.state as SessionState, seq: firstProjector.seq }, projector.messages);
    bram.close();
    projector.close();

    // While they are away: others' dots and hidden notes, Bram's own from his other connection, and
    // things everyone sees; the last event is one neither may see.
    await cast(anna, 'a1', 'w1');
    await cast(anna, 'a2', 'h1');
    await anna.command(SESSION, { type: 'note.add', id: 'na', zoneId: 'wij', text: 'Korte lijnen met de gemeente' });
    await chris.command(SESSION, { type: 'note.add', id: 'nc', zoneId: 'het', text: 'Monitoring ontbreekt' });
    await cast(chris, 'c1', 'w1');
    await cast(bramLive, 'b2', 'w2');
    await bramLive.command(SESSION, { type: 'note.add', id: 'nb', zoneId: 'ik', text: 'Mijn eigen notitie' });
    await run({ type: 'note.add', id: 'nf', zoneId: 'wij', text: 'Gedeelde visie' });
    await run({ type: 'attention.add', id: 'w3', zoneId: 'wij', title: 'Een nieuw punt voor iedereen' });
    await anna.command(SESSION, { type: 'vote.retract', id: 'a2' });
    await cast(anna, 'a3', 'w3');
    await settle();
    const seq = host.engine.seqOf(SESSION);

    const bramBack = await TestClient.connect(socketOf(host.url, bram.token));
    const projectorBack = await TestClient.connect(projectorUrl);
    extra.push(bramBack, projectorBack);
    const back = { bram: record(bramBack), projector: record(projectorBack) };
    bramBack.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: bramBefore.seq }));
    projectorBack.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: projectorBefore.seq }));
    const ends = {
      bram: (await bramBack.next((m) => m.t === 'replayed')) as Replayed,
      projector: (await projectorBack.next((m) => m.t === 'replayed')) as Replayed,
    };
    await settle();

    for (const frames of [back.bram, back.projector]) {
      // A delta, not a snapshot.
      expect(frames.some((frame) => frame.t === 'snapshot')).toBe(false);
      expect(frames.filter((frame) => frame.t === 'event').length).toBeGreaterThan(0);
      // The same checks as for live events: no one else's dot, no totals, no hidden words, no ids.
      const text = JSON.stringify(frames);
      for (const hidden of ['Korte lijnen', 'Monitoring ontbreekt', 'Gedeelde visie', anna.participantId, chris.participantId]) expect(text).not.toContain(hidden);
    }
    expect(votesIn(back.projector)).toEqual([]);
    expect(JSON.stringify(back.projector)).not.toContain('Mijn eigen notitie');
    expect(votesIn(back.bram).map((vote) => vote.participantId)).toEqual([bram.participantId]);
    expect(JSON.stringify(back.bram)).toContain('Mijn eigen notitie');
    expect(JSON.stringify(back.projector)).toContain('Een nieuw punt voor iedereen');

    // Exactly what the connections that stayed were sent live, event for event.
    expect(eventsAfter(back.bram, bramBefore.seq)).toEqual(eventsAfter(live.bram, bramBefore.seq));
    expect(eventsAfter(back.projector, projectorBefore.seq)).toEqual(eventsAfter(live.projector, projectorBefore.seq));

    // Replayed onto what each had, it is what a fresh snapshot shows, and each is current again.
    for (const [name, before, frames, url] of [
      ['bram', bramBefore, back.bram, socketOf(host.url, bram.token)],
      ['projector', projectorBefore, back.projector, projectorUrl],
    ] as const) {
      const after = applyEvents(before, frames);
      const end = ends[name];
      expect(end).toMatchObject({ stream: SESSION, fromSeq: after.seq, seq });
      // The last event (Anna's dot) is not theirs to see: the end says so instead.
      expect(after.seq).toBeLessThan(seq);
      const fresh = await freshSnapshot(url);
      expect(fresh.seq).toBe(seq);
      expect(after.state).toEqual(fresh.state);
    }
  });

  it('sends a snapshot to a phone too far behind, and when what it may see changed meanwhile', async () => {
    const started = await votingRoom({ dotsPerParticipant: 3 });
    cleanups.push(started.cleanup);
    const { run, bram, host } = started;
    await run({ type: 'voting.open', open: true });
    await cast(bram, 'b1', 'w1');
    const behind = host.engine.seqOf(SESSION);

    // More than MAX_REPLAY commands, written as one group as the command queue does.
    const actor = { role: 'facilitator' as const, participantId: null };
    const group = Array.from({ length: MAX_REPLAY + 1 }, (_, i) => ({
      actor,
      message: { t: 'command', id: `many-${i}`, stream: SESSION, command: { type: 'note.add', id: `m${i}`, zoneId: 'wij', text: `Notitie ${i}` } } as CommandMessage,
    }));
    for (const outcome of host.engine.handleGroup(group)) expect('reply' in outcome && outcome.reply.t).toBe('ack');
    const far = await TestClient.connect(socketOf(host.url, bram.token));
    cleanups.push(async () => far.close());
    const farFrames = record(far);
    const snapshot = (await far.subscribe(SESSION, behind)) as Snapshot;
    expect(snapshot.t).toBe('snapshot');
    expect(snapshot.seq).toBe(host.engine.seqOf(SESSION));
    expect(Object.keys((snapshot.state as SessionState).notes)).toHaveLength(MAX_REPLAY + 1);
    await settle();
    expect(farFrames.some((frame) => frame.t === 'event' || frame.t === 'replayed')).toBe(false);

    far.close();

    // A few events behind, but the dots were revealed meanwhile: a snapshot, as live.
    const before = host.engine.seqOf(SESSION);
    await run({ type: 'voting.reveal', revealed: true });
    await run({ type: 'note.add', id: 'later', zoneId: 'het', text: 'Daarna' });
    const again = await TestClient.connect(socketOf(host.url, bram.token));
    cleanups.push(async () => again.close());
    const revealed = (await again.subscribe(SESSION, before)) as Snapshot;
    expect(revealed.seq).toBe(host.engine.seqOf(SESSION));
    expect((revealed.state as SessionState).flow.votesRevealed).toBe(true);

    // Just behind, and nothing changed wholesale: the missed event only.
    again.close();

    // Far behind, but in events that held nothing for this phone (others joining, a hidden part of
    // the session): a replay with nothing in it but its end, not a snapshot.
    const quiet = host.engine.seqOf(SESSION);
    const joins = Array.from({ length: MAX_REPLAY + 50 }, (_, i) => ({
      actor: { role: 'participant' as const, participantId: `px${i}` },
      message: { t: 'command', id: `join-${i}`, stream: SESSION, command: { type: 'participant.join', id: `px${i}`, name: `Deelnemer ${i}` } } as CommandMessage,
    }));
    for (const outcome of host.engine.handleGroup(joins)) expect('reply' in outcome && outcome.reply.t).toBe('ack');
    const quietPhone = await TestClient.connect(socketOf(host.url, bram.token));
    cleanups.push(async () => quietPhone.close());
    const quietFrames = record(quietPhone);
    quietPhone.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: quiet }));
    const quietEnd = await quietPhone.next((m) => m.t === 'replayed');
    expect(quietEnd).toMatchObject({ fromSeq: quiet, seq: host.engine.seqOf(SESSION) });
    expect(quietFrames.map((frame) => frame.t)).toEqual(['replayed']);
    quietPhone.close();

    const current = host.engine.seqOf(SESSION);
    await run({ type: 'note.add', id: 'last', zoneId: 'het', text: 'Als laatste' });
    const near = await TestClient.connect(socketOf(host.url, bram.token));
    cleanups.push(async () => near.close());
    const nearFrames = record(near);
    near.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: current }));
    await near.next((m) => m.t === 'replayed');
    expect(nearFrames.map((frame) => frame.t)).toEqual(['event', 'replayed']);
  });

  it('replays from the database after a restart, judging what changed from the events themselves', async () => {
    const first = await votingRoom({ dotsPerParticipant: 3, hideNotesUntilReveal: true });
    const { run, anna, host } = first;
    const dataDir = host.dataDir;
    const projectorUrl = (url: string) => `${url.replace(/^http/, 'ws')}ws?token=${TEST_TOKEN}&role=projector`;
    await run({ type: 'voting.open', open: true });
    const projector = await TestClient.connect(projectorUrl(host.url));
    const snapshot = (await projector.subscribe(SESSION)) as Snapshot;
    projector.close();
    await cast(anna, 'a1', 'w1');
    await anna.command(SESSION, { type: 'note.add', id: 'na', zoneId: 'wij', text: 'Korte lijnen met de gemeente' });
    await run({ type: 'note.add', id: 'nf', zoneId: 'het', text: 'Gedeelde visie' });
    const beforeReveal = host.engine.seqOf(SESSION);
    await run({ type: 'notes.reveal', zoneId: 'het', revealed: true });
    await run({ type: 'note.add', id: 'nz', zoneId: 'het', text: 'Na de onthulling' });
    for (const client of [first.facilitator, first.anna, first.bram, first.chris]) client.close();
    await host.stop();

    const again = await startTestHost(dataDir);
    cleanups.push(again.cleanup);
    // From before the reveal: what the projector may see changed wholesale meanwhile, so a snapshot.
    const late = await TestClient.connect(projectorUrl(again.url));
    cleanups.push(async () => late.close());
    expect((await late.subscribe(SESSION, beforeReveal)).t).toBe('snapshot');
    // From after it: the events, from the database, redacted.
    const back = await TestClient.connect(projectorUrl(again.url));
    cleanups.push(async () => back.close());
    const frames = record(back);
    back.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: beforeReveal + 1 }));
    await back.next((m) => m.t === 'replayed');
    expect(frames.map((frame) => frame.t)).toEqual(['event', 'replayed']);
    expect(JSON.stringify(frames)).toContain('Na de onthulling');

    // Before the reveal nothing hidden: the events from the database, as the live ones would have been.
    const early = await TestClient.connect(projectorUrl(again.url));
    cleanups.push(async () => early.close());
    const earlyFrames = record(early);
    early.sendRaw(JSON.stringify({ t: 'subscribe', stream: SESSION, sinceSeq: snapshot.seq }));
    const firstAnswer = await early.next((m) => m.t === 'replayed' || m.t === 'snapshot');
    // The reveal is in this range too: a snapshot, never the hidden words.
    expect(firstAnswer.t).toBe('snapshot');
    expect(JSON.stringify(earlyFrames)).not.toContain('Korte lijnen');
    expect(votesIn(earlyFrames)).toEqual([]);
  });
});
