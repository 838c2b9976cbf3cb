import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { HostMessage } from '../../../shared/protocol';

export interface Timed<M> {
  message: M;
  /** performance.now() when the frame arrived, before any waiting promise resumed. */
  at: number;
}

type Listener = (message: HostMessage, at: number) => void;

/**
 * A lean protocol client for benchmarks. Unlike test/support/ws-client it keeps no message log and
 * does not parse frames nobody waits for: 250 simulated phones in one process receive hundreds of
 * thousands of events, and the time spent on them here would be counted against the host.
 */
export class BenchClient {
  private readonly pending = new Map<string, (reply: Timed<HostMessage>) => void>();
  private readonly listeners = new Set<Listener>();
  /** Payload bytes received so far (what the host sent this socket, without WebSocket framing). */
  bytes = 0;
  /**
   * Per stream, the sequence number this client is at: the last snapshot, event or end of a replay
   * (read from the head of the frame, without parsing the rest).
   */
  readonly seqs = new Map<string, number>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const at = performance.now();
      this.bytes += data.length;
      trackSeq(this.seqs, data);
      // The host writes `t` first; only answers to commands are parsed unless someone listens.
      if (this.listeners.size === 0 && !isAnswer(data)) return;
      const message = JSON.parse(data.toString()) as HostMessage;
      if ((message.t === 'ack' || message.t === 'error') && message.id !== null) {
        const resolve = this.pending.get(message.id);
        if (resolve) {
          this.pending.delete(message.id);
          resolve({ message, at });
        }
      }
      for (const listener of this.listeners) listener(message, at);
    });
  }

  static connect(url: string): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      // No compression: the host does not offer it, and the phones of the benchmark should not ask.
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const client = new BenchClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_request, response) => reject(new Error(`connect refused: HTTP ${response.statusCode}`)));
    });
  }

  send(message: object): void {
    this.ws.send(JSON.stringify(message));
  }

  /** Sends a command; resolves with its ack or error and the moment it arrived. */
  command(stream: string, command: { type: string; [field: string]: unknown }, id: string): Promise<Timed<HostMessage>> {
    const answered = new Promise<Timed<HostMessage>>((resolve) => this.pending.set(id, resolve));
    this.send({ t: 'command', id, stream, command });
    return answered;
  }

  /** Calls `listener` for every message until the returned function is called. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first message from now on that matches. */
  next<M extends HostMessage>(match: (message: HostMessage) => message is M, timeoutMs?: number): Promise<Timed<M>>;
  next(match: (message: HostMessage) => boolean, timeoutMs?: number): Promise<Timed<HostMessage>>;
  next(match: (message: HostMessage) => boolean, timeoutMs = 10_000): Promise<Timed<HostMessage>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a message`));
      }, timeoutMs);
      const stop = this.listen((message, at) => {
        if (!match(message)) return;
        clearTimeout(timer);
        stop();
        resolve({ message, at });
      });
    });
  }

  /**
   * Subscribes from `sinceSeq`, as a page that comes back does, and waits until it is current:
   * the end of the replay, or a snapshot when the host sent one instead.
   */
  async resubscribe(stream: string, sinceSeq: number, timeoutMs = 60_000): Promise<Timed<HostMessage>> {
    const current = this.next((m) => ((m.t === 'replayed' || m.t === 'snapshot') && m.stream === stream) || m.t === 'error', timeoutMs);
    this.send({ t: 'subscribe', stream, sinceSeq });
    const answer = await current;
    if (answer.message.t === 'error') throw new Error(`subscribe ${stream} refused: ${JSON.stringify(answer.message)}`);
    return answer;
  }

  /** Subscribes to a stream and waits for its snapshot. */
  async subscribe(stream: string): Promise<HostMessage> {
    const snapshot = this.next((m) => (m.t === 'snapshot' && m.stream === stream) || m.t === 'error');
    this.send({ t: 'subscribe', stream });
    const { message } = await snapshot;
    if (message.t !== 'snapshot') throw new Error(`subscribe ${stream} refused: ${JSON.stringify(message)}`);
    return message;
  }

  close(): void {
    this.ws.close();
  }
}

const HEAD = /^\{"t":"(event|snapshot|replayed)","stream":"([^"]+)",(?:"fromSeq":\d+,)?"seq":(\d+)/;

function trackSeq(seqs: Map<string, number>, data: Buffer): void {
  const match = HEAD.exec(data.subarray(0, 200).toString('latin1'));
  if (!match) return;
  const [, , stream, seq] = match as unknown as [string, string, string, string];
  seqs.set(stream, Number(seq));
}

const ACK = Buffer.from('{"t":"ack"');
const ERROR = Buffer.from('{"t":"error"');

function isAnswer(data: Buffer): boolean {
  if (data.subarray(0, 5).toString('latin1') !== '{"t":') return true; // unknown shape: parse to be safe
  return data.subarray(0, ACK.length).equals(ACK) || data.subarray(0, ERROR.length).equals(ERROR);
}
