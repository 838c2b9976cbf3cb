import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { StorageNotice } from '../../shared/storage';
import type { HostOptions } from './args';
import { type BackupHost, backupsFor, prepareDataFolder, reopenOnRestored } from './backup/host-hooks';
import type { BackupService, BackupTiming } from './backup/service';
import { acquireDataFolderLock } from './db/data-lock';
import { EventStore } from './db/event-store';
import { databasePath, openDatabase } from './db/open';
import { classifyOpenError, runtimeStorageCode, StorageError } from './db/storage-errors';
import { Engine } from './engine';
import { Jobs } from './jobs/jobs';
import { WorkerPool } from './jobs/pool';
import type { JoinGuardLimits } from './room/join-guard';
import type { LanOptions } from './room/room-control';
import { Rooms } from './room/rooms';
import { type RunningServer, startServer } from './server';
import type { SendLimits } from './socket-sender';

export interface RunningHost {
  /** The parts below are replaced when a backup is restored: read them from this object each time. */
  readonly engine: Engine;
  readonly rooms: Rooms;
  readonly db: Database.Database;
  readonly server: RunningServer;
  readonly backups: BackupService;
  /** Exports and archive reading, run in the export worker (jobs/). */
  readonly jobs: Jobs;
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

export type StartOptions = HostOptions & {
  lan?: LanOptions;
  sendLimits?: SendLimits;
  joinLimits?: JoinGuardLimits;
  backupTiming?: Partial<BackupTiming>;
  /**
   * The bundled export worker (export-worker.mjs beside the host's main.mjs). Exports and archive
   * reading run there; without it they fail with a plain message and the rest of the host works.
   */
  exportWorker?: string;
};

interface Parts {
  engine: Engine;
  rooms: Rooms;
  db: Database.Database;
  server: RunningServer;
  backups: BackupService;
  jobs: Jobs;
  recoveredFrom: string | null;
  readOnly: boolean;
  notices: StorageNotice[];
}

async function openParts(options: StartOptions, port: number, projectorToken: string, host: BackupHost): Promise<Parts> {
  prepareDataFolder(options.dataDir);
  const opened = openDatabase(options.dataDir);
  const { db } = opened;
  try {
    const engine = new Engine(new EventStore(db));
    const rooms = new Rooms(db, engine, options.joinLimits);
    // The worker reads its own snapshot of the database file, so it follows a restored file too.
    const jobs = new Jobs(engine, new WorkerPool({ workerFile: options.exportWorker ?? null, databaseFile: databasePath(options.dataDir) }));
    const backups = backupsFor(options, db, host);
    const server = await startServer({
      engine,
      rooms,
      jobs,
      backups: backups.routes,
      token: options.token,
      projectorToken,
      rendererDir: options.rendererDir,
      port,
      ...(options.lan ? { lan: options.lan } : {}),
      ...(options.sendLimits ? { sendLimits: options.sendLimits } : {}),
      readOnly: opened.readOnly,
    });
    backups.service.start();
    return { engine, rooms, db, server, backups: backups.service, jobs, recoveredFrom: opened.recoveredFrom, readOnly: opened.readOnly, notices: opened.notices };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Starts the whole host in this process: used by main.ts and by integration tests alike.
 * Without `lan` no room ever listens on the network (tests offer 127.0.0.2 there).
 * The data folder is taken first (one writer per folder): a second host is refused with
 * DataFolderBusyError before it opens anything; a folder or file it cannot use gives a StorageError.
 * Restoring a backup closes the parts and opens them again on the same port and tokens, under the
 * same lock.
 */
export async function startHost(options: StartOptions): Promise<RunningHost> {
  const lock = acquireDataFolderLock(options.dataDir);
  const projectorToken = options.projectorToken ?? randomBytes(24).toString('hex');
  let parts: Parts;
  const closeParts = async (finalBackup: boolean) => {
    await parts.server.close();
    // Jobs still running are stopped: nothing of them is saved or applied.
    await parts.jobs.close();
    // A database closed under the host (a test, a failed restore) gets no backup at shutdown.
    await parts.backups.stop(finalBackup && parts.db.open);
    parts.db.close();
  };
  let reopening: Promise<void> = Promise.resolve();
  const backupHost: BackupHost = {
    reopen(keptAs) {
      reopening = reopenOnRestored(options.dataDir, keptAs, () => closeParts(false), async () => {
        parts = await openParts(options, parts.server.port, projectorToken, backupHost);
      });
      return reopening;
    },
  };
  try {
    parts = await openParts(options, options.port, projectorToken, backupHost);
  } catch (error) {
    lock.release();
    // The engine writes its first rows at start; a full disk there is the same problem as at open.
    if (runtimeStorageCode(error) !== null) {
      const verdict = classifyOpenError(error, options.dataDir, databasePath(options.dataDir));
      if (verdict !== 'damaged') throw new StorageError(verdict, { cause: error });
    }
    throw error;
  }
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
    get jobs() {
      return parts.jobs;
    },
    url: parts.server.url,
    facilitatorUrl: `${parts.server.url}?token=${options.token}`,
    projectorToken,
    databaseFile: databasePath(options.dataDir),
    recoveredFrom: parts.recoveredFrom,
    readOnly: parts.readOnly,
    notices: parts.notices,
    // The server closes first, so no command arrives during the backup taken at shutdown.
    async stop() {
      await reopening;
      await closeParts(true);
      lock.release();
    },
  };
}
