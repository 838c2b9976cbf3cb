import type { ClientMessage, LanAddress, RoomDisplay, RoomMessage } from '../../../shared/protocol';
import type { ConnectionServices, RoomDesk } from '../connection';
import type { Engine, Subscriber } from '../engine';
import type { Route } from '../http/router';
import { type AddressLimits, DEFAULT_ADDRESS_LIMITS } from './address-book';
import { LanListener } from './lan-listener';
import { SessionWatch, type PhaseNow } from './session-watch';
import type { CodeChange, Rooms } from './rooms';
import { RoomSockets } from './sockets';

/**
 * "Ruimte openen": phones reach the host over the local network only while a room is open on it.
 * The loopback listener (server.ts) serves everything to this computer; the LAN listener is a
 * second HTTP server bound to one chosen interface address (lan-listener.ts).
 */
type RoomRequest = Extract<ClientMessage, { t: 'room' }>;

/** How long a change in the phones waits before the facilitator is told of it (and of what follows). */
const PHONE_COUNT_DELAY_MS = 250;

export interface LanOptions {
  /** The addresses phones may reach this computer on (network.ts); tests offer only 127.0.0.2. */
  addresses: () => LanAddress[];
  /** Per address on the network: at most this many connections, sockets, messages and joins. */
  limits?: Partial<AddressLimits>;
  /**
   * The port to try first: a fixed one keeps the address on the wall (and what phones stored for
   * it) the same from one run of the app to the next. Then the loopback server's port, then any.
   */
  port?: number;
}

export interface RoomControlOptions {
  engine: Engine;
  rooms: Rooms;
  /** The routes the LAN listener serves (http/routes.ts, those declared for 'lan'). */
  routes: readonly Route[];
  /** The loopback server's port: the LAN listener's second choice. */
  preferredPort: () => number;
  lan: LanOptions | undefined;
  connection: Omit<ConnectionServices, 'engine' | 'desk'>;
}

/**
 * A session's room: its code and tokens (rooms.ts), the LAN listener, the sockets of its phones
 * (sockets.ts) and what the facilitator and projector are shown. Every facilitator or projector
 * connection that asked about a session's room is told of each later change to it, so the
 * projector shows the QR code the moment the facilitator opens the room.
 */
export class RoomControl implements RoomDesk {
  readonly sockets: RoomSockets;
  private readonly watchers = new Map<string, Set<Subscriber>>();
  /** Sessions whose room is open on the network; the listener runs while this is not empty. */
  private readonly onLan = new Set<string>();
  private readonly showJoinInfo = new Map<string, boolean>();
  /** The projector's look and language, as the facilitator's screen has them (not kept across starts: it sends them again). */
  private readonly display = new Map<string, RoomDisplay>();
  private readonly problems = new Map<string, RoomMessage['problem']>();
  private readonly codeChanges = new Map<string, CodeChange>();
  private listener: LanListener | null = null;
  private readonly pendingTells = new Map<string, ReturnType<typeof setTimeout>>();
  /** Set once the host stops: phones dropped by the stop tell no one (the database is closing). */
  private stopped = false;
  /**
   * The port the listener last had: a room opened again gets it back first, so the address on the
   * wall and the phones' pages stay right even when the fixed port was taken at the first open.
   */
  private lastPort: number | undefined;
  /** Open and close run one at a time: a listener is started or stopped before the next request. */
  private queue: Promise<void> = Promise.resolve();
  private readonly sessions: SessionWatch;

  constructor(private readonly options: RoomControlOptions) {
    this.sockets = new RoomSockets({ ...options.connection, engine: options.engine, desk: this });
    this.sockets.onPhonesChange((sessionId) => this.tellSoon(sessionId));
    this.sessions = new SessionWatch(options.engine, {
      phaseChanged: (sessionId, from, to) => this.phaseChanged(sessionId, from, to),
      mergeChanged: (sessionId, participantId) => this.sockets.reconnectParticipant(sessionId, participantId),
    });
    options.rooms.onCodeChange((sessionId, reason) => {
      this.codeChanges.set(sessionId, reason);
      this.tell(sessionId);
    });
  }

  /** The listener's address and port while it runs (for tests and the host's log). */
  get lanEndpoint(): { address: string; port: number } | null {
    return this.listener ? { address: this.listener.address, port: this.listener.port } : null;
  }

  isOnLan(sessionId: string): boolean {
    return this.listener !== null && this.onLan.has(sessionId);
  }

  handle(message: RoomRequest, subscriber: Subscriber): Promise<void> {
    const run = this.queue.then(() => this.apply(message, subscriber));
    this.queue = run.catch(() => undefined);
    return run;
  }

  forget(subscriber: Subscriber): void {
    for (const set of this.watchers.values()) set.delete(subscriber);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sessions.stop();
    await this.queue;
    this.onLan.clear();
    await this.stopListener();
    this.sockets.closeAll();
    for (const timer of this.pendingTells.values()) clearTimeout(timer);
    this.pendingTells.clear();
  }

