import { afterEach, describe, expect, it } from 'vitest';
import type { Note, SessionState } from '../../../shared/domain';
import type { HostMessage } from '../../../shared/protocol';
import { TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { LAN_ADDRESS, lanBase, room, startLanHost } from './lan-host';
import { EXISTED_BEFORE } from '../../../shared/views';

const noteChanges = (message: HostMessage) => (message.t === 'event' ? message.changes.filter((change) => change.key === 'notes') : []);

describe('moderation: notes from phones wait for the facilitator', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function moderatedRoom() {
    const started = await startLanHost();
    cleanups.push(started.cleanup);
    const { host, facilitator } = started;
    expect(await facilitator.command('s1', { type: 'settings.update', moderation: true })).toMatchObject({ t: 'ack' });
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const author = await TestClient.phone(base, opened.joinCode as string);
    const neighbour = await TestClient.phone(base, opened.joinCode as string);
    const projector = await TestClient.facilitator(host.url, TEST_TOKEN, 'projector');
    for (const client of [facilitator, author, neighbour, projector]) await client.subscribe('s1');
    return { ...started, author, neighbour, projector };
  }

  it('keeps a phone’s note from the projector and other phones until it is approved', async () => {
    const { host, facilitator, author, neighbour, projector } = await moderatedRoom();
    expect(await author.command('s1', { type: 'note.add', id: 'm1', zoneId: 'wij', text: 'Meer samen doen' })).toMatchObject({ t: 'ack' });
    const seqAfterAdd = host.engine.seqOf('s1');

    // The facilitator and the author see it waiting; the others get the event without the note.
    const forFacilitator = await facilitator.next((m) => m.t === 'event' && m.seq === seqAfterAdd);
    expect(noteChanges(forFacilitator)[0]?.after).toMatchObject({ id: 'm1', pending: true, text: 'Meer samen doen' });
    const forAuthor = await author.next((m) => m.t === 'event' && m.seq === seqAfterAdd);
    expect(noteChanges(forAuthor)[0]?.after).toMatchObject({ id: 'm1', pending: true });
    // The others get nothing at all for it: an event with nothing they may see is not sent.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const other of [projector, neighbour]) {
      expect(other.messages.some((m) => m.t === 'event' && m.seq === seqAfterAdd)).toBe(false);
      expect(JSON.stringify(other.messages)).not.toContain('Meer samen doen');
    }
    const fresh = await TestClient.facilitator(host.url, TEST_TOKEN, 'projector');
    const snapshot = await fresh.subscribe('s1');
    expect(snapshot.t === 'snapshot' && (snapshot.state as SessionState).notes.m1).toBeUndefined();

    // Nobody but the facilitator approves.
    expect(await author.command('s1', { type: 'note.approve', ids: ['m1'] })).toMatchObject({ t: 'error', code: 'forbidden' });
    expect(await facilitator.command('s1', { type: 'note.approve', ids: ['m1'] })).toMatchObject({ t: 'ack' });
    const approvedSeq = host.engine.seqOf('s1');
    for (const other of [projector, neighbour]) {
      const event = await other.next((m) => m.t === 'event' && m.seq === approvedSeq);
      // It follows on from the last event they did get, so they know nothing visible was missed.
      expect(event).toMatchObject({ fromSeq: seqAfterAdd - 1 });
      const [change] = noteChanges(event);
      expect(change?.before).toBeNull();
      expect(change?.after).toMatchObject({ id: 'm1', text: 'Meer samen doen' });
      expect((change?.after as Note | undefined)?.pending).toBeUndefined();
    }

    // An edit from the phone goes back to the queue: it disappears from the wall until approved again.
    expect(await author.command('s1', { type: 'note.edit', id: 'm1', text: 'Iets heel anders' })).toMatchObject({ t: 'ack' });
    const editSeq = host.engine.seqOf('s1');
    const removal = await projector.next((m) => m.t === 'event' && m.seq === editSeq);
    // (The projector learns only that the note was there before, not what it said: EXISTED_BEFORE.)
    expect(noteChanges(removal)).toEqual([{ key: 'notes', id: 'm1', before: EXISTED_BEFORE, after: null }]);
    expect(JSON.stringify(removal)).not.toContain('Iets heel anders');
    expect(host.engine.session('s1')?.notes.m1).toMatchObject({ pending: true, text: 'Iets heel anders' });

    // Turning it down is deleting it; undo brings it back to the queue.
    expect(await facilitator.command('s1', { type: 'note.delete', ids: ['m1'] })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes.m1).toBeUndefined();
    expect(await facilitator.command('s1', { type: 'history.undo' })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes.m1?.pending).toBe(true);
    fresh.close();
  });

  it('lets the facilitator’s own notes through, and phones’ notes too once moderation is off', async () => {
    const { host, facilitator, author } = await moderatedRoom();
    expect(await facilitator.command('s1', { type: 'note.add', id: 'f1', zoneId: 'het', text: 'Van de begeleider' })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes.f1?.pending).toBeUndefined();
    expect(await facilitator.command('s1', { type: 'settings.update', moderation: false })).toMatchObject({ t: 'ack' });
    expect(await author.command('s1', { type: 'note.add', id: 'p1', zoneId: 'het', text: 'Direct zichtbaar' })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes.p1?.pending).toBeUndefined();
  });
});

