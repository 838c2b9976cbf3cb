import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../../../shared/protocol';
import { type Listening, listen } from '../http/listener';
import { lanContext } from '../http/listener-context';
import { refuseSocket } from '../http/reply';
import { createRouter, type Route } from '../http/router';
import { guardedUpgrade } from '../http/upgrade';
import { AddressBook, type AddressLimits } from './address-book';
import type { Rooms } from './rooms';
import type { RoomSockets } from './sockets';

/**
 * Short limits on the network: a phone sends a few hundred bytes of headers and a join of a few
 * dozen; a request that trickles in is someone holding connections open, not a phone.
 */
const LAN_TIMEOUTS = { headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 5_000 };

export interface LanListenerOptions {
  address: string;
  /** Ports to try in order (the fixed one, the loopback one, then any). */
  ports: readonly number[];
  routes: readonly Route[];
  rooms: Rooms;
  sockets: RoomSockets;
  limits: AddressLimits;
  /** Whether a session's room is open on the network (rooms open on this computer only are not). */
  isOnLan(sessionId: string): boolean;
}

/**
 * The second HTTP server, on one interface address, for phones only: the routes declared for the
 * 'lan' listener (the participant page, its assets, the join) and the participants' WebSocket.
 * Everything that arrives is counted per remote address (address-book.ts).
 */
export class LanListener {
  private constructor(
    private readonly listening: Listening,
    private readonly own: Set<WebSocket>,
  ) {}

  get address(): string {
    return this.listening.address;
  }

  get port(): number {
    return this.listening.port;
  }

  get origin(): string {
    return `http://${this.address}:${this.port}`;
  }

  static async start(options: LanListenerOptions): Promise<LanListener> {
    const { address, rooms, sockets, isOnLan } = options;
    const book = new AddressBook(options.limits);
    const own = new Set<WebSocket>();
    let port = 0;
    const context = lanContext(address, () => port, {
      admit: (remote) => book.entry(remote).joins.take(),
      admits: (sessionId) => isOnLan(sessionId),
    });
    const upgrade = guardedUpgrade(context, (request, socket, head, query) => {
      const token = query.get('participant');
      // The facilitator's and projector's sockets do not exist on the network, token or not.
      if (token === null || query.has('token')) return refuseSocket(socket, 404, 'Eiland: onbekend adres.');
      const identity = rooms.identify(token);
      const entry = book.entry(request.socket.remoteAddress ?? 'unknown');
      if (entry.sockets >= book.socketLimit) return refuseSocket(socket, 429, 'Eiland: te veel verbindingen van dit apparaat.');
      if (!identity || !isOnLan(identity.sessionId)) return sockets.refuseParticipant(request, socket, head);
      sockets.accept(request, socket, head, { actor: identity.actor, scope: identity.sessionId, shared: entry.messages, joinedAs: identity.joinedAs }, (ws) => {
        entry.sockets += 1;
        own.add(ws);
        ws.once('close', () => {
          entry.sockets -= 1;
          own.delete(ws);
        });
      });
    });
    const listening = await listen({
      address,
      ports: options.ports,
      handler: createRouter(options.routes, context),
      upgrade,
      limits: { ...LAN_TIMEOUTS, connectionsPerAddress: options.limits.connections },
    });
    port = listening.port;
    return new LanListener(listening, own);
  }

  async close(): Promise<void> {
    for (const ws of this.own) ws.close(CLOSE_CODES.roomClosed, 'room closed');
    // Sockets still closing after the handshake are cut; the room is closed, not paused.
    const cut = setTimeout(() => {
      for (const ws of this.own) ws.terminate();
    }, 500);
    await this.listening.close();
    clearTimeout(cut);
  }
}