  private async apply(message: RoomRequest, subscriber: Subscriber): Promise<void> {
    const { engine, rooms } = this.options;
    const { sessionId, action } = message;
    if (subscriber.actor.role !== 'facilitator' && action !== 'status') {
      subscriber.send({ t: 'error', id: null, code: 'forbidden', message: 'Only the facilitator opens or closes a room' });
      return;
    }
    if (!engine.session(sessionId)) {
      subscriber.send({ t: 'error', id: null, code: 'not_found', message: `Session ${sessionId} does not exist` });
      return;
    }
    await this.forgetClosedRooms();
    const watchers = this.watchers.get(sessionId) ?? new Set<Subscriber>();
    this.watchers.set(sessionId, watchers);
    watchers.add(subscriber);
    if (action !== 'status' && action !== 'show' && action !== 'hide' && action !== 'display') this.codeChanges.delete(sessionId);
    switch (action) {
      case 'status':
        subscriber.send(this.status(sessionId));
        return;
      case 'open':
        rooms.open(sessionId);
        this.showJoinInfo.set(sessionId, true);
        this.sessions.watch(sessionId);
        await this.openOnLan(sessionId, message.interfaceAddress);
        break;
      case 'close':
        // The tokens end with the room, and every phone is out at once, not at its next message.
        rooms.close(sessionId);
        this.sessions.unwatch(sessionId);
        this.problems.delete(sessionId);
        this.sockets.closeRoom(sessionId);
        this.onLan.delete(sessionId);
        if (this.onLan.size === 0) await this.stopListener();
        break;
      case 'rotate':
        // Done: rooms tells every watcher through onCodeChange. No room yet: nothing to change.
        if (rooms.rotate(sessionId, 'facilitator') !== null) return;
        break;
      case 'show':
      case 'hide':
        this.showJoinInfo.set(sessionId, action === 'show');
        break;
      case 'display':
        if (!message.display) {
          subscriber.send({ t: 'error', id: null, code: 'invalid_payload', message: 'display needs { contrast, locale }' });
          return;
        }
        this.display.set(sessionId, message.display);
        break;
    }
    this.tell(sessionId);
  }

  /**
   * Phones come and go in bursts (a room joining, a wifi blip): the facilitator's count is told
   * once per burst, not once per phone.
   */
  private tellSoon(sessionId: string): void {
    if (this.stopped || this.pendingTells.has(sessionId) || !this.watchers.has(sessionId)) return;
    this.pendingTells.set(
      sessionId,
      setTimeout(() => {
        this.pendingTells.delete(sessionId);
        this.tell(sessionId);
      }, PHONE_COUNT_DELAY_MS),
    );
  }

  private tell(sessionId: string): void {
    const update = this.status(sessionId);
    for (const watcher of this.watchers.get(sessionId) ?? []) watcher.send(update);
  }

  private async openOnLan(sessionId: string, interfaceAddress: string | undefined): Promise<void> {
    this.problems.delete(sessionId);
    if (interfaceAddress === undefined) return;
    // Only an address this computer offers: a message must never make the host listen on 0.0.0.0.
    if (!this.addresses().some((candidate) => candidate.address === interfaceAddress)) {
      this.problems.set(sessionId, 'address_unavailable');
      return;
    }
    if (this.listener?.address !== interfaceAddress) {
      await this.stopListener();
      const { lan, preferredPort, routes, rooms } = this.options;
      const ports = [...new Set([this.lastPort, lan?.port, preferredPort()].filter((choice): choice is number => choice !== undefined && choice > 0)), 0];
      try {
        this.listener = await LanListener.start({
          address: interfaceAddress,
          ports,
          routes,
          rooms,
          sockets: this.sockets,
          limits: { ...DEFAULT_ADDRESS_LIMITS, ...lan?.limits },
          isOnLan: (id) => this.onLan.has(id),
        });
        this.lastPort = this.listener.port;
      } catch {
        // Gone since it was listed, or taken: the room stays open on this computer only.
        this.problems.set(sessionId, 'address_unavailable');
        this.onLan.clear();
        return;
      }
    }
    this.onLan.add(sessionId);
  }

  /**
   * The join information fills the wall while people come in (before the first phase, and during
   * check-in); once the group starts working it steps aside by itself, to the corner. The
   * facilitator can bring it back (the room dialog, or Q on the board) at any time.
   */
  private phaseChanged(sessionId: string, from: PhaseNow, to: PhaseNow): void {
    const arriving = (phase: PhaseNow) => phase === null || phase === 'checkin';
    if (!arriving(from) || arriving(to) || this.showJoinInfo.get(sessionId) === false) return;
    this.showJoinInfo.set(sessionId, false);
    this.tell(sessionId);
  }

  /** A room can also end without a close (its session deleted): the network is then let go of too. */
  private async forgetClosedRooms(): Promise<void> {
    for (const id of this.sessions.watched()) if (!this.options.rooms.status(id)?.open) this.sessions.unwatch(id);
    for (const id of this.onLan) if (!this.options.rooms.status(id)?.open) this.onLan.delete(id);
    if (this.onLan.size === 0) await this.stopListener();
  }

  private async stopListener(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.close();
  }

  private addresses(): LanAddress[] {
    return this.options.lan?.addresses() ?? [];
  }

  private status(sessionId: string): RoomMessage {
    const room = this.options.rooms.status(sessionId);
    const open = room?.open ?? false;
    const joinCode = room?.joinCode ?? null;
    const listener = this.listener;
    const onLan = open && joinCode !== null && listener !== null && this.onLan.has(sessionId);
    const present = this.sockets.connectedPeople(sessionId);
    return {
      t: 'room',
      sessionId,
      open,
      joinCode,
      joinUrl: onLan ? `${listener.origin}/join.html?code=${joinCode}` : null,
      addresses: this.addresses(),
      showJoinInfo: this.showJoinInfo.get(sessionId) ?? true,
      problem: this.problems.get(sessionId) ?? null,
      codeChanged: this.codeChanges.get(sessionId) ?? null,
      connected: present.length,
      present,
      display: this.display.get(sessionId) ?? null,
    };
  }
}
