import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EilandClient } from '../../../renderer/src/client';
import type { SessionState } from '../../../shared/domain';
import { CLOSE_CODES, type HostMessage, pictureRef } from '../../../shared/protocol';
import { startHost } from '../../../electron/host/host';
import { DEFAULT_SEND_LIMITS } from '../../../electron/host/socket-sender';
import { TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { sleep } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';
import { joinRoom, openRoom, TestClient } from '../../support/ws-client';
import { TINY_PNG } from '../../unit/shared/fixtures';

/**
 * Bounded memory per client (socket-sender.ts): a phone that asks for snapshots and never reads
 * them cannot make the host buffer without end. This once grew the host by ~18 MB a second until
 * V8 ran out of heap, and the facilitator's acks went from 4 ms to 2 s on the way.
 */
const NOTES = 1500;
/** Small, so the never-reading phone reaches it within seconds once the kernel's buffers are full. */
const CAP = 64 * 1024;

describe('backpressure: one client cannot fill the host’s memory', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function bigSession() {
    const dataDir = tempDataDir('eiland-backpressure-');
    const host = await startHost({ dataDir, port: 0, token: TEST_TOKEN, rendererDir: join(dataDir, 'none'), sendLimits: { ...DEFAULT_SEND_LIMITS, bufferCapBytes: CAP } });
    cleanups.push(async () => {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const facilitator = await TrackingClient.staff(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    const create = { type: 'session.create', id: 's1', programmeId: null, title: 'Groot', group: 'Team', date: '2025-01-01', templateId: 'lemniscaat-ik-wij-het' };
    expect(await facilitator.command('create', 'workspace', create)).toMatchObject({ t: 'ack' });
    // 1,500 notes straight into the engine as one group: the same commands, without the socket's
    // rate limit, and one fsync instead of 1,500 (with synchronous=FULL those took 30 s under load).
    const seeds = Array.from({ length: NOTES }, (_, i) => ({
      message: { t: 'command' as const, id: `seed-${i}`, stream: 's1', command: { type: 'note.add', id: `n${i}`, zoneId: ['ik', 'wij', 'het'][i % 3], text: `Notitie ${i}: ${'wat gaat goed en wat kan beter '.repeat(14)}` } },
      actor: { role: 'facilitator' as const, participantId: null },
    }));
    for (const outcome of host.engine.handleGroup(seeds)) {
      if (!('reply' in outcome) || outcome.reply.t !== 'ack') throw new Error(JSON.stringify(outcome));
    }
    const code = await openRoom(await facilitatorTestClient(host.url), 's1');
    const joined = await joinRoom(host.url, code, 'Stil');
    const token = (joined.body as { token: string }).token;
    return { host, facilitator, token, phoneUrl: `${host.url.replace('http', 'ws')}ws?participant=${token}` };
  }

  async function facilitatorTestClient(url: string) {
    const client = await TestClient.facilitator(url, TEST_TOKEN);
    cleanups.push(() => client.close());
    return client;
  }

  it('closes a phone that asks for snapshots and never reads, with its own code; the facilitator keeps acking; the phone can come back', async () => {
    const { facilitator, phoneUrl } = await bigSession();
    const phone = new WebSocket(phoneUrl, { perMessageDeflate: false });
    await new Promise((resolve) => phone.once('open', resolve));
    const closed = new Promise<number>((resolve) => phone.once('close', resolve));
    phone.pause(); // reads nothing from here on
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let acked = 0;
    let subscribes = 0;
    let closedByHost = false;
    void closed.then(() => {
      closedByHost = true;
    });
    // 90 subscribes a second (within the socket's 100), and the facilitator adds notes meanwhile.
    // The host's close waits unread behind the buffers, so the loop runs its 12 s: enough for the
    // snapshots (~800 KB each, one a second) to fill the kernel's buffers on both ends (up to
    // ~10 MB on loopback) and for the events after them to pass the cap.
    const started = Date.now();
    for (let step = 0; Date.now() - started < 12_000 && !closedByHost; step += 1) {
      if (phone.readyState === WebSocket.OPEN) {
        phone.send(JSON.stringify({ t: 'subscribe', stream: 's1' }));
        subscribes += 1;
      }
      if (step % 2 === 0) {
        const reply = await facilitator.command(`f-${step}`, 's1', { type: 'note.add', id: `f${step}`, zoneId: 'ik', text: 'x'.repeat(450) });
        expect(reply).toMatchObject({ t: 'ack' });
        acked += 1;
      }
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      await sleep(11);
    }
    // Once the phone reads again it finds, after what was buffered, the host's close with its code.
    phone.resume();
    expect(await closed).toBe(CLOSE_CODES.tooFarBehind);
    expect(subscribes).toBeGreaterThan(20);
    expect(acked).toBeGreaterThan(10);
    // Unbounded, this process grew by ~20 MB a second here (measured: 245 MB in 12 s); bounded, by a few MB.
    expect((rssPeak - rssBefore) / 2 ** 20).toBeLessThan(50);
    expect(await facilitator.command('after', 's1', { type: 'note.add', id: 'after', zoneId: 'wij', text: 'Nog steeds' })).toMatchObject({ t: 'ack' });

    const back = await TestClient.connect(phoneUrl);
    cleanups.push(() => back.close());
    expect(await back.subscribe('s1')).toMatchObject({ t: 'snapshot', stream: 's1' });
  }, 60_000);

  it('coalesces subscribes that wait, and rations snapshots per socket', async () => {
    const { phoneUrl } = await bigSession();
    const phone = new WebSocket(phoneUrl, { perMessageDeflate: false });
    const snapshots: number[] = [];
    phone.on('message', (data) => {
      const message = JSON.parse(data.toString()) as HostMessage;
      if (message.t === 'snapshot') snapshots.push(message.seq);
    });
    await new Promise((resolve) => phone.once('open', resolve));
    cleanups.push(() => phone.terminate());
    for (let i = 0; i < 60; i += 1) phone.send(JSON.stringify({ t: 'subscribe', stream: 's1' }));
    await sleep(1500);
    // Without rationing: 60 snapshots of 1,500 notes. With it: the burst, then one a second at most.
    expect(snapshots.length).toBeGreaterThanOrEqual(1);
    expect(snapshots.length).toBeLessThanOrEqual(DEFAULT_SEND_LIMITS.snapshotBurst + 2);
    // The last request still gets its answer: nothing asked for is dropped, only merged.
    const count = snapshots.length;
    await sleep(1500);
    expect(snapshots.length).toBeGreaterThan(count - 1);
    expect(snapshots.length).toBeLessThanOrEqual(count + 2);
  });

  it('sends a session’s picture once per connection and refers to it by its hash', async () => {
    const { host, facilitator, token } = await bigSession();
    expect(await facilitator.command('bg', 's1', { type: 'template.background', background: TINY_PNG })).toMatchObject({ t: 'ack' });
    const raw = await TestClient.connect(`${host.url.replace('http', 'ws')}ws?participant=${token}`);
    cleanups.push(() => raw.close());
    // A client that never names pictures (an older one) gets them inside the snapshot, as before.
    const inline = await raw.subscribe('s1');
    expect(inline.t === 'snapshot' && (inline.state as SessionState).template.background).toBe(TINY_PNG);
    // Naming them (even none) asks for them apart: the picture comes once, snapshots refer to it.
    const snapshots: HostMessage[] = [];
    for (let i = 0; i < 3; i += 1) {
      const reply = raw.next((m) => m.t === 'snapshot');
      raw.sendRaw(JSON.stringify({ t: 'subscribe', stream: 's1', pictures: [] }));
      snapshots.push(await reply);
    }
    const pictures = raw.messages.filter((message) => message.t === 'picture');
    expect(pictures).toHaveLength(1);
    const [picture] = pictures;
    if (picture?.t !== 'picture') throw new Error('no picture');
    expect(picture.dataUrl).toBe(TINY_PNG);
    for (const snapshot of snapshots) {
      if (snapshot.t !== 'snapshot') throw new Error(JSON.stringify(snapshot));
      expect((snapshot.state as SessionState).template.background).toBe(pictureRef(picture.hash));
    }
    // A new connection that says it still has the picture does not get it again.
    const again = await TestClient.connect(`${host.url.replace('http', 'ws')}ws?participant=${token}`);
    cleanups.push(() => again.close());
    const reply = again.next((m) => m.t === 'snapshot');
    again.sendRaw(JSON.stringify({ t: 'subscribe', stream: 's1', pictures: [picture.hash] }));
    expect(((await reply) as { state: SessionState }).state.template.background).toBe(pictureRef(picture.hash));
    expect(again.messages.filter((message) => message.t === 'picture')).toHaveLength(0);

    // The app's own client puts the picture back, so the store sees what it always saw.
    const client = new EilandClient({ url: `${host.url.replace('http', 'ws')}ws?token=${TEST_TOKEN}` });
    let seen: SessionState | null = null;
    client.subscribe('s1', { snapshot: (state) => (seen = state as SessionState), event: () => {} });
    client.start();
    cleanups.push(() => client.stop());
    const deadline = Date.now() + 5000;
    while (seen === null && Date.now() < deadline) await sleep(20);
    expect((seen as SessionState | null)?.template.background).toBe(TINY_PNG);
  });
});
