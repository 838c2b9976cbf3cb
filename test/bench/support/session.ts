import { BenchClient } from './bench-client';
import type { HostProcess } from './host-process';

/** A session on the lemniscate template, made the way the facilitator's app makes one. */
export async function createSession(facilitator: BenchClient, id: string): Promise<string> {
  const { message } = await facilitator.command(
    'workspace',
    { type: 'session.create', id, programmeId: null, title: 'Benchmark', group: 'Programmateam', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' },
    `create-${id}`,
  );
  if (message.t !== 'ack') throw new Error(`session.create refused: ${JSON.stringify(message)}`);
  return id;
}

/** Sends a facilitator command and insists it is accepted: set-up must not fail silently. */
export async function mustAck(client: BenchClient, stream: string, command: { type: string; [field: string]: unknown }, id: string): Promise<void> {
  const { message } = await client.command(stream, command, id);
  if (message.t !== 'ack') throw new Error(`${command.type} refused: ${JSON.stringify(message)}`);
}

export async function openRoom(facilitator: BenchClient, sessionId: string): Promise<string> {
  const reply = facilitator.next((m) => m.t === 'room' && m.sessionId === sessionId);
  facilitator.send({ t: 'room', action: 'open', sessionId });
  const { message } = await reply;
  if (message.t !== 'room' || !message.joinCode) throw new Error('the room did not open');
  return message.joinCode;
}

export interface Phone {
  client: BenchClient;
  participantId: string;
  /** The participant token: a phone that comes back connects with it again. */
  token: string;
}

/** A phone's socket address on the host, with its participant token. */
export const phoneSocketUrl = (host: HostProcess, token: string) => `${host.url.replace(/^http/, 'ws')}ws?participant=${token}`;

/**
 * Joins `count` phones like the participant page does (POST /api/join, then the socket with the
 * participant token) and subscribes each to the session. A few at a time, as people scan a QR code.
 */
export async function joinPhones(host: HostProcess, code: string, sessionId: string, count: number, parallel = 10): Promise<Phone[]> {
  const phones: Phone[] = new Array(count);
  let nextIndex = 0;
  const worker = async () => {
    for (let index = nextIndex++; index < count; index = nextIndex++) {
      const response = await fetch(`${host.url}api/join`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, name: `Deelnemer ${index + 1}` }),
      });
      const body = (await response.json()) as { token?: string; participantId?: string };
      if (response.status !== 200 || !body.token || !body.participantId) {
        throw new Error(`join ${index} failed: ${response.status} ${JSON.stringify(body)}`);
      }
      const client = await BenchClient.connect(phoneSocketUrl(host, body.token));
      await client.subscribe(sessionId);
      phones[index] = { client, participantId: body.participantId, token: body.token };
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return phones;
}
