import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Role } from '../../shared/domain';
import { type ConnectionRegistry, serveConnection } from './connection';
import type { Engine } from './engine';
import { handleApi } from './http-api';
import type { Jobs } from './jobs/jobs';
import { type LanOptions, RoomControl } from './lan';
import type { Rooms } from './rooms';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export interface ServerOptions {
  engine: Engine;
  rooms: Rooms;
  /** Exports and imports, run off this loop (jobs/). */
  jobs: Jobs;
  token: string;
  rendererDir: string;
  port: number;
  host?: string;
  /** Which addresses a room may open on for phones; without it rooms are open on this computer only. */
  lan?: LanOptions;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  roomControl: RoomControl;
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
  const { engine, rooms } = options;
  const connections: ConnectionRegistry = new Map();
  let port = options.port;
  const roomControl: RoomControl = new RoomControl({
    engine,
    rooms,
    connections,
    rendererDir: options.rendererDir,
    preferredPort: () => port,
    handleJoin: (request) => handleJoin(request, rooms),
    serveParticipant: (ws, actor, sessionId, limiter) => serveConnection(ws, services, actor, sessionId, limiter),
    lan: options.lan,
  });
  const services = { engine, rooms, connections, roomControl };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (handleApi(request, response, url, { engine, jobs: options.jobs, token: options.token })) return;
    if (url.pathname === '/api/join' && request.method === 'POST') {
      void handleJoin(request, rooms).then(({ status, body }) => {
        response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify(body));
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS);
      response.end();
      return;
    }
    void serveStatic(options.rendererDir, url.pathname, response);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 403, 'Eiland: onbekend adres.');
    if (!originAllowed(request.headers.origin, port)) return refuseUpgrade(socket, 403, 'Eiland: verbinding van een andere website geweigerd.');
    const participantToken = url.searchParams.get('participant');
    if (participantToken !== null) {
      const identity = rooms.identify(participantToken);
      if (!identity) return refuseUpgrade(socket, 401, 'Eiland: deze deelname is niet (meer) geldig. Doe opnieuw mee met de code op het scherm.');
      sockets.handleUpgrade(request, socket, head, (ws) =>
        serveConnection(ws, services, identity.actor, identity.sessionId),
      );
      return;
    }
    if (!sameSecret(url.searchParams.get('token'), options.token)) {
      return refuseUpgrade(socket, 401, 'Eiland: toegangscode ontbreekt of klopt niet. Open Eiland via het adres dat bij het starten werd getoond.');
    }
    const role: Role = url.searchParams.get('role') === 'projector' ? 'projector' : 'facilitator';
    sockets.handleUpgrade(request, socket, head, (ws) => serveConnection(ws, services, { role, participantId: null }, null));
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
    roomControl,
    close: async () => {
      await roomControl.stop();
      await new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const MAX_JOIN_BYTES = 4096;

/** POST /api/join {code, name}: a phone exchanges the room's code for its own token. */
async function handleJoin(request: IncomingMessage, rooms: Rooms): Promise<{ status: number; body: unknown }> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > MAX_JOIN_BYTES) return { status: 413, body: { code: 'too_large', message: 'Join request too large' } };
  }
  let body: { code?: unknown; name?: unknown };
  try {
    body = JSON.parse(raw) as { code?: unknown; name?: unknown };
  } catch {
    return { status: 400, body: { code: 'bad_message', message: 'Join request is not valid JSON' } };
  }
  const result = rooms.join(body?.code, body?.name, request.socket.remoteAddress ?? 'unknown');
  if (!result.ok) return { status: result.status, body: { code: result.code, message: result.message } };
  return { status: 200, body: { token: result.token, participantId: result.participantId, sessionId: result.sessionId } };
}
