import type Database from 'better-sqlite3';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { Engine } from './engine';
import { Jobs } from './jobs/jobs';
import { WorkerPool } from './jobs/pool';
import { Rooms } from './rooms';
import type { HostOptions } from './args';
import type { LanOptions } from './lan';
import { type RunningServer, startServer } from './server';

export interface RunningHost {
  engine: Engine;
  rooms: Rooms;
  db: Database.Database;
  server: RunningServer;
  url: string;
  /** The URL a facilitator opens, token included. */
  facilitatorUrl: string;
  databaseFile: string;
  recoveredFrom: string | null;
  jobs: Jobs;
  stop(): Promise<void>;
}

export interface StartOptions extends HostOptions {
  lan?: LanOptions;
  /**
   * The bundled export worker (export-worker.mjs beside the host's main.mjs). Exports and archive
   * reading run there; without it they fail with a plain message and the rest of the host works.
   */
  exportWorker?: string;
}

/**
 * Starts the whole host in this process: used by main.ts and by integration tests alike.
 * Without `lan` no room ever listens on the network (tests offer 127.0.0.2 there).
 */
export async function startHost(options: StartOptions): Promise<RunningHost> {
  const { db, recoveredFrom } = openDatabase(options.dataDir);
  const engine = new Engine(new EventStore(db));
  const rooms = new Rooms(db, engine);
  const jobs = new Jobs(engine, new WorkerPool({ workerFile: options.exportWorker ?? null, databaseFile: databasePath(options.dataDir) }));
  const server = await startServer({ engine, rooms, jobs, token: options.token, rendererDir: options.rendererDir, port: options.port, lan: options.lan });
  return {
    engine,
    rooms,
    db,
    server,
    url: server.url,
    facilitatorUrl: `${server.url}?token=${options.token}`,
    databaseFile: databasePath(options.dataDir),
    recoveredFrom,
    jobs,
    async stop() {
      await server.close();
      await jobs.close();
      db.close();
    },
  };
}
