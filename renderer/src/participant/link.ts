import { nanoid } from 'nanoid';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyChanges } from '../../../shared/changes';
import type { SessionState } from '../../../shared/domain';
import { errorMessageKey, type MessageKey } from '../../../shared/i18n/messages';
import { type CommandInput, type ConnectionState, EilandClient, HostError } from '../client';
import { CLOSE_CODES } from '../../../shared/protocol';
import { type KeyValueStore, markJoinEnded, type QueuedCommand, readQueue, type StoredJoin, writeQueue } from './storage';

export interface ParticipantState {
  session: SessionState | null;
  connection: ConnectionState;
  /** Commands made on this phone that the host has not acknowledged yet, oldest first. */
  queue: QueuedCommand[];
  /**
   * The facilitator closed the room, and this phone's token ended with it: it stops trying and
   * offers to join again (the queue goes with the new join, see storage.ts rejoin).
   */
  roomClosed: boolean;
  /** The host's clock minus this phone's, so the timer shows the same time everywhere. */
  clockOffset: number;
  notice: { key: MessageKey; at: number } | null;
}

export interface LinkOptions {
  join: StoredJoin;
  storage: KeyValueStore;
  /** Where the page was loaded from; the socket is on the same address. */
  location: { protocol: string; host: string };
  createSocket?: (url: string) => WebSocket;
  makeId?: () => string;
  /** Where the browser announces 'online' and 'offline' (the window); tests pass their own. */
  events?: EventTarget;
  pingIntervalMs?: number;
}

export type ParticipantStore = StoreApi<ParticipantState>;

/**
 * A phone's connection to its session. Every command is first written to the phone's storage with
 * an id made here, then sent; it leaves the queue only when the host acknowledged or refused it.
 * After a reload or a dropped connection the queue is sent again with the same ids, and the host,
 * which applies an id only once, counts each note and dot exactly once.
 */
export class ParticipantLink {
  readonly store: ParticipantStore;
  private readonly client: EilandClient;
  private readonly makeId: () => string;
  /** The id the client must use for the command being handed to it now (see transmit). */
  private handing: string | null = null;
  private paused = false;
  /** The welcome the clock offset was taken from. */
  private timedWelcome: unknown = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: LinkOptions) {
    this.makeId = options.makeId ?? nanoid;
    const { join, storage } = options;
    this.store = createStore<ParticipantState>(() => ({
      session: null,
      connection: 'offline',
      queue: readQueue(storage, join.participantId),
      roomClosed: false,
      clockOffset: 0,
      notice: null,
    }));
    const scheme = options.location.protocol === 'https:' ? 'wss' : 'ws';
    const create = options.createSocket ?? ((url: string) => new WebSocket(url));
    this.client = new EilandClient({
      url: `${scheme}://${options.location.host}/ws?participant=${encodeURIComponent(join.token)}`,
      createSocket: (url) => this.watchClose(create(url)),
      // Commands keep the id they were queued with; pings get a fresh one.
      makeId: () => {
        const id = this.handing ?? this.makeId();
        this.handing = null;
        return id;
      },
      ...(options.pingIntervalMs ? { pingIntervalMs: options.pingIntervalMs, pongTimeoutMs: options.pingIntervalMs } : {}),
    });
  }

  /**
   * Who this phone acts as: what the host's welcome says, once it has said it. It differs from the
   * join's own participant once the facilitator merged that join into the person's first one.
   */
  get participantId(): string {
    return this.client.welcome?.participantId ?? this.options.join.participantId;
  }

  start(): void {
    this.paused = false;
    this.cleanups.push(this.client.onChange(() => this.connectionChanged()));
    this.cleanups.push(
      this.client.onError((error) => {
        if (error.code === 'not_found') this.notify('participant.sessionGone');
      }),
    );
    const stream = this.options.join.sessionId;
    this.cleanups.push(
      this.client.subscribe(stream, {
        snapshot: (state) => this.store.setState({ session: state as SessionState }),
        event: (event) => {
          const session = this.store.getState().session;
          if (session) this.store.setState({ session: applyChanges(session, event.changes) });
        },
      }),
    );
    // The phone tells us when its wifi goes; waiting for a ping to time out would take 15 s.
    const events = this.options.events ?? (typeof window === 'undefined' ? undefined : window);
    if (events) {
      const offline = () => this.pause();
      const online = () => this.resume();
      events.addEventListener('offline', offline);
      events.addEventListener('online', online);
      this.cleanups.push(() => {
        events.removeEventListener('offline', offline);
        events.removeEventListener('online', online);
      });
    }
    this.client.start();
    for (const item of this.store.getState().queue) this.transmit(item);
  }

  stop(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.paused = true;
    this.client.stop();
  }

  /** Queues a command for the session and sends it as soon as there is a connection. */
  send(command: CommandInput): QueuedCommand {
    const item: QueuedCommand = { id: this.makeId(), stream: this.options.join.sessionId, command };
    const queue = [...this.store.getState().queue, item];
    this.store.setState({ queue });
    this.persist(queue);
    this.transmit(item);
    return item;
  }

  /** A fresh id for something this phone creates (a note, a dot). */
  newId(): string {
    return this.makeId();
  }

  dismissNotice(): void {
    this.store.setState({ notice: null });
  }

  /** The connection is known to be gone: stop trying until the browser says it is back. */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.client.stop();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.client.start();
    // stop() emptied the client's outbox; the phone's own queue still has everything.
    for (const item of this.store.getState().queue) this.transmit(item);
  }

  private transmit(item: QueuedCommand): void {
    if (this.paused) return;
    this.handing = item.id;
    // Made by send() on this phone, or read back from its storage; the host checks every command.
    this.client.send(item.stream, item.command as CommandInput).then(
      () => this.settle(item.id),
      (error: unknown) => {
        // A stopped client is not an answer: the command stays queued for the next connection.
        if (!(error instanceof HostError)) return;
        this.settle(item.id);
        this.notify(errorMessageKey(error.code, error.reason));
      },
    );
  }

  private settle(id: string): void {
    const queue = this.store.getState().queue.filter((item) => item.id !== id);
    this.store.setState({ queue });
    this.persist(queue);
  }

  private persist(queue: readonly QueuedCommand[]): void {
    writeQueue(this.options.storage, this.options.join.participantId, queue);
  }

  private notify(key: MessageKey): void {
    this.store.setState({ notice: { key, at: Date.now() } });
  }

  private connectionChanged(): void {
    const connection = this.client.state;
    const welcome = this.client.welcome;
    if (connection === 'online' && welcome) {
      // The host's clock is read when its welcome arrives; this also runs on every command sent, and
      // reading the same welcome later would add the time since to the offset (the timer would lag).
      const fresh = welcome !== this.timedWelcome;
      this.timedWelcome = welcome;
      const clockOffset = fresh ? welcome.serverTime - Date.now() : this.store.getState().clockOffset;
      this.store.setState({ connection, roomClosed: false, clockOffset });
    } else {
      this.store.setState({ connection });
    }
  }

  private watchClose(socket: WebSocket): WebSocket {
    socket.addEventListener('close', (event) => {
      if (event.code !== CLOSE_CODES.roomClosed) return;
      markJoinEnded(this.options.storage);
      this.store.setState({ roomClosed: true });
      this.pause();
    });
    return socket;
  }
}
