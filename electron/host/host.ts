import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { StorageNotice } from '../../shared/storage';
import type { HostOptions } from './args';
import { acquireDataFolderLock } from './db/data-lock';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { classifyOpenError, runtimeStorageCode, StorageError } from './db/storage-errors';
import { Engine } from './engine';
import type { JoinGuardLimits } from './room/join-guard';
import type { LanOptions } from './room/room-control';
import { Rooms } from './room/rooms';
import type { SendLimits } from './socket-sender';
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
  /** The token a projector page connects with: it can watch and do nothing else. */
  projectorToken: string;
  /** The database file can only be read: pages show a banner, commands are answered `read_only`. */
  readOnly: boolean;
  /** What the person must hear about this start (see shared/storage.ts). */
  notices: StorageNotice[];
  stop(): Promise<void>;
}

/**
 * Starts the whole host in this process: used by main.ts and by integration tests alike.
 * Without `lan` no room ever listens on the network (tests offer 127.0.0.2 there).
 * The data folder is taken first (one writer per folder): a second host is refused with
 * DataFolderBusyError before it opens anything; a folder or file it cannot use gives a StorageError.
 */
export async function startHost(
  options: HostOptions & { lan?: LanOptions; sendLimits?: SendLimits; joinLimits?: JoinGuardLimits },
): Promise<RunningHost> {
  const lock = acquireDataFolderLock(options.dataDir);
  let db: Database.Database | null = null;
  try {
    const opened = openDatabase(options.dataDir);
    db = opened.db;
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
      readOnly: opened.readOnly,
    });
    const open = db;
    return {
      engine,
      rooms,
      db: open,
      server,
      url: server.url,
      facilitatorUrl: `${server.url}?token=${options.token}`,
      projectorToken,
      databaseFile: databasePath(options.dataDir),
      recoveredFrom: opened.recoveredFrom,
      readOnly: opened.readOnly,
      notices: opened.notices,
      async stop() {
        await server.close();
        open.close();
        lock.release();
      },
    };
  } catch (error) {
    db?.close();
    lock.release();
    // The engine writes its first rows at start; a full disk there is the same problem as at open.
    if (runtimeStorageCode(error) !== null) {
      const verdict = classifyOpenError(error, options.dataDir, databasePath(options.dataDir));
      if (verdict !== 'damaged') throw new StorageError(verdict, { cause: error });
    }
    throw error;
  }
}
