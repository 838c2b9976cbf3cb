import WebSocket from 'ws';
import type { HostMessage } from '../../shared/protocol';

type Reply = Extract<HostMessage, { t: 'ack' } | { t: 'error' }>;

/**
 * A protocol client that keeps books: every command it sends, which were acknowledged (with their
 * sequence number), which were refused, and which are still waiting. Used where a test must know
 * exactly what the host promised, e.g. when the host is killed or the socket is cut.
 */
export class TrackingClient {
  /** Every message from the host, in order. */
  readonly received: HostMessage[] = [];
  readonly acks = new Map<string, { stream: string; seq: number }>();
  readonly refusals = new Map<string, Extract<HostMessage, { t: 'error' }>>();
  readonly pending = new Set<string>();
  readonly closed: Promise<number>;
  private readonly waiters = new Map<string, ((reply: Reply | null) => void)[]>();
  private isOpen = true;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as HostMessage;
      this.received.push(message);
      if ((message.t === 'ack' || message.t === 'error') && message.id !== null) {
        if (message.t === 'ack') this.acks.set(message.id, { stream: message.stream, seq: message.seq });
        else this.refusals.set(message.id, message);
        this.pending.delete(message.id);
        for (const waiter of this.waiters.get(message.id) ?? []) waiter(message);
        this.waiters.delete(message.id);
      }
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code) => {
        this.isOpen = false;
        for (const list of this.waiters.values()) for (const waiter of list) waiter(null);
        this.waiters.clear();
        resolve(code);
      });
    });
    ws.on('error', () => {});
  }

  static connect(url: string): Promise<TrackingClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new TrackingClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => {
        reject(Object.assign(new Error(`upgrade refused: ${response.statusCode}`), { status: response.statusCode }));
        response.resume();
      });
    });
  }

  static staff(baseUrl: string, token: string, role: 'facilitator' | 'projector' = 'facilitator'): Promise<TrackingClient> {
    return TrackingClient.connect(`${baseUrl.replace(/^http/, 'ws')}ws?token=${token}${role === 'projector' ? '&role=projector' : ''}`);
  }

  static participant(baseUrl: string, participantToken: string): Promise<TrackingClient> {
    return TrackingClient.connect(`${baseUrl.replace(/^http/, 'ws')}ws?participant=${participantToken}`);
  }

  get open(): boolean {
    return this.isOpen && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends a command without waiting; `reply(id)` waits for its answer. */
  send(id: string, stream: string, command: Record<string, unknown> & { type: string }): void {
    this.pending.add(id);
    this.ws.send(JSON.stringify({ t: 'command', id, stream, command }));
  }

  /** The ack or error for a command id, or null when the socket closes first. */
  reply(id: string): Promise<Reply | null> {
    const ack = this.acks.get(id);
    if (ack) return Promise.resolve({ t: 'ack', id, ...ack });
    const refusal = this.refusals.get(id);
    if (refusal) return Promise.resolve(refusal);
    if (!this.isOpen) return Promise.resolve(null);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  async command(id: string, stream: string, command: Record<string, unknown> & { type: string }): Promise<Reply | null> {
    this.send(id, stream, command);
    return this.reply(id);
  }

  /** Waits until `count` messages have arrived in total (or the timeout passes). */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`timed out: ${this.received.length} of ${count} messages`);
      if (!this.isOpen) throw new Error(`socket closed after ${this.received.length} of ${count} messages`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async waitFor(match: (message: HostMessage) => boolean, timeoutMs = 5000): Promise<HostMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for a message');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}
