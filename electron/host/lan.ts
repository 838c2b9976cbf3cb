import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Actor } from '../../shared/domain';
import type { ClientMessage, LanAddress, RoomMessage } from '../../shared/protocol';
import type { ConnectionRegistry } from './connection';
import type { Engine, Subscriber } from './engine';
import { RateLimiter } from './rate-limit';
import type { Rooms } from './rooms';
import { SECURITY_HEADERS, serveStatic } from './static-files';

/**
 * "Ruimte openen": phones reach the host over the local network only while a room is open on it.
 * The loopback server (server.ts) serves everything to this computer; the LAN listener here is a
 * second, separate HTTP server bound to one chosen interface address, and it serves nothing but
 * the participant page, that page's own assets, POST /api/join and the participant WebSocket.
 * The facilitator's pages, the facilitator/projector socket and exports do not exist on it.
 */

type RoomRequest = Extract<ClientMessage, { t: 'room' }>;
type JoinHandler = (request: IncomingMessage) => Promise<{ status: number; body: unknown }>;
export type ServeParticipant = (ws: WebSocket, actor: Actor, sessionId: string, limiter: RateLimiter) => void;

export interface LanOptions {
  /** The addresses phones may reach this computer on (network.ts); tests offer only 127.0.0.2. */
  addresses: () => LanAddress[];
  /** Per address on the network: at most this many sockets, messages and joins (see AddressBook). */
  limits?: Partial<AddressLimits>;
  /**
   * The port to try first: a fixed one keeps the address on the wall (and what phones stored for
   * it) the same from one run of the app to the next. Then the loopback server's port, then any.
   */
  port?: number;
}

interface RoomControlServices {
  engine: Engine;
  rooms: Rooms;
  connections: ConnectionRegistry;
  rendererDir: string;
  /** The loopback server's port: the LAN listener's second choice. */
  preferredPort: () => number;
  handleJoin: JoinHandler;
  serveParticipant: ServeParticipant;
  lan: LanOptions | undefined;
}

/** Close code for phones whose room was closed (the participant page says so). */
export const ROOM_CLOSED = 4001;

/**
 * Opens and closes rooms, and with them the LAN listener. Every facilitator or projector
 * connection that asked about a session's room is told of each later change to it, so the
 * projector shows the QR code the moment the facilitator opens the room.
 */
export class RoomControl {
  private readonly watchers = new Map<string, Set<Subscriber>>();
  /** Sessions whose room is open on the network; the listener runs while this is not empty. */
  private readonly onLan = new Set<string>();
  private readonly showJoinInfo = new Map<string, boolean>();
  private readonly problems = new Map<string, RoomMessage['problem']>();
  private listener: LanListener | null = null;
  /** Open and close run one at a time: a listener is started or stopped before the next request. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly services: RoomControlServices) {}

  /** The listener's address and port while it runs (for tests and the host's log). */
  get lanEndpoint(): { address: string; port: number } | null {
    return this.listener ? { address: this.listener.address, port: this.listener.port } : null;
  }

  handle(message: RoomRequest, subscriber: Subscriber): Promise<void> {
    const run = this.queue.then(() => this.apply(message, subscriber));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A connection that went away hears nothing more. */
  forget(subscriber: Subscriber): void {
    for (const set of this.watchers.values()) set.delete(subscriber);
  }

  async stop(): Promise<void> {
    await this.queue;
    this.onLan.clear();
    await this.stopListener();
  }

  private async apply(message: RoomRequest, subscriber: Subscriber): Promise<void> {
    const { engine, rooms } = this.services;
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
    switch (action) {
      case 'status':
        subscriber.send(this.status(sessionId));
        return;
      case 'open':
        rooms.open(sessionId);
        this.showJoinInfo.set(sessionId, true);
        await this.openOnLan(sessionId, message.interfaceAddress);
        break;
      case 'close':
        rooms.close(sessionId);
        this.problems.delete(sessionId);
        // Closing the room means every phone is out at once, not at its next message.
        for (const socket of this.services.connections.get(sessionId) ?? []) socket.close(ROOM_CLOSED, 'room closed');
        this.onLan.delete(sessionId);
        if (this.onLan.size === 0) await this.stopListener();
        break;
      case 'show':
      case 'hide':
        this.showJoinInfo.set(sessionId, action === 'show');
        break;
    }
    const update = this.status(sessionId);
    for (const watcher of watchers) watcher.send(update);
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
      try {
        this.listener = await LanListener.start(interfaceAddress, this.services, this.services.lan?.limits, (id) => this.onLan.has(id));
      } catch {
        // Gone since it was listed, or taken: the room stays open on this computer only.
        this.problems.set(sessionId, 'address_unavailable');
        this.onLan.clear();
        return;
      }
    }
    this.onLan.add(sessionId);
  }

