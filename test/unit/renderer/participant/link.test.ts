import { afterEach, describe, expect, it } from 'vitest';
import { ParticipantLink } from '../../../../renderer/src/participant/link';
import { memoryStore, readJoin, readQueue, rejoin, type StoredJoin, writeJoin, writeQueue } from '../../../../renderer/src/participant/storage';
import { LAN_ADDRESS, lanBase, room, startLanHost } from '../../../integration/lan/lan-host';
import { joinRoom } from '../../../support/ws-client';

/**
 * The phone's link against the real host, over the LAN listener (on 127.0.0.2): queueing, sending
 * again after a drop or a reload, and counting every note and dot exactly once.
 */

const eventually = async (check: () => boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('ParticipantLink against the real host', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function phone() {
    const started = await startLanHost();
    cleanups.push(started.cleanup);
    const { host, facilitator } = started;
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const joined = await joinRoom(base, opened.joinCode, 'Anna');
    const body = joined.body as { token: string; participantId: string; sessionId: string };
    const join: StoredJoin = { ...body, code: opened.joinCode as string };
    const storage = memoryStore();
    writeJoin(storage, join); // as the page does when the join succeeds
    const events = new EventTarget();
    const sockets: WebSocket[] = [];
    const lossy = { dropNextAck: false, dropped: 0, opened: 0 };
    /** A socket that, when asked, loses the next acknowledgement and the line with it (as a wifi drop would). */
    class LossySocket extends WebSocket {
      constructor(url: string) {
        super(url);
        lossy.opened += 1;
      }
      override get onmessage() {
        return super.onmessage;
      }
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = (event: MessageEvent) => {
          if (lossy.dropNextAck && String(event.data).includes('"t":"ack"')) {
            lossy.dropNextAck = false;
            lossy.dropped += 1;
            this.close();
            return;
          }
          handler?.(event);
        };
      }
    }
    const makeLink = () => {
      const link = new ParticipantLink({
        join,
        storage,
        events,
        location: { protocol: 'http:', host: new URL(base).host },
        createSocket: (url) => {
          const socket = new LossySocket(url);
          sockets.push(socket);
          return socket;
        },
      });
      cleanups.push(() => link.stop());
      return link;
    };
    const notesWith = (text: string) => Object.values(host.engine.session('s1')?.notes ?? {}).filter((note) => note.text === text);
    return { host, facilitator, join, storage, events, sockets, lossy, makeLink, notesWith };
  }

  it('writes a command to the phone before sending it, and lets go only when the host acknowledged it', async () => {
    const { host, join, storage, makeLink, notesWith } = await phone();
    const link = makeLink();
    link.start();
    await eventually(() => link.store.getState().connection === 'online' && link.store.getState().session !== null);
    const item = link.send({ type: 'note.add', id: link.newId(), zoneId: 'ik', text: 'Direct' });
    expect(readQueue(storage, join.participantId).map((queued) => queued.id)).toEqual([item.id]);
    await eventually(() => link.store.getState().queue.length === 0);
    expect(readQueue(storage, join.participantId)).toEqual([]);
    expect(notesWith('Direct')).toHaveLength(1);
    // The command reached the host under the id the phone made for it.
    expect(host.db.prepare('SELECT COUNT(*) AS n FROM events WHERE command_id = ?').get(item.id)).toEqual({ n: 1 });
    await eventually(() => Object.values(link.store.getState().session?.notes ?? {}).some((note) => note.text === 'Direct'));
  });

  it('queues while the phone is offline and sends everything once it is back', async () => {
    const { events, makeLink, notesWith, host } = await phone();
    const link = makeLink();
    link.start();
    await eventually(() => link.store.getState().connection === 'online');
    events.dispatchEvent(new Event('offline'));
    expect(link.store.getState().connection).toBe('offline');
    for (const text of ['Een', 'Twee', 'Drie']) link.send({ type: 'note.add', id: link.newId(), zoneId: 'wij', text });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(link.store.getState().queue).toHaveLength(3);
    expect(notesWith('Een')).toHaveLength(0);
    events.dispatchEvent(new Event('online'));
    await eventually(() => link.store.getState().queue.length === 0);
    for (const text of ['Een', 'Twee', 'Drie']) expect(notesWith(text)).toHaveLength(1);
    expect(Object.keys(host.engine.session('s1')?.notes ?? {})).toHaveLength(3);
  });

  it('counts a note once when the connection drops after the host applied it but before the acknowledgement arrived', async () => {
    const { host, makeLink, notesWith, lossy } = await phone();
    const link = makeLink();
    link.start();
    await eventually(() => link.store.getState().connection === 'online');
    lossy.dropNextAck = true;
    link.send({ type: 'note.add', id: link.newId(), zoneId: 'het', text: 'Precies een keer' });
    await eventually(() => lossy.dropped === 1);
    expect(notesWith('Precies een keer')).toHaveLength(1);
    expect(link.store.getState().queue).toHaveLength(1);
    await eventually(() => link.store.getState().queue.length === 0);
    expect(notesWith('Precies een keer')).toHaveLength(1);
    expect(lossy.opened).toBeGreaterThan(1);
    expect(host.db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'note.add'").get()).toEqual({ n: 1 });
  });

  it('sends what was still queued after a reload, with the same ids', async () => {
    const { events, makeLink, notesWith, host } = await phone();
    const first = makeLink();
    first.start();
    await eventually(() => first.store.getState().connection === 'online');
    events.dispatchEvent(new Event('offline'));
    first.send({ type: 'note.add', id: first.newId(), zoneId: 'ik', text: 'Voor het herladen' });
    first.send({ type: 'vote.cast', id: first.newId(), attentionPointId: 'nope' });
    first.stop(); // the page is reloaded

    const second = makeLink();
    expect(second.store.getState().queue).toHaveLength(2);
    second.start();
    await eventually(() => second.store.getState().queue.length === 0);
    expect(notesWith('Voor het herladen')).toHaveLength(1);
    // The refused dot (voting is closed) leaves the queue with a plain message, instead of coming back forever.
    expect(second.store.getState().notice?.key).toBe('rule.voting_closed');
    expect(Object.keys(host.engine.session('s1')?.votes ?? {})).toHaveLength(0);
  });

  it('says so when the facilitator closes the room, stops with the ended token, and sends its queue under the new join', async () => {
    const { facilitator, host, join, storage, makeLink, notesWith, lossy } = await phone();
    const link = makeLink();
    link.start();
    await eventually(() => link.store.getState().connection === 'online');
    await room(facilitator, { action: 'close', sessionId: 's1' });
    await eventually(() => link.store.getState().roomClosed);
    // The token ended with the room: the phone remembers that (for a reload) and stops knocking.
    expect(readJoin(storage)).toMatchObject({ participantId: join.participantId, ended: true });
    link.send({ type: 'note.add', id: link.newId(), zoneId: 'ik', text: 'Tijdens de pauze' });
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const knocks = lossy.opened;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(lossy.opened).toBe(knocks);
    expect(notesWith('Tijdens de pauze')).toHaveLength(0);
    link.stop();

    // "Opnieuw meedoen": a new join of the same session takes the queue along.
    const joined = await joinRoom(lanBase(opened.joinUrl), opened.joinCode, 'Anna');
    const body = joined.body as { token: string; participantId: string; sessionId: string };
    rejoin(storage, readJoin(storage), { ...body, code: opened.joinCode as string });
    expect(readQueue(storage, body.participantId)).toHaveLength(1);
    const again = new ParticipantLink({ join: readJoin(storage) as StoredJoin, storage, location: { protocol: 'http:', host: new URL(lanBase(opened.joinUrl)).host } });
    again.start();
    await eventually(() => again.store.getState().queue.length === 0, 10_000);
    again.stop();
    expect(notesWith('Tijdens de pauze')).toMatchObject([{ authorId: body.participantId }]);
    expect(host.engine.session('s1')?.participants[join.participantId]).toBeDefined();
  });

  it('does not carry a queue into another session', () => {
    const storage = memoryStore();
    const ended: StoredJoin = { token: 't', participantId: 'p-old', sessionId: 's1', code: 'AAAAAA', ended: true };
    writeQueue(storage, 'p-old', [{ id: 'c1', stream: 's1', command: { type: 'note.add' } }]);
    rejoin(storage, ended, { token: 'u', participantId: 'p-new', sessionId: 's2', code: 'BBBBBB' });
    expect(readQueue(storage, 'p-new')).toEqual([]);
    expect(readJoin(storage)).toEqual({ token: 'u', participantId: 'p-new', sessionId: 's2', code: 'BBBBBB' });
  });
});
