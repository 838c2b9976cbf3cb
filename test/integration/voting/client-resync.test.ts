import { afterEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/changes';
import type { SessionState } from '../../../shared/domain';
import type { EventMessage, HostMessage, StreamState } from '../../../shared/protocol';
import { EilandClient } from '../../../renderer/src/client';
import { TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { eventually } from '../../unit/renderer/protocol-server';
import { cast, SESSION, votingRoom } from './voting-host';

/**
 * The pages' own client (renderer/src/client, which the phone page and the projector use) against
 * the real host: after a dropped connection it asks for what it missed with `sinceSeq`, applies the
 * replay, and ends where a fresh snapshot would put it, without a second snapshot.
 */
describe('a page that reconnects', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('catches up by replay, for a phone and for the projector', async () => {
    const started = await votingRoom({ dotsPerParticipant: 3, hideNotesUntilReveal: true });
    cleanups.push(started.cleanup);
    const { host, run, anna, bram } = started;
    await run({ type: 'voting.open', open: true });
    const ws = host.url.replace(/^http/, 'ws');
    const pages = [
      { name: 'phone', url: `${ws}ws?participant=${bram.token}` },
      { name: 'projector', url: `${ws}ws?token=${TEST_TOKEN}&role=projector` },
    ].map(({ name, url }) => {
      const page = { name, url, offline: false, socket: null as WebSocket | null, snapshots: 0, state: null as SessionState | null, seqs: [] as number[] };
      const client = new EilandClient({
        url,
        backoff: { initialMs: 20, maxMs: 50 },
        createSocket: (target) => {
          if (page.offline) throw new Error('no network');
          page.socket = new WebSocket(target);
          return page.socket;
        },
      });
      client.subscribe(SESSION, {
        snapshot(state: StreamState) {
          page.snapshots += 1;
          page.state = state as SessionState;
        },
        event(event: EventMessage) {
          if (page.state) page.state = applyChanges(page.state, event.changes);
          page.seqs.push(event.seq);
        },
      });
      client.start();
      cleanups.push(() => client.stop());
      return { page, client };
    });
    await eventually(() => expect(pages.every(({ page }) => page.snapshots === 1)).toBe(true));
    await cast(bram, 'b1', 'w1');
    await eventually(() => expect(pages[0]?.page.state?.votes.b1).toBeDefined());

    // The wifi goes.
    for (const { page, client } of pages) {
      page.offline = true;
      page.socket?.close();
      await eventually(() => expect(client.state).toBe('offline'));
    }
    await cast(anna, 'a1', 'w1');
    await anna.command(SESSION, { type: 'note.add', id: 'na', zoneId: 'wij', text: 'Korte lijnen met de gemeente' });
    await bram.command(SESSION, { type: 'note.add', id: 'nb', zoneId: 'ik', text: 'Mijn eigen notitie' });
    await run({ type: 'attention.add', id: 'w3', zoneId: 'wij', title: 'Een nieuw punt voor iedereen' });
    await cast(anna, 'a2', 'w3');

    // It comes back.
    for (const { page } of pages) page.offline = false;
    for (const { page } of pages) {
      const fresh = await TestClient.connect(page.url);
      const snapshot = (await fresh.subscribe(SESSION)) as Extract<HostMessage, { t: 'snapshot' }>;
      fresh.close();
      await eventually(() => expect(page.state).toEqual(snapshot.state), 5000);
      expect(page.snapshots).toBe(1);
    }
    const [phone, projector] = pages.map(({ page }) => page);
    expect(phone?.state?.notes.nb?.text).toBe('Mijn eigen notitie');
    expect(phone?.state?.notes.na?.text).toBe('');
    expect(Object.keys(projector?.state?.votes ?? {})).toEqual([]);
    expect(projector?.state?.attentionPoints.w3).toBeDefined();
  });
});
