import type { WebSocket } from 'ws';
import type { Actor } from '../../shared/domain';
import { type ClientMessage, type HostMessage, parseClientMessage } from '../../shared/protocol';
import type { Engine, Subscriber } from './engine';
import { RateLimiter } from './rate-limit';
import type { Rooms } from './rooms';

/** Open participant sockets per session, so closing a room can drop them at once. */
export type ConnectionRegistry = Map<string, Set<WebSocket>>;

interface Services {
  engine: Engine;
  rooms: Rooms;
  connections: ConnectionRegistry;
}

type Refusal = Extract<HostMessage, { t: 'error' }>;

/** One client connection: every frame is answered, nothing a client sends can stop the host. */
export function serveConnection(ws: WebSocket, services: Services, actor: Actor, scope: string | null): void {
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
    send(message: HostMessage) {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    },
  };
  subscriber.send({ t: 'welcome', role: actor.role, participantId: actor.participantId, serverTime: Date.now() });

  ws.on('message', (data, isBinary) => {
    if (!limiter.take()) {
      subscriber.send({ t: 'error', id: null, code: 'rate_limited', message: 'Too many messages; slow down' });
      return;
    }
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
          subscriber.send(engine.handle(message, actor));
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
          subscriber.send(handleRoom(message, services));
      }
    } catch (error) {
      // A bug must not take the host down for everyone; the sender hears about it.
      console.error('Eiland host: command failed', error);
      const id = message.t === 'command' ? message.id : null;
      subscriber.send({ t: 'error', id, code: 'internal', message: 'Internal error; nothing was changed' });
    }
  });
  ws.on('close', () => engine.unsubscribe(subscriber));
  ws.on('error', () => engine.unsubscribe(subscriber));
}

/** Phones act only within their own session; rooms are the facilitator's to open and close. */
function outOfScope(message: ClientMessage, actor: Actor, scope: string | null): Refusal | null {
  const id = message.t === 'command' ? message.id : null;
  if (message.t === 'room' && actor.role !== 'facilitator') {
    return { t: 'error', id, code: 'forbidden', message: 'Only the facilitator opens or closes a room' };
  }
  if (scope === null || message.t === 'ping' || message.t === 'room') return null;
  if (message.stream !== scope) return { t: 'error', id, code: 'wrong_session', message: 'This connection belongs to another session' };
  return null;
}

function handleRoom(message: Extract<ClientMessage, { t: 'room' }>, { engine, rooms, connections }: Services): HostMessage {
  if (!engine.session(message.sessionId)) {
    return { t: 'error', id: null, code: 'not_found', message: `Session ${message.sessionId} does not exist` };
  }
  if (message.action === 'open') rooms.open(message.sessionId);
  if (message.action === 'close') {
    rooms.close(message.sessionId);
    // Closing the room means every phone is out at once, not at its next message.
    for (const socket of connections.get(message.sessionId) ?? []) socket.close(4001, 'room closed');
  }
  const status = rooms.status(message.sessionId);
  return { t: 'room', sessionId: message.sessionId, open: status?.open ?? false, joinCode: status?.joinCode ?? null };
}
