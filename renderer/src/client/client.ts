import { nanoid } from 'nanoid';
import type { SessionState } from '../../../shared/domain';
import { type ClientMessage, type EventMessage, type HostMessage, MAX_KNOWN_PICTURES, PROTOCOL_VERSION, pictureRefHash, SCHEMA_VERSION, type StreamState } from '../../../shared/protocol';
import { Backoff, DEFAULT_BACKOFF } from './backoff';
import { HostError } from './errors';
import { type Ack, Outbox } from './outbox';
import { StreamTracker } from './stream-tracker';
import type { ClientOptions, CommandInput, ConnectionState, HostErrorListener, StreamHandlers, Welcome } from './types';

export type { ClientOptions, CommandInput, ConnectionState, HostErrorListener, StreamHandlers, Welcome } from './types';

type Timer = ReturnType<typeof setTimeout>;

/** WebSocket.OPEN, spelled out: not every WebSocket implementation puts the constant on instances. */
const OPEN = 1;

/**
 * The one connection every page uses to talk to the host. Framework-free: the store listens to it.
 * It keeps itself connected (reconnect with backoff, ping to notice a dead line), resubscribes to
 * its streams from the last sequence number it saw, and re-sends unanswered commands.
 */
export class EilandClient {
  private socket: WebSocket | null = null;
  private connection: ConnectionState = 'offline';
  private started = false;
  private lastHeard = 0;
  private welcomeInfo: Welcome | null = null;
  private reconnectTimer: Timer | null = null;
  private connectTimer: Timer | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private resendTimer: Timer | null = null;
  private readonly backoff: Backoff;
  private readonly outbox = new Outbox();
  private readonly streams = new Map<string, { tracker: StreamTracker; handlers: StreamHandlers }>();
  /** Pictures the host sent once, by hash; snapshots refer to them (see PICTURE_REF_PREFIX). */
  private readonly pictures = new Map<string, string>();
  private readonly changeListeners = new Set<() => void>();
  private readonly errorListeners = new Set<HostErrorListener>();
  private readonly createSocket: (url: string) => WebSocket;
  private readonly makeId: () => string;

  constructor(private readonly options: ClientOptions) {
    this.backoff = new Backoff(options.backoff ?? DEFAULT_BACKOFF);
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.makeId = options.makeId ?? nanoid;
  }

  get state(): ConnectionState {
    return this.connection;
  }

  get welcome(): Welcome | null {
    return this.welcomeInfo;
  }

  /** Commands sent but not yet acknowledged or refused. */
  get pendingCount(): number {
    return this.outbox.size;
  }

  /** Called whenever the connection state or the number of pending commands changes. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onError(listener: HostErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.open();
  }

  stop(): void {
    this.started = false;
    this.clearTimers();
    this.dropSocket();
    this.outbox.rejectAll('The client was stopped');
    this.setConnection('offline');
  }

  /**
   * Follows a stream: the handlers get a snapshot, then every event in order. Subscribing again
   * replaces the handlers and asks for a fresh snapshot.
   */
  subscribe(stream: string, handlers: StreamHandlers): () => void {
    const entry = { tracker: new StreamTracker(), handlers };
    this.streams.set(stream, entry);
    this.transmit({ t: 'subscribe', stream, ...this.knownPictures() });
    return () => {
      if (this.streams.get(stream) !== entry) return;
      this.streams.delete(stream);
      this.transmit({ t: 'unsubscribe', stream });
    };
  }

  /** Resolves when the host acknowledged the command, rejects with a HostError when it refused it. */
  send(stream: string, command: CommandInput): Promise<Ack> {
    if (this.connection === 'outdated') return Promise.reject(new HostError('version_mismatch', 'The host runs another version of Eiland'));
    const message = { t: 'command', id: this.makeId(), stream, command } as const;
    const result = this.outbox.add(message);
    this.transmit(message);
    this.notify();
    return result.finally(() => this.notify());
  }

  private open(): void {
    this.clearTimers();
    this.setConnection('connecting');
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = () => {
      if (this.socket === socket) this.connectionLost();
    };
    this.connectTimer = setTimeout(() => {
      if (this.socket === socket && this.connection !== 'online') this.connectionLost();
    }, this.options.connectTimeoutMs ?? 8000);
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    let message: HostMessage;
    try {
      message = JSON.parse(String(data)) as HostMessage;
    } catch {
      return;
    }
    switch (message.t) {
      case 'welcome':
        if (message.protocolVersion !== PROTOCOL_VERSION || message.schemaVersion !== SCHEMA_VERSION) {
          this.outdated();
          return;
        }
        this.welcomed({
          role: message.role,
          participantId: message.participantId,
          serverTime: message.serverTime,
          readOnly: message.readOnly === true,
          ...(message.projectorToken ? { projectorToken: message.projectorToken } : {}),
        });
        return;
      case 'picture':
        this.keepPicture(message.hash, message.dataUrl);
        return;
      case 'snapshot': {
        if (message.schemaVersion !== SCHEMA_VERSION) {
          this.outdated();
          return;
        }
        const entry = this.streams.get(message.stream);
        if (!entry) return;
        entry.tracker.snapshot(message.seq);
        entry.handlers.snapshot(this.withPictures(message.state), message.seq);
        return;
      }
      case 'event':
        this.receiveEvent(message);
        return;
      case 'replayed': {
        const entry = this.streams.get(message.stream);
        if (entry && entry.tracker.replayed(message.fromSeq, message.seq) === 'gap') this.resubscribe(message.stream, entry.tracker.seq);
        return;
      }
      case 'ack':
        this.outbox.acknowledge({ id: message.id, stream: message.stream, seq: message.seq });
        return;
      case 'error': {
        const error = new HostError(message.code, message.message, message.reason);
        if (message.id !== null && this.outbox.refuse(message.id, error)) return;
        // A throttled frame is answered without its command id: nothing was applied, so try again shortly.
        if (message.code === 'rate_limited') this.resendLater();
        else for (const listener of this.errorListeners) listener(error);
        return;
      }
      case 'pong':
        return;
    }
  }