describe('privacy and flaky connections over the network', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('stores no name with notes, votes or participants when the session is anonymous', async () => {
    const started = await startLanHost();
    cleanups.push(started.cleanup);
    const { host, facilitator } = started;
    expect(host.engine.session('s1')?.settings.anonymous).toBe(true);
    await facilitator.command('s1', { type: 'attention.add', id: 'a1', zoneId: null, title: 'Lerend evalueren' });
    await facilitator.command('s1', { type: 'voting.open', open: true });
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const phone = await TestClient.phone(lanBase(opened.joinUrl), opened.joinCode as string, 'Zwaantje Zeldzaam');
    expect(await phone.command('s1', { type: 'note.add', id: 'anon1', zoneId: 'ik', text: 'Anoniem' })).toMatchObject({ t: 'ack' });
    expect(await phone.command('s1', { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' })).toMatchObject({ t: 'ack' });
    const rows = host.db
      .prepare("SELECT data AS text FROM entities UNION ALL SELECT changes FROM events UNION ALL SELECT group_concat(participant_id) FROM participant_tokens")
      .all() as { text: string }[];
    const everything = rows.map((row) => row.text).join('\n');
    expect(everything).toContain('Anoniem');
    expect(everything).not.toContain('Zwaantje');
    expect(host.engine.session('s1')?.participants[phone.participantId]?.name).toBeNull();
    phone.close();
  });

  it('counts a note exactly once when the connection drops before its acknowledgement', async () => {
    const started = await startLanHost();
    cleanups.push(started.cleanup);
    const { host, facilitator } = started;
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const phone = await TestClient.phone(base, opened.joinCode as string);
    const frame = JSON.stringify({ t: 'command', id: 'flaky-1', stream: 's1', command: { type: 'note.add', id: 'fn1', zoneId: 'ik', text: 'Een keer' } });
    phone.sendRaw(frame);
    // The host applied it; the phone drops off before it could read the acknowledgement.
    while (!host.engine.session('s1')?.notes.fn1) await new Promise((resolve) => setTimeout(resolve, 5));
    phone.ws.terminate();
    const seqOfNote = host.engine.seqOf('s1');
    const back = await TestClient.connect(`${base.replace(/^http/, 'ws')}ws?participant=${phone.token}`);
    back.sendRaw(frame);
    back.sendRaw(frame);
    const acks = [await back.next((m) => m.t === 'ack'), await back.next((m) => m.t === 'ack')];
    expect(acks.map((ack) => ack.t === 'ack' && ack.seq)).toEqual([seqOfNote, seqOfNote]);
    expect(host.engine.seqOf('s1')).toBe(seqOfNote);
    expect(Object.values(host.engine.session('s1')?.notes ?? {}).filter((note) => note.text === 'Een keer')).toHaveLength(1);
    back.close();
  });
});
