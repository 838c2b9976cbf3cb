import type { RawData, WebSocket } from 'ws';
import type { Actor } from '../../shared/domain';
import { HISTORY_COMMAND_TYPES } from '../../shared/history';
import {
  type ClientMessage,
  type CommandMessage,
  type HostMessage,
  MAX_KNOWN_PICTURES,
  PROTOCOL_VERSION,
  parseClientMessage,
  SCHEMA_VERSION,
  WORKSPACE_STREAM,
} from '../../shared/protocol';
import { SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../shared/reducer';
import type { CommandQueue } from './command-queue';
import { storageRefusal } from './db/storage-errors';
import type { Engine, Subscriber } from './engine';
import { subscribeRefusal } from './fan-out';
import { RateLimiter } from './rate-limit';
import { type SendLimits, SocketSender } from './socket-sender';

type RoomRequest = Extract<ClientMessage, { t: 'room' }>;
type Refusal = Extract<HostMessage, { t: 'error' }>;

/** Where `room` messages go (room/room-control.ts); the connection only passes them on. */
export interface RoomDesk {
  handle(message: RoomRequest, subscriber: Subscriber): Promise<void>;
  /** A connection that went away hears nothing more about rooms. */
  forget(subscriber: Subscriber): void;
}

export interface ConnectionServices {
  engine: Engine;
  /** Where socket commands go: committed in groups (see command-queue.ts). */
  commands: CommandQueue;
  desk: RoomDesk;
  /** The database can only be read: the welcome says so, and every change is refused as `read_only`. */
  readOnly?: boolean;
  sendLimits?: SendLimits;
  /** Told to the facilitator in its welcome, so it can open a projector page that can only watch. */
  projectorToken?: string;
}

/**
 * One client connection: every frame is answered, nothing a client sends can stop the host, and
 * nothing it does not read can fill the host's memory (socket-sender.ts).
 * `shared` is a budget this connection shares with others (a phone's address on the network).
 */
export function serveConnection(ws: WebSocket, services: ConnectionServices, actor: Actor, scope: string | null, shared?: RateLimiter): void {
  const { engine, desk } = services;
  const limiter = new RateLimiter(200, 100);
  const sender = new SocketSender(ws, services.sendLimits);
  /** The pictures this client has; a client that never names any (an older one) gets them inline. */
  let pictures: Set<string> | undefined;
  const subscriber: Subscriber = {
    actor,
    get pictures() {
      return pictures;
    },
    send(message: HostMessage, json?: string) {
      sender.send(json ?? JSON.stringify(message));
    },
  };
  const projectorToken = actor.role === 'facilitator' && services.projectorToken ? { projectorToken: services.projectorToken } : {};
  subscriber.send({
    t: 'welcome',
    role: actor.role,
    participantId: actor.participantId,
    serverTime: Date.now(),
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    ...(services.readOnly ? { readOnly: true } : {}),
    ...projectorToken,
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
    const refused = outOfScope(message, actor, scope) ?? (message.t === 'command' ? outOfRole(message, actor) : null);
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
          if (message.pictures !== undefined) {
            pictures ??= new Set<string>();
            remember(pictures, message.pictures);
          }
          const { stream, sinceSeq } = message;
          const refused = subscribeRefusal(actor, stream, stream === WORKSPACE_STREAM || engine.session(stream) !== undefined);
          if (refused) {
            subscriber.send(refused);
            return;
          }
          const queued = sender.request(stream, () => {
            const refusal = engine.subscribe(subscriber, stream, sinceSeq);
            if (refusal) subscriber.send(refusal);
          });
          if (!queued) subscriber.send({ t: 'error', id: null, code: 'rate_limited', message: 'Too many streams asked for at once' });
          return;
        }
        case 'unsubscribe':
          sender.cancel(message.stream);
          engine.unsubscribe(subscriber, message.stream);
          return;
        case 'ping':
          subscriber.send({ t: 'pong', id: message.id, serverTime: Date.now() });
          return;
        case 'room':
          desk.handle(message, subscriber).catch((error: unknown) => {
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
    desk.forget(subscriber);
  });
  ws.on('error', () => engine.unsubscribe(subscriber));
}

/** The pictures a client says it still has, newest last, at most MAX_KNOWN_PICTURES. */
function remember(known: Set<string>, hashes: readonly string[]): void {
  for (const hash of hashes) {
    known.delete(hash);
    known.add(hash);
  }
  for (const hash of known) {
    if (known.size <= MAX_KNOWN_PICTURES) break;
    known.delete(hash);
  }
}

/** Phones act only within their own session; rooms are the facilitator's (the projector may ask, see room/). */
function outOfScope(message: ClientMessage, actor: Actor, scope: string | null): Refusal | null {
  const id = message.t === 'command' ? message.id : null;
  if (message.t === 'room' && actor.role === 'participant') {
    return { t: 'error', id, code: 'forbidden', message: 'Only the facilitator opens or closes a room' };
  }
  if (scope === null || message.t === 'ping' || message.t === 'room') return null;
  if (message.stream !== scope) return { t: 'error', id, code: 'wrong_session', message: 'This connection belongs to another session' };
  return null;
}

/**
 * The role is checked before anything else looks at a command, so a projector or phone that sends
 * the id of someone else's command (ids travel in every event) learns nothing from an ack.
 */
function outOfRole(message: CommandMessage, actor: Actor): Refusal | null {
  if (actor.role === 'facilitator') return null;
  const type = message.command.type;
  const registry = message.stream === WORKSPACE_STREAM ? WORKSPACE_COMMANDS : SESSION_COMMANDS;
  const definition = registry.get(type);
  if (definition?.roles.includes(actor.role)) return null;
  if (definition || (message.stream !== WORKSPACE_STREAM && HISTORY_COMMAND_TYPES.includes(type))) {
    return { t: 'error', id: message.id, code: 'forbidden', message: `${actor.role} may not send ${type}` };
  }
  return { t: 'error', id: message.id, code: 'unknown_command', message: `Unknown command ${type}` };
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
