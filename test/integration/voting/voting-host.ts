import type { SessionState } from '../../../shared/domain';
import type { HostMessage } from '../../../shared/protocol';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { openRoom, TestClient } from '../../support/ws-client';

export const SESSION = 's1';

type Phone = TestClient & { participantId: string; token: string };

/**
 * A real host with session s1 (IK · WIJ · HET), its room open on this computer, the points the
 * tests vote on (w1, w2 on WIJ; h1 on HET; s1p for the whole session), and three phones joined.
 */
export async function votingRoom(settings: Record<string, unknown> = {}) {
  const host = await startTestHost();
  const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
  const run = async (command: Record<string, unknown> & { type: string }) => {
    const reply = await facilitator.command(SESSION, command);
    if (reply.t !== 'ack') throw new Error(`${command.type} refused: ${JSON.stringify(reply)}`);
    return reply;
  };
  const created = await facilitator.command('workspace', {
    type: 'session.create',
    id: SESSION,
    programmeId: null,
    title: 'Programmateam',
    group: 'Programmateam',
    date: '2024-06-02',
    templateId: 'lemniscaat-ik-wij-het',
  });
  if (created.t !== 'ack') throw new Error('session.create refused');
  if (Object.keys(settings).length > 0) await run({ type: 'settings.update', ...settings });
  for (const [id, zoneId, title] of [
    ['w1', 'wij', 'Samen handen en voeten geven aan een visie'],
    ['w2', 'wij', 'Partners ondersteunen'],
    ['h1', 'het', 'Monitoring, effectiviteit en ervaringen'],
    ['s1p', null, 'Lerend evalueren'],
  ] as const) {
    await run({ type: 'attention.add', id, zoneId, title });
  }
  const code = await openRoom(facilitator, SESSION);
  const phones: Phone[] = [];
  for (const name of ['Anna', 'Bram', 'Chris']) phones.push(await TestClient.phone(host.url, code, name));
  const [anna, bram, chris] = phones as [Phone, Phone, Phone];
  return {
    host,
    facilitator,
    run,
    anna,
    bram,
    chris,
    state: () => host.engine.session(SESSION) as SessionState,
    async cleanup() {
      for (const client of [facilitator, ...phones]) client.close();
      await host.cleanup();
    },
  };
}

/** Casts a dot from a phone and returns the host's answer. */
export function cast(phone: TestClient, id: string, attentionPointId: string): Promise<HostMessage> {
  return phone.command(SESSION, { type: 'vote.cast', id, attentionPointId });
}

/** Every frame a client receives from now on, as parsed messages in order. */
export function record(client: TestClient): HostMessage[] {
  const frames: HostMessage[] = [];
  client.ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as HostMessage));
  return frames;
}

/** Every vote entity inside frames: in snapshots and in event changes (before and after). */
export function votesIn(frames: readonly HostMessage[]): { participantId: string; attentionPointId: string }[] {
  const found: { participantId: string; attentionPointId: string }[] = [];
  for (const frame of frames) {
    if (frame.t === 'snapshot' && 'votes' in frame.state) found.push(...Object.values((frame.state as SessionState).votes));
    if (frame.t !== 'event') continue;
    for (const change of frame.changes) {
      if (change.key !== 'votes') continue;
      // (A phone's or projector's `before` is only EXISTED_BEFORE, never a value.)
      for (const value of [change.before, change.after]) if (value && typeof value === 'object') found.push(value as { participantId: string; attentionPointId: string });
    }
  }
  return found;
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