  private receiveEvent(event: EventMessage): void {
    const entry = this.streams.get(event.stream);
    if (!entry) return;
    const verdict = entry.tracker.judge(event);
    if (verdict === 'apply') entry.handlers.event(event);
    else if (verdict === 'gap') this.resubscribe(event.stream, entry.tracker.seq);
  }

  private welcomed(welcome: Welcome): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    // A phone merged into another participant is someone else now: what it saw before was cut for
    // the other one, so it starts over from a whole snapshot instead of the events since.
    const someoneElse = this.welcomeInfo !== null && this.welcomeInfo.participantId !== welcome.participantId;
    this.welcomeInfo = welcome;
    this.backoff.reset();
    this.setConnection('online');
    // Subscriptions first, so the events of re-sent commands arrive on streams already followed.
    for (const [stream, { tracker }] of this.streams) this.resubscribe(stream, someoneElse ? null : tracker.seq);
    for (const message of this.outbox.messages()) this.transmit(message);
    this.startPing();
  }

  /** Re-sends every unanswered command once the host has had a moment; repeated ids are never applied twice. */
  private resendLater(): void {
    if (this.resendTimer) return;
    this.resendTimer = setTimeout(() => {
      this.resendTimer = null;
      for (const message of this.outbox.messages()) this.transmit(message);
    }, this.options.resendDelayMs ?? 1000);
  }

  private resubscribe(stream: string, seq: number | null): void {
    this.transmit({ t: 'subscribe', stream, ...(seq === null ? {} : { sinceSeq: seq }), ...this.knownPictures() });
  }

  private keepPicture(hash: string, dataUrl: string): void {
    this.pictures.delete(hash);
    this.pictures.set(hash, dataUrl);
    for (const old of this.pictures.keys()) {
      if (this.pictures.size <= MAX_KNOWN_PICTURES) break;
      this.pictures.delete(old);
    }
  }

  /** Always named (empty or not): it tells the host this client takes pictures apart from snapshots. */
  private knownPictures(): { pictures: string[] } {
    return { pictures: [...this.pictures.keys()] };
  }

  /** A session's picture back in place of its reference; one that did not come stays away (null). */
  private withPictures(state: StreamState): StreamState {
    const template = (state as Partial<SessionState>).template;
    const hash = template ? pictureRefHash(template.background) : null;
    if (!template || hash === null) return state;
    return { ...(state as SessionState), template: { ...template, background: this.pictures.get(hash) ?? null } };
  }

  private startPing(): void {
    const interval = this.options.pingIntervalMs ?? 10_000;
    const timeout = this.options.pongTimeoutMs ?? 5000;
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > interval + timeout) {
        this.connectionLost();
        return;
      }
      this.transmit({ t: 'ping', id: this.makeId() });
    }, interval);
  }

  /** Sends only while online; everything that matters is sent again after the next welcome. */
  private transmit(message: ClientMessage): void {
    if (this.connection !== 'online' || !this.socket) return;
    try {
      this.socket.send(JSON.stringify(message));
    } catch {
      this.connectionLost();
    }
  }

  /**
   * The host is another version of Eiland: nothing this page would send or draw can be trusted to
   * mean the same, so it stops (no reconnect loop) and says so; a reload brings the host's own page.
   */
  private outdated(): void {
    this.started = false;
    this.clearTimers();
    this.dropSocket();
    this.outbox.rejectAll('The host runs another version of Eiland');
    this.setConnection('outdated');
  }

  private connectionLost(): void {
    this.clearTimers();
    this.dropSocket();
    for (const { tracker } of this.streams.values()) tracker.connectionLost();
    this.setConnection('offline');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.started) return;
    this.setConnection('offline');
    this.reconnectTimer = setTimeout(() => this.open(), this.backoff.next());
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    socket.onmessage = null;
    socket.onclose = null;
    // A socket still connecting cannot be closed without an error in some browsers; it is simply abandoned.
    if (socket.readyState === OPEN) socket.close();
    else socket.onopen = () => socket.close();
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.resendTimer) clearTimeout(this.resendTimer);
    this.resendTimer = null;
    this.reconnectTimer = null;
    this.connectTimer = null;
    this.pingTimer = null;
  }

  private setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.changeListeners) listener();
  }
}
