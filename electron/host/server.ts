import type { Server } from 'node:http';
import type { Role } from '../../shared/domain';
import type { BackupRoutes } from './backup/http-routes';
import type { Engine } from './engine';
import { sameSecret } from './http/api-route';
import { listen } from './http/listener';
import { loopbackContext } from './http/listener-context';
import { refuseSocket } from './http/reply';
import { createRouter } from './http/router';
import { buildRoutes } from './http/routes';
import { guardedUpgrade } from './http/upgrade';
import type { Jobs } from './jobs/jobs';
import { participantAssets } from './room/participant-assets';
import { type LanOptions, RoomControl } from './room/room-control';
import type { Rooms } from './room/rooms';
import type { SendLimits } from './socket-sender';
import { CommandQueue } from './command-queue';

export interface ServerOptions {
  engine: Engine;
  rooms: Rooms;
  /** Exports and archive reading, run off this loop in the export worker (jobs/). */
  jobs: Jobs;
  /** The backups' routes (backup/http-routes.ts), served by the same router as the rest. */
  backups: BackupRoutes;
  token: string;
  /** The projector's token: it may watch (role projector) and do nothing else. */
  projectorToken: string;
  rendererDir: string;
  port: number;
  host?: string;
  /** Which addresses a room may open on for phones; without it rooms are open on this computer only. */
  lan?: LanOptions;
  sendLimits?: SendLimits;
  /** The database can only be read: every client's welcome says so (storage issue 15). */
  readOnly?: boolean;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  roomControl: RoomControl;
  close(): Promise<void>;
}

/** This computer's own pages and windows: an import of 64 MB may take a while, headers may not. */
const LOOPBACK_TIMEOUTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, keepAliveTimeoutMs: 5_000 };

/**
 * The role a page's socket gets from its token: the facilitator's token gives either staff role
 * (the facilitator's window may open a projector); the projector's token only the projector's.
 */
function staffRole(query: URLSearchParams, options: ServerOptions): Role | null {
  const token = query.get('token');
  if (sameSecret(token, options.token)) return query.get('role') === 'projector' ? 'projector' : 'facilitator';
  if (sameSecret(token, options.projectorToken)) return 'projector';
  return null;
}

/** Serves the renderer, the API and the WebSocket endpoint on loopback (routes in http/routes.ts). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { engine, rooms } = options;
  let port = options.port;
  let assets: ReadonlySet<string> = new Set();
  const routes = buildRoutes({
    engine,
    jobs: options.jobs,
    backups: options.backups,
    token: options.token,
    rendererDir: options.rendererDir,
    join: (attempt) => rooms.join(attempt),
    participantAssets: () => {
      if (assets.size === 0) assets = participantAssets(options.rendererDir);
      return assets;
    },
  });
  const roomControl = new RoomControl({
    engine,
    rooms,
    routes,
    preferredPort: () => port,
    lan: options.lan,
    connection: {
      projectorToken: options.projectorToken,
      commands: new CommandQueue(engine),
      readOnly: options.readOnly === true,
      ...(options.sendLimits ? { sendLimits: options.sendLimits } : {}),
    },
  });
  const context = loopbackContext(() => port);
  const upgrade = guardedUpgrade(context, (request, socket, head, query) => {
    const participantToken = query.get('participant');
    if (participantToken !== null) {
      const identity = rooms.identify(participantToken);
      if (!identity) return roomControl.sockets.refuseParticipant(request, socket, head);
      return roomControl.sockets.accept(request, socket, head, { actor: identity.actor, scope: identity.sessionId, joinedAs: identity.joinedAs });
    }
    const role = staffRole(query, options);
    if (role === null) {
      return refuseSocket(socket, 401, 'Eiland: toegangscode ontbreekt of klopt niet. Open Eiland via het adres dat bij het starten werd getoond.');
    }
    roomControl.sockets.accept(request, socket, head, { actor: { role, participantId: null }, scope: null });
  });
  const listening = await listen({
    address: options.host ?? '127.0.0.1',
    ports: [options.port],
    handler: createRouter(routes, context),
    upgrade,
    limits: LOOPBACK_TIMEOUTS,
  });
  port = listening.port;
  return {
    server: listening.server,
    port,
    url: `http://127.0.0.1:${port}/`,
    roomControl,
    close: async () => {
      await roomControl.stop();
      await listening.close();
    },
  };
}
