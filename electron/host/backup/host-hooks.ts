import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BackupError } from './errors';
import type { BackupRoutes } from './http-routes';
import { keptAsideName, RESTORE_READY } from './names';
import { finishInterruptedRestore, prepareRestore, swapInRestored } from './restore';
import { BackupService, type BackupTiming, timingFromEnv } from './service';

/** What the backups need from the host (host.ts): to close and open itself around a restore. */
export interface BackupHost {
  reopen(keptAs: string): Promise<void>;
}

interface Options {
  dataDir: string;
  backupTiming?: Partial<BackupTiming>;
}

/**
 * The backups of an opened database and their routes for the host's router (http-routes.ts).
 * The caller starts the service once the server listens (`service.start()`).
 */
export function backupsFor(options: Options, db: Database.Database, host: BackupHost): { service: BackupService; routes: BackupRoutes } {
  const service = new BackupService({ dataDir: options.dataDir, db, timing: { ...timingFromEnv(process.env), ...options.backupTiming } });
  let restoring = false;
  const routes: BackupRoutes = {
    backups: service,
    async restore(path) {
      if (restoring) throw new BackupError('busy', null);
      restoring = true;
      try {
        await prepareRestore(path, options.dataDir);
      } catch (error) {
        restoring = false;
        throw error;
      }
      const keptAs = keptAsideName(Date.now());
      return { keptAs, reopen: () => void host.reopen(keptAs) };
    },
  };
  return { service, routes };
}

/** Before the database is opened: finishes a restore a crash interrupted (restore.ts). */
export function prepareDataFolder(dataDir: string): void {
  const outcome = finishInterruptedRestore(dataDir);
  if (outcome === 'finished') console.error('Eiland: het terugzetten van een reservekopie is afgemaakt.');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The host reopens in the same process rather than asking for a restart: in browser mode nothing
 * would start it again for the facilitator. The files are swapped only while the database is
 * closed; the server comes back on the same port and token, so the page just reloads.
 */
export async function reopenOnRestored(dataDir: string, keptAs: string, close: () => Promise<void>, open: () => Promise<void>): Promise<void> {
  await close();
  try {
    swapInRestored(dataDir, keptAs);
  } catch (error) {
    // The current database is still (or again) in place: open it as it was.
    console.error('Eiland: terugzetten mislukt; de huidige gegevens blijven in gebruik.', error);
    rmSync(join(dataDir, RESTORE_READY), { force: true });
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await open();
      return;
    } catch (error) {
      // Only a port taken by another program in these milliseconds can get here.
      if (attempt === 5) {
        console.error('Eiland: na het terugzetten kon Eiland niet opnieuw starten. Start Eiland opnieuw.', error);
        process.exit(1);
      }
      await sleep(200);
    }
  }
}
