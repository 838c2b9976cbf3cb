import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { HostOptions } from './args';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { Engine } from './engine';
import type { JoinGuardLimits } from './room/join-guard';
import type { LanOptions } from './room/room-control';
import { Rooms } from './room/rooms';
import { type RunningServer, startServer } from './server';
import type { SendLimits } from './socket-sender';

export interface RunningHost {
  engine: Engine;
  rooms: Rooms;
  db: Database.Database;
  server: RunningServer;
  url: string;
  /** The URL a facilitator opens, token included. */
  facilitatorUrl: string;
  /** The token a projector page connects with: it can watch and do nothing else. */
  projectorToken: string;
  databaseFile: string;
  recoveredFrom: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the whole host in this process: used by main.ts and by integration tests alike.
 * Without `lan` no room ever listens on the network (tests offer 127.0.0.2 there).
 */
export async function startHost(
  options: HostOptions & { lan?: LanOptions; sendLimits?: SendLimits; joinLimits?: JoinGuardLimits },
): Promise<RunningHost> {
  const { db, recoveredFrom } = openDatabase(options.dataDir);
  const engine = new Engine(new EventStore(db));
  const rooms = new Rooms(db, engine, options.joinLimits);
  const projectorToken = options.projectorToken ?? randomBytes(24).toString('hex');
  const server = await startServer({
    engine,
    rooms,
    token: options.token,
    projectorToken,
    rendererDir: options.rendererDir,
    port: options.port,
    ...(options.lan ? { lan: options.lan } : {}),
    ...(options.sendLimits ? { sendLimits: options.sendLimits } : {}),
  });
  return {
    engine,
    rooms,
    db,
    server,
    url: server.url,
    facilitatorUrl: `${server.url}?token=${options.token}`,
    projectorToken,
    databaseFile: databasePath(options.dataDir),
    recoveredFrom,
    async stop() {
      await server.close();
      db.close();
    },
  };
}
