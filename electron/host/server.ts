import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Actor, Role } from '../../shared/domain';
import { type HostMessage, parseClientMessage } from '../../shared/protocol';
import type { Engine, Subscriber } from './engine';
import { RateLimiter } from './rate-limit';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export interface ServerOptions {
  engine: Engine;
  token: string;
  rendererDir: string;
  port: number;
  host?: string;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Frames above this are cut off by ws itself; between 64 KiB and this they get a too_large answer. */
const MAX_FRAME_BYTES = 1024 * 1024;

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Only pages served by this host may open a socket; a browser tab of another site may not. */
function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // not a browser: the token still guards the door
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Serves the renderer and the WebSocket endpoint on loopback. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { engine } = options;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS);
      response.end();
      return;
    }
    void serveStatic(options.rendererDir, url.pathname, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let port = options.port;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 403, 'Eiland: onbekend adres.');
    if (!originAllowed(request.headers.origin, port)) return refuseUpgrade(socket, 403, 'Eiland: verbinding van een andere website geweigerd.');
    if (!sameSecret(url.searchParams.get('token'), options.token)) {
      return refuseUpgrade(socket, 401, 'Eiland: toegangscode ontbreekt of klopt niet. Open Eiland via het adres dat bij het starten werd getoond.');
    }
    const role: Role = url.searchParams.get('role') === 'projector' ? 'projector' : 'facilitator';
    sockets.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, engine, { role, participantId: null }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One client connection: every frame is answered, nothing a client sends can stop the host. */
export function serveConnection(ws: WebSocket, engine: Engine, actor: Actor): void {
  const limiter = new RateLimiter(200, 100);
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
