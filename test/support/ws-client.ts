import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import type { HostMessage } from '../../shared/protocol';

/** A bare protocol client for tests and benchmarks: raw frames in, parsed messages out. */
export class TestClient {
  readonly messages: HostMessage[] = [];
  private waiters: { match: (m: HostMessage) => boolean; resolve: (m: HostMessage) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as HostMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.match(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => reject(Object.assign(new Error(body), { status: response.statusCode })));
      });
    });
  }

  static facilitator(baseUrl: string, token: string, role = 'facilitator'): Promise<TestClient> {
    const ws = baseUrl.replace(/^http/, 'ws');
    return TestClient.connect(`${ws}ws?token=${token}${role === 'projector' ? '&role=projector' : ''}`);
  }

  /** Joins a session's open room like a phone does and connects with the participant token. */
  /** `previous`: the token of this phone's earlier join, as the phone page sends it when it joins again. */
  static async phone(baseUrl: string, joinCode: string, name: string | null = null, previous?: string): Promise<TestClient & { participantId: string; token: string }> {
    const joined = await joinRoom(baseUrl, joinCode, name, previous);
    if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${JSON.stringify(joined.body)}`);
    const { token, participantId } = joined.body as { token: string; participantId: string };
    const client = await TestClient.connect(`${baseUrl.replace(/^http/, 'ws')}ws?participant=${token}`);
    return Object.assign(client, { participantId, token });
  }

  sendRaw(frame: string): void {
    this.ws.send(frame);
  }

  next(match: (m: HostMessage) => boolean, timeoutMs = 5000): Promise<HostMessage> {
    const found = this.messages.find(match);
    if (found) {
      this.messages.splice(this.messages.indexOf(found), 1);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a message')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (message) => {
          clearTimeout(timer);
          this.messages.splice(this.messages.indexOf(message), 1);
          resolve(message);
        },
      });
    });
  }

  /** Sends a command and waits for its ack or error. */
  async command(stream: string, command: Record<string, unknown> & { type: string }, id: string = randomUUID()): Promise<HostMessage> {
    this.ws.send(JSON.stringify({ t: 'command', id, stream, command }));
    return this.next((m) => (m.t === 'ack' || m.t === 'error') && m.id === id);
  }

  async subscribe(stream: string, sinceSeq?: number): Promise<HostMessage> {
    this.ws.send(JSON.stringify({ t: 'subscribe', stream, ...(sinceSeq === undefined ? {} : { sinceSeq }) }));
    return this.next((m) => (m.t === 'snapshot' && m.stream === stream) || (m.t === 'error' && m.id === null));
  }

  close(): void {
    this.ws.close();
  }
}

export async function joinRoom(baseUrl: string, code: unknown, name: unknown = null, previous?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(previous === undefined ? { code, name } : { code, name, previous }),
  });
  return { status: response.status, body: await response.json() };
}

/** Opens the room of a session as the facilitator and returns its join code. */
export async function openRoom(facilitator: TestClient, sessionId: string): Promise<string> {
  facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'open', sessionId }));
  const reply = await facilitator.next((m) => m.t === 'room' && m.sessionId === sessionId);
  if (reply.t !== 'room' || !reply.joinCode) throw new Error('room did not open');
  return reply.joinCode;
}

/**
 * How the host answers a phone's socket: the close code when it opens and is closed at once (an
 * ended participant token gets CLOSE_CODES.roomClosed), the HTTP status when the upgrade is refused.
 */
export function socketVerdict(url: string, timeoutMs = 5000): Promise<{ closeCode: number } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`the host kept ${url} open`));
    }, timeoutMs);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve({ closeCode: code });
    });
    ws.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      response.resume();
      ws.removeAllListeners('close');
      resolve({ status: response.statusCode ?? 0 });
    });
    ws.on('error', () => {});
  });
}
