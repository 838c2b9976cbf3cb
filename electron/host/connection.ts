import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../shared/domain';
import { type ClientMessage, type HostMessage, PROTOCOL_VERSION, parseClientMessage, SCHEMA_VERSION } from '../../shared/protocol';
import { storageRefusal } from './db/storage-errors';
import type { Engine, Subscriber } from './engine';
import type { RoomControl } from './lan';
import { RateLimiter } from './rate-limit';
import type { Rooms } from './rooms';
import type { CommandQueue } from './command-queue';

/** Open participant sockets per session, so closing a room can drop them at once. */
export type ConnectionRegistry = Map<string, Set<WebSocket>>;

interface Services {
  engine: Engine;
  /** Where socket commands go: committed in groups (see command-queue.ts). */
  commands: CommandQueue;
  rooms: Rooms;
  connections: ConnectionRegistry;
  roomControl: RoomControl;
  readOnly?: boolean;
}

type Refusal = Extract<HostMessage, { t: 'error' }>;

/**
 * One client connection: every frame is answered, nothing a client sends can stop the host.
 * `shared` is a budget this connection shares with others (a phone's address on the network).
 */
export function serveConnection(ws: WebSocket, services: Services, actor: Actor, scope: string | null, shared?: RateLimiter): void {
  const { engine, connections } = services;
  const limiter = new RateLimiter(200, 100);
  if (scope !== null) {
    const set = connections.get(scope) ?? new Set<WebSocket>();
    connections.set(scope, set);
    set.add(ws);
    ws.on('close', () => set.delete(ws));
  }
  const subscriber: Subscriber = {
    actor,
    send(message: HostMessage, json?: string) {
      if (ws.readyState === ws.OPEN) ws.send(json ?? JSON.stringify(message));
    },
  };
  subscriber.send({
    t: 'welcome',
    role: actor.role,
    participantId: actor.participantId,
    serverTime: Date.now(),
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    ...(services.readOnly ? { readOnly: true } : {}),
  });

  // Frames are answered in the order they came: one waits while a command before it is committed.
  const order = new InOrder();
  ws.on('message', (data, isBinary) => {
    if (!limiter.take() || (shared !== undefined && !shared.take())) {
      order.run(() => subscriber.send({ t: 'error', id: commandIdOf(data, isBinary), code: 'rate_limited', message: 'Too many messages; slow down' }));
      return;
    }
    order.run(() => handleFrame(data, isBinary));
  });
  const handleFrame = (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      subscriber.send({ t: 'error', id: null, code: 'bad_message', message: 'Binary frames are not accepted' });
      return;
    }
    const parsed = parseClientMessage(data.toString());
    if (!parsed.ok) {
      subscriber.send({ t: 'error', id: null, code: parsed.code, message: parsed.message });
      return;
    }
    const message = parsed.message;
    const refused = outOfScope(message, actor, scope);
    if (refused) {
      subscriber.send(refused);
      return;
    }
    try {
      switch (message.t) {
        case 'command':
          order.hold();
          services.commands.submit(message, actor, (result) => {
            if ('reply' in result) subscriber.send(result.reply);
            else subscriber.send(commandFailure(result.error, message.id));
            order.release();
          });
          return;
        case 'subscribe': {
          const refused = engine.subscribe(subscriber, message.stream, message.sinceSeq);
          if (refused) subscriber.send(refused);
          return;
        }
        case 'unsubscribe':
          engine.unsubscribe(subscriber, message.stream);
          return;
        case 'ping':
          subscriber.send({ t: 'pong', id: message.id, serverTime: Date.now() });
          return;
        case 'room':
          services.roomControl.handle(message, subscriber).catch((error: unknown) => {
            console.error('Eiland host: room change failed', error);
            subscriber.send(storageRefusal(error, null) ?? { t: 'error', id: null, code: 'internal', message: 'Internal error; the room was not changed' });
          });
      }
    } catch (error) {
      subscriber.send(commandFailure(error, message.t === 'command' ? message.id : null));
    }
  };
  ws.on('close', () => {
    engine.unsubscribe(subscriber);
    services.roomControl.forget(subscriber);
  });
  ws.on('error', () => engine.unsubscribe(subscriber));
}

/** Phones act only within their own session; rooms are the facilitator's (the projector may ask, see lan.ts). */
function outOfScope(message: ClientMessage, actor: Actor, scope: string | null): Refusal | null {
  const id = message.t === 'command' ? message.id : null;
  if (message.t === 'room' && actor.role === 'participant') {
    return { t: 'error', id, code: 'forbidden', message: 'Only the facilitator opens or closes a room' };
  }
  if (scope === null || message.t === 'ping' || message.t === 'room') return null;
  if (message.stream !== scope) return { t: 'error', id, code: 'wrong_session', message: 'This connection belongs to another session' };
  return null;
}

/** Small frames only: so a client knows which command to send again, without making a flood costly. */
const ID_LOOKUP_BYTES = 4096;
const COMMAND_ID = /^[A-Za-z0-9_.-]{1,64}$/;

/** The id of a command frame refused before parsing (rate limit), when it is cheap to find. */
function commandIdOf(data: RawData, isBinary: boolean): string | null {
  const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
  if (isBinary || size > ID_LOOKUP_BYTES) return null;
  try {
    const frame = JSON.parse(data.toString()) as { t?: unknown; id?: unknown };
    return frame.t === 'command' && typeof frame.id === 'string' && COMMAND_ID.test(frame.id) ? frame.id : null;
  } catch {
    return null;
  }
}

/** A failure the sender hears about: a storage problem in its own words, else an internal error. A bug must not take the host down. */
function commandFailure(error: unknown, id: string | null): HostMessage {
  const storage = storageRefusal(error, id);
  if (storage) return storage;
  console.error('Eiland host: command failed', error);
  return { t: 'error', id, code: 'internal', message: 'Internal error; nothing was changed' };
}

/**
 * Runs a connection's frames one after another. A command is committed with others at the end of
 * the loop turn (command-queue.ts); what the same client sent after it waits until it is answered,
 * so replies keep the order of the frames and a snapshot is never older than an event already sent.
 */
class InOrder {
  private held = 0;
  private readonly backlog: (() => void)[] = [];

  run(work: () => void): void {
    if (this.held > 0 || this.backlog.length > 0) this.backlog.push(work);
    else work();
  }

  hold(): void {
    this.held += 1;
  }

  release(): void {
    this.held -= 1;
    while (this.held === 0 && this.backlog.length > 0) (this.backlog.shift() as () => void)();
  }
}