  /** A room can also end without a close (its session deleted): the network is then let go of too. */
  private async forgetClosedRooms(): Promise<void> {
    for (const id of this.onLan) if (!this.services.rooms.status(id)?.open) this.onLan.delete(id);
    if (this.onLan.size === 0) await this.stopListener();
  }

  private async stopListener(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    await listener?.close();
  }

  private addresses(): LanAddress[] {
    return this.services.lan?.addresses() ?? [];
  }

  private status(sessionId: string): RoomMessage {
    const room = this.services.rooms.status(sessionId);
    const open = room?.open ?? false;
    const joinCode = room?.joinCode ?? null;
    const listener = this.listener;
    const onLan = open && joinCode !== null && listener !== null && this.onLan.has(sessionId);
    return {
      t: 'room',
      sessionId,
      open,
      joinCode,
      joinUrl: onLan ? `${listener.origin}/join.html?code=${joinCode}` : null,
      addresses: this.addresses(),
      showJoinInfo: this.showJoinInfo.get(sessionId) ?? true,
      problem: this.problems.get(sessionId) ?? null,
    };
  }
}

/** Limits for everything that arrives over the network, counted per remote address. */
export interface AddressLimits {
  sockets: number;
  messageBurst: number;
  messagesPerSecond: number;
  joinBurst: number;
  joinsPerSecond: number;
}

/**
 * Generous enough for one person's phone with a flaky connection (a socket per reconnect, a
 * queue sent in one go), tight enough that one device opening many sockets gains nothing: its
 * sockets share one message budget on top of each socket's own (connection.ts).
 */
export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  sockets: 16,
  messageBurst: 400,
  messagesPerSecond: 200,
  joinBurst: 20,
  joinsPerSecond: 0.5,
};

interface AddressEntry {
  sockets: number;
  messages: RateLimiter;
  joins: RateLimiter;
}

class AddressBook {
  private readonly entries = new Map<string, AddressEntry>();

  constructor(private readonly limits: AddressLimits) {}

  entry(address: string): AddressEntry {
    let entry = this.entries.get(address);
    if (!entry) {
      entry = {
        sockets: 0,
        messages: new RateLimiter(this.limits.messageBurst, this.limits.messagesPerSecond),
        joins: new RateLimiter(this.limits.joinBurst, this.limits.joinsPerSecond),
      };
      this.entries.set(address, entry);
    }
    return entry;
  }

  get socketLimit(): number {
    return this.limits.sockets;
  }
}

