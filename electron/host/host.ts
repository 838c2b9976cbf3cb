import type Database from 'better-sqlite3';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { Engine } from './engine';
import { Rooms } from './rooms';
import type { HostOptions } from './args';
import { type BackupHost, openBackups, prepareDataFolder, reopenOnRestored } from './backup/host-hooks';
import type { BackupService, BackupTiming } from './backup/service';
import type { LanOptions } from './lan';
import { type RunningServer, startServer } from './server';

export interface RunningHost {
  /** The parts below are replaced when a backup is restored: read them from this object each time. */
  readonly engine: Engine;
  readonly rooms: Rooms;
  readonly db: Database.Database;
  readonly server: RunningServer;
  readonly backups: BackupService;
  url: string;
  /** The URL a facilitator opens, token included. */
  facilitatorUrl: string;
  databaseFile: string;
  recoveredFrom: string | null;
  stop(): Promise<void>;
}

export type StartOptions = HostOptions & { lan?: LanOptions; backupTiming?: Partial<BackupTiming> };

interface Parts {
  engine: Engine;
  rooms: Rooms;
  db: Database.Database;
  server: RunningServer;
  backups: BackupService;
  recoveredFrom: string | null;
}

async function openParts(options: StartOptions, port: number, host: BackupHost): Promise<Parts> {
  prepareDataFolder(options.dataDir);
  const { db, recoveredFrom } = openDatabase(options.dataDir);
  try {
    const engine = new Engine(new EventStore(db));
    const rooms = new Rooms(db, engine);
    const server = await startServer({ engine, rooms, token: options.token, rendererDir: options.rendererDir, port, lan: options.lan });
    const backups = openBackups(options, db, server.server, host);
    return { engine, rooms, db, server, backups, recoveredFrom };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Starts the whole host in this process: used by main.ts and by integration tests alike.
 * Without `lan` no room ever listens on the network (tests offer 127.0.0.2 there).
 */
export async function startHost(options: StartOptions): Promise<RunningHost> {
  let parts: Parts;
  const closeParts = async (finalBackup: boolean) => {
    await parts.server.close();
    await parts.backups.stop(finalBackup);
    parts.db.close();
  };
  let reopening: Promise<void> = Promise.resolve();
  const backupHost: BackupHost = {
    // Restoring a backup: close everything, swap the files, open again on the same port and token.
    reopen(keptAs) {
      reopening = reopenOnRestored(options.dataDir, keptAs, () => closeParts(false), async () => {
        parts = await openParts(options, parts.server.port, backupHost);
      });
      return reopening;
    },
  };
  parts = await openParts(options, options.port, backupHost);
  return {
    get engine() {
      return parts.engine;
    },
    get rooms() {
      return parts.rooms;
    },
    get db() {
      return parts.db;
    },
    get server() {
      return parts.server;
    },
    get backups() {
      return parts.backups;
    },
    url: parts.server.url,
    facilitatorUrl: `${parts.server.url}?token=${options.token}`,
    databaseFile: databasePath(options.dataDir),
    recoveredFrom: parts.recoveredFrom,
    // The server closes first, so no command arrives during the backup taken at shutdown.
    async stop() {
      await reopening;
      await closeParts(true);
    },
  };
}
