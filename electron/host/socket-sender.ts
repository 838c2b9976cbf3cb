import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../../shared/protocol';
import { RateLimiter } from './rate-limit';

/**
 * What one connection may cost the host in memory. A client that does not read (a phone in a
 * pocket, or one that means harm) must not make the host buffer without end: everything sent to a
 * socket waits in the host's memory until the network takes it.
 */
export interface SendLimits {
  /** Bytes a socket may have waiting beyond the snapshot on its way; past this it is closed (tooFarBehind). */
  bufferCapBytes: number;
  /** Snapshots (subscribe answers) a socket may ask for at once, and per second after that. */
  snapshotBurst: number;
  snapshotsPerSecond: number;
  /** Streams that may have a subscribe waiting at once; more is refused. */
  maxWaitingStreams: number;
}

/**
 * Room for a burst of events and a few snapshots on slow wifi; a socket that never reads reaches it
 * in seconds once the kernel's buffers are full.
 */
export const DEFAULT_SEND_LIMITS: SendLimits = {
  bufferCapBytes: 4 * 1024 * 1024,
  snapshotBurst: 5,
  snapshotsPerSecond: 1,
  maxWaitingStreams: 8,
};

/**
 * Sends to one socket within its limits. At most one subscribe answer (a snapshot, or a replay of
 * missed events) is on its way at a time: the next waits until the network has taken the last
 * one, and a second subscribe for a stream while one waits replaces it (the client gets one fresh
 * snapshot, not a queue of stale ones). Subscribe answers also have their own rate.
 */
export class SocketSender {
  private readonly snapshots: RateLimiter;
  /** Subscribe answers waiting their turn, per stream; serving one sends its snapshot. */
  private readonly waiting = new Map<string, () => void>();
  /** Writes of the subscribe answer on its way that the network has not taken yet, and their size. */
  private inFlight = 0;
  private inFlightBytes = 0;
  private tracking = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: SendLimits = DEFAULT_SEND_LIMITS,
  ) {
    this.snapshots = new RateLimiter(limits.snapshotBurst, limits.snapshotsPerSecond);
    ws.once('close', () => this.dispose());
  }

  send(json: string): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    corkForThisTurn(this.ws);
    if (this.tracking) {
      this.inFlight += 1;
      this.inFlightBytes += json.length;
      this.ws.send(json, () => this.taken(json.length));
    } else {
      this.ws.send(json);
    }
    if (this.ws.bufferedAmount > this.limits.bufferCapBytes + this.inFlightBytes) this.fallenBehind();
  }

  /**
   * Answers a subscribe for `stream` by calling `serve` as soon as this socket may have another
   * snapshot; false when too many streams are waiting already (the caller refuses it).
   */
  request(stream: string, serve: () => void): boolean {
    if (this.closed) return true;
    if (!this.waiting.has(stream) && this.waiting.size >= this.limits.maxWaitingStreams) return false;
    this.waiting.delete(stream);
    this.waiting.set(stream, serve);
    this.pump();
    return true;
  }

  /** An unsubscribe also takes back a subscribe still waiting for the stream. */
  cancel(stream: string): void {
    this.waiting.delete(stream);
  }

  private pump(): void {
    if (this.closed || this.inFlight > 0 || this.waiting.size === 0 || this.timer) return;
    if (!this.snapshots.take()) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.ceil(1000 / this.limits.snapshotsPerSecond));
      return;
    }
    const [stream, serve] = this.waiting.entries().next().value as [string, () => void];
    this.waiting.delete(stream);
    this.tracking = true;
    try {
      serve();
    } finally {
      this.tracking = false;
    }
    // Nothing was sent (a refusal the socket could not take): the next may go at once.
    if (this.inFlight === 0) setImmediate(() => this.pump());
  }

  private taken(bytes: number): void {
    this.inFlight -= 1;
    this.inFlightBytes -= bytes;
    if (this.inFlight === 0) this.pump();
  }

  /**
   * Closed with a code the client understands; it connects again and resyncs, so nothing is lost.
   * The close frame waits behind what is buffered; ws ends the socket after 30 s if the client never
   * answers it, and until then nothing more is added.
   */
  private fallenBehind(): void {
    this.dispose();
    this.ws.close(CLOSE_CODES.tooFarBehind, 'too far behind');
  }

  private dispose(): void {
    this.closed = true;
    this.waiting.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

interface Corkable {
  cork(): void;
  uncork(): void;
}

/** Sockets corked in this turn of the event loop; uncorked together right after it. */
const corked = new Set<Corkable>();
let uncorkScheduled = false;

/**
 * What the host sends one socket in one turn (a group's acknowledgements and events, a replay)
 * leaves in one write instead of one system call per message: 1,000 phones casting 3 dots each get
 * 6 messages each. Nothing waits longer than the turn: the sockets are uncorked on the next tick.
 * The socket is ws's own (`_socket`, the net.Socket under it); without one nothing is corked.
 */
function corkForThisTurn(ws: WebSocket): void {
  const socket = (ws as unknown as { _socket?: Corkable | null })._socket;
  if (!socket || corked.has(socket)) return;
  socket.cork();
  corked.add(socket);
  if (uncorkScheduled) return;
  uncorkScheduled = true;
  process.nextTick(uncorkAll);
}

function uncorkAll(): void {
  uncorkScheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}