/** Pages of the built renderer that the participant page needs, found from join.html itself. */
export function participantAssets(rendererDir: string): Set<string> {
  const assets = new Set<string>();
  let page: string;
  try {
    page = readFileSync(join(rendererDir, 'join.html'), 'utf8');
  } catch {
    return assets;
  }
  const pending = [page];
  const reference = /(?:\.\/|\/|^|["'(])(?:assets\/)?([A-Za-z0-9_.-]+\.(?:js|css|woff2?|svg|png))(?=["')?#])/g;
  while (pending.length > 0) {
    const text = pending.pop() as string;
    for (const match of text.matchAll(reference)) {
      const name = match[1] as string;
      if (assets.has(name)) continue;
      let body: string;
      try {
        body = readFileSync(join(rendererDir, 'assets', name), 'utf8');
      } catch {
        continue; // not a built asset (a word in a string, a file of another folder)
      }
      assets.add(name);
      if (name.endsWith('.js') || name.endsWith('.css')) pending.push(body);
    }
  }
  return assets;
}

function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404 | 429, text: string): void {
  const reasons = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' } as const;
  const body = Buffer.from(text, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function plain(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  response.end(text);
}

/** The second HTTP server, on one interface address, for phones only. */
class LanListener {
  private constructor(
    private readonly server: Server,
    private readonly sockets: WebSocketServer,
    readonly address: string,
    readonly port: number,
  ) {}

  get origin(): string {
    return `http://${this.address}:${this.port}`;
  }

  static async start(
    address: string,
    services: RoomControlServices,
    limits: Partial<AddressLimits> | undefined,
    isOnLan: (sessionId: string) => boolean,
  ): Promise<LanListener> {
    const { rooms, rendererDir } = services;
    const book = new AddressBook({ ...DEFAULT_ADDRESS_LIMITS, ...limits });
    const assets = participantAssets(rendererDir);
    const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
    let port = 0;
    // A page reached by another name (DNS rebinding) or another site's page gets nothing.
    const hostAllowed = (host: string | undefined) => host === `${address}:${port}` || (port === 80 && host === address);
    const server = createServer((request, response) => {
      if (!hostAllowed(request.headers.host)) return plain(response, 403, 'Eiland: onbekend adres.');
      const url = new URL(request.url ?? '/', 'http://lan');
      if (url.pathname === '/api/join') {
        if (request.method !== 'POST') return plain(response, 405, 'Eiland: alleen POST.');
        // Only the participant page may join: another site's form or script gets no participant token.
        const origin = request.headers.origin;
        if ((origin !== undefined && origin !== `http://${address}:${port}`) || !request.headers['content-type']?.startsWith('application/json')) {
          request.resume();
          return plain(response, 403, 'Eiland: alleen vanaf de pagina om mee te doen.');
        }
        if (!book.entry(request.socket.remoteAddress ?? 'unknown').joins.take()) {
          request.resume();
          return plain(response, 429, JSON.stringify({ code: 'rate_limited', message: 'Too many join attempts; wait a minute' }), {
            'Content-Type': 'application/json; charset=utf-8',
          });
        }
        void services.handleJoin(request).then(({ status, body }) => {
          response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify(body));
        });
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Eiland: niet toegestaan.');
      // Typing only the address (as shown on the projector) lands on the participant page.
      if (url.pathname === '/') return plain(response, 302, '', { Location: `/join.html${url.search}` });
      if (url.pathname === '/join.html') return void serveStatic(rendererDir, '/join.html', response);
      const asset = url.pathname.startsWith('/assets/') ? url.pathname.slice('/assets/'.length) : null;
      if (asset !== null && assets.has(asset)) return void serveStatic(rendererDir, `/assets/${asset}`, response);
      return plain(response, 404, 'Niet gevonden');
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(request.url ?? '/', 'http://lan');
      const token = url.searchParams.get('participant');
      if (!hostAllowed(request.headers.host) || url.pathname !== '/ws' || token === null || url.searchParams.has('token')) {
        return refuseUpgrade(socket, 404, 'Eiland: onbekend adres.');
      }
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://${address}:${port}`) {
        return refuseUpgrade(socket, 403, 'Eiland: verbinding van een andere website geweigerd.');
      }
      const identity = rooms.identify(token);
      if (!identity || !isOnLan(identity.sessionId)) {
        return refuseUpgrade(socket, 401, 'Eiland: deze deelname is niet (meer) geldig. Doe opnieuw mee met de code op het scherm.');
      }
      const entry = book.entry(request.socket.remoteAddress ?? 'unknown');
      if (entry.sockets >= book.socketLimit) return refuseUpgrade(socket, 429, 'Eiland: te veel verbindingen van dit apparaat.');
      entry.sockets += 1;
      sockets.handleUpgrade(request, socket, head, (ws) => {
        ws.once('close', () => {
          entry.sockets -= 1;
        });
        services.serveParticipant(ws, identity.actor, identity.sessionId, entry.messages);
      });
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    const listen = (wanted: number) =>
      new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(wanted, address, () => {
          server.off('error', onError);
          resolve();
        });
      });
    const choices = [...new Set([services.lan?.port, services.preferredPort()].filter((choice): choice is number => choice !== undefined && choice > 0)), 0];
    for (const [index, choice] of choices.entries()) {
      try {
        await listen(choice);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || index === choices.length - 1) throw error;
      }
    }
    port = (server.address() as AddressInfo).port;
    return new LanListener(server, sockets, address, port);
  }

  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      for (const client of this.sockets.clients) client.close(ROOM_CLOSED, 'room closed');
      this.sockets.close();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      // Sockets still closing after the handshake are cut; the room is closed, not paused.
      setTimeout(() => {
        for (const client of this.sockets.clients) client.terminate();
      }, 500).unref();
    });
  }
}
