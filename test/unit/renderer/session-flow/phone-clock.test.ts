import { afterEach, describe, expect, it } from 'vitest';
import { ParticipantLink } from '../../../../renderer/src/participant/link';
import { memoryStore } from '../../../../renderer/src/participant/storage';
import { startTestHost, TEST_TOKEN } from '../../../support/host-harness';
import { joinRoom, openRoom, TestClient } from '../../../support/ws-client';

const eventually = async (check: () => boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/**
 * A phone shows the host's timer through the offset between its clock and the host's, read from
 * the welcome. Sending a note or a dot must not read that welcome again: the offset would then
 * grow by the time since joining, and the phone's timer would fall behind the wall's.
 */
describe('the phone’s clock offset', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stays what the welcome said while the phone sends commands', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    await facilitator.command('workspace', {
      type: 'session.create', id: 's1', programmeId: null, title: 'Klok', group: '', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het',
    });
    const code = await openRoom(facilitator, 's1');
    const joined = (await joinRoom(host.url, code, 'Anna')).body as { token: string; participantId: string; sessionId: string };
    const link = new ParticipantLink({ join: { ...joined, code }, storage: memoryStore(), location: new URL(host.url), events: new EventTarget() });
    cleanups.push(() => link.stop());
    link.start();
    await eventually(() => link.store.getState().connection === 'online' && link.store.getState().session !== null);
    const atWelcome = link.store.getState().clockOffset;
    // The host runs in this process: its clock is ours, give or take the trip of the welcome.
    expect(Math.abs(atWelcome)).toBeLessThan(250);

    await new Promise((resolve) => setTimeout(resolve, 600));
    link.send({ type: 'note.add', id: link.newId(), zoneId: 'wij', text: 'Een notitie' });
    await eventually(() => link.store.getState().queue.length === 0);
    expect(Math.abs(link.store.getState().clockOffset - atWelcome)).toBeLessThan(50);
  });
});
