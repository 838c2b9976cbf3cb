/**
 * A small host that speaks the real protocol over a real WebSocket server on 127.0.0.1, with knobs
 * for the failures the client must survive (dropped connections, lost events, silent lines).
 * Its "domain" is deliberately trivial: every command puts one item into an `items` collection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Change } from '../../../shared/changes';
import { type ClientMessage, type EventMessage, type HostMessage, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../../shared/protocol';

interface StreamLog {
  seq: number;
  items: Record<string, unknown>;
  events: EventMessage[];
  subscribers: Set<WebSocket>;
}

export class ProtocolServer {
  readonly received: ClientMessage[] = [];
  /** Commands applied, by id; a repeated id must never show up here twice. */
  readonly applied: string[] = [];
  refuseUpgrades = false;
  answerPings = true;
  /** When set, the server applies the next command and then drops the connection without acking. */
  crashBeforeNextAck = false;
  /** Number of upcoming events to apply but not deliver, as if they were lost on the way. */
  loseEvents = 0;
  /** Number of upcoming frames to throttle, answered like the host does: rate_limited, without an id. */
  throttleFrames = 0;
  /** What the welcome says; another number plays a host of another Eiland version. */
  protocolVersion = PROTOCOL_VERSION;
  connections = 0;
  /** Welcomes clients as a host that could open its database only for reading. */
  readOnly = false;
  private readonly http: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly streams = new Map<string, StreamLog>();
  private readonly acks = new Map<string, number>();

  private constructor() {
    this.http = createServer((_request, response) => response.writeHead(404).end());
    this.http.on('upgrade', (request, socket, head) => {
      if (this.refuseUpgrades || !request.url?.includes('token=good')) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
    });
  }

  static async start(): Promise<ProtocolServer> {
    const server = new ProtocolServer();
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  get url(): string {
    const { port } = this.http.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/ws?token=good`;
  }

  /** Cuts every open connection, as a wifi drop or a host restart would. */
  dropConnections(): void {
    for (const client of this.wss.clients) client.terminate();
  }

  seqOf(stream: string): number {
    return this.stream(stream).seq;
  }

  async stop(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.connections += 1;
    ws.on('message', (data) => this.handle(ws, JSON.parse(String(data)) as ClientMessage));
    ws.on('close', () => {
      for (const log of this.streams.values()) log.subscribers.delete(ws);
    });
    send(ws, { t: 'welcome', role: 'facilitator', participantId: null, serverTime: Date.now(), protocolVersion: this.protocolVersion, schemaVersion: SCHEMA_VERSION, ...(this.readOnly ? { readOnly: true } : {}) });
  }

  private handle(ws: WebSocket, message: ClientMessage): void {
    this.received.push(message);
    if (this.throttleFrames > 0) {
      this.throttleFrames -= 1;
      send(ws, { t: 'error', id: null, code: 'rate_limited', message: 'Too many messages; slow down' });
      return;
    }
    switch (message.t) {
      case 'subscribe': {
        const log = this.stream(message.stream);
        log.subscribers.add(ws);
        const since = message.sinceSeq;
        if (since !== undefined && since <= log.seq) {
          for (const event of log.events.filter((e) => e.seq > since)) send(ws, event);
        } else {
          send(ws, { t: 'snapshot', stream: message.stream, seq: log.seq, schemaVersion: SCHEMA_VERSION, state: { programmes: {}, sessions: {}, items: { ...log.items } } as never });
        }
        return;
      }
      case 'unsubscribe':
        this.stream(message.stream).subscribers.delete(ws);
        return;
      case 'ping':
        if (this.answerPings) send(ws, { t: 'pong', id: message.id, serverTime: Date.now() });
        return;
      case 'command':
        this.command(ws, message);
    }
  }

  private command(ws: WebSocket, message: Extract<ClientMessage, { t: 'command' }>): void {
    const known = this.acks.get(message.id);
    if (known !== undefined) {
      send(ws, { t: 'ack', id: message.id, stream: message.stream, seq: known });
      return;
    }
    if (message.command.type === 'refuse') {
      send(ws, { t: 'error', id: message.id, code: 'rule_violation', reason: 'no_dots_left', message: 'No dots left' });
      return;
    }
    const log = this.stream(message.stream);
    const itemId = String((message.command as { itemId?: string }).itemId ?? message.id);
    const change: Change = { key: 'items', id: itemId, before: log.items[itemId] ?? null, after: { id: itemId } };
    log.seq += 1;
    log.items[itemId] = change.after;
    const event: EventMessage = { t: 'event', stream: message.stream, seq: log.seq, commandId: message.id, type: message.command.type, changes: [change] };
    log.events.push(event);
    this.applied.push(message.id);
    this.acks.set(message.id, log.seq);
    if (this.crashBeforeNextAck) {
      this.crashBeforeNextAck = false;
      ws.terminate();
      return;
    }
    if (this.loseEvents > 0) this.loseEvents -= 1;
    else for (const subscriber of log.subscribers) send(subscriber, event);
    send(ws, { t: 'ack', id: message.id, stream: message.stream, seq: log.seq });
  }

  private stream(name: string): StreamLog {
    let log = this.streams.get(name);
    if (!log) {
      log = { seq: 0, items: {}, events: [], subscribers: new Set() };
      this.streams.set(name, log);
    }
    return log;
  }
}

function send(ws: WebSocket, message: HostMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** Polls until the check passes; the client works on real sockets and timers, so tests wait for it. */
export async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
