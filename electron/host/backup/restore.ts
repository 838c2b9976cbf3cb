import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath } from '../db/open';
import { BackupError } from './errors';
import { RESTORE_PARTIAL, RESTORE_READY } from './names';
import { type CopyResult, copyDatabase } from './worker';

/**
 * Restoring a backup, in two halves so that nothing is lost whatever happens in between:
 *
 * 1. prepare (the host keeps running): the backup is copied into the data folder as
 *    eiland.restore-ready.sqlite and checked. Any failure here leaves everything as it was.
 * 2. swap (the database is closed): a marker file records the plan, the current database and its
 *    -wal/-shm files are renamed to eiland.before-restore-<time>.sqlite (kept, never deleted), and
 *    the ready copy becomes eiland.sqlite. A crash in the middle is finished at the next start
 *    (finishInterruptedRestore), because the marker says what was meant.
 */
const MARKER = 'eiland.restore-swap.json';
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export function prepareRestore(source: string, dataDir: string): Promise<CopyResult> {
  if (!existsSync(source)) return Promise.reject(new BackupError('not_found', source));
  return copyDatabase({ source, temp: join(dataDir, RESTORE_PARTIAL), target: join(dataDir, RESTORE_READY) }, dataDir);
}

function writeDurably(file: string, text: string): void {
  writeFileSync(file, text);
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves the current database aside as `keptAs` and puts the prepared copy in its place. */
export function swapInRestored(dataDir: string, keptAs: string): { keptAs: string | null } {
  if (!existsSync(join(dataDir, RESTORE_READY))) throw new BackupError('failed', dataDir, 'nothing prepared to restore');
  const hadDatabase = existsSync(databasePath(dataDir));
  writeDurably(join(dataDir, MARKER), JSON.stringify({ keptAs }));
  completeSwap(dataDir, keptAs);
  return { keptAs: hadDatabase ? keptAs : null };
}

function completeSwap(dataDir: string, keptAs: string): void {
  const live = databasePath(dataDir);
  const aside = join(dataDir, keptAs);
  // Side files first: a -wal left under the live name would be replayed into the restored file.
  const moved: string[] = [];
  for (const suffix of [...SIDE_FILES, '']) {
    if (existsSync(live + suffix) && !existsSync(aside + suffix)) {
      renameSync(live + suffix, aside + suffix);
      moved.push(suffix);
    }
  }
  try {
    renameSync(join(dataDir, RESTORE_READY), live);
  } catch (error) {
    // Put the current database back rather than leave the folder without one.
    for (const suffix of moved.reverse()) renameSync(aside + suffix, live + suffix);
    rmSync(join(dataDir, MARKER), { force: true });
    throw error;
  }
  rmSync(join(dataDir, MARKER), { force: true });
}

/**
 * At start, before the database is opened: finishes a swap a crash interrupted, and drops a
 * prepared copy whose swap never began (the backup it came from is still there).
 */
export function finishInterruptedRestore(dataDir: string): 'finished' | 'discarded' | null {
  for (const suffix of ['', '-journal']) rmSync(join(dataDir, RESTORE_PARTIAL + suffix), { force: true });
  const ready = join(dataDir, RESTORE_READY);
  let plan: { keptAs?: unknown } | null = null;
  try {
    plan = JSON.parse(readFileSync(join(dataDir, MARKER), 'utf8')) as { keptAs?: unknown };
  } catch {
    plan = null;
  }
  if (plan !== null && typeof plan.keptAs === 'string' && /^eiland\.before-restore-[\w-]+\.sqlite$/.test(plan.keptAs)) {
    if (existsSync(ready)) completeSwap(dataDir, plan.keptAs);
    else rmSync(join(dataDir, MARKER), { force: true });
    return 'finished';
  }
  rmSync(join(dataDir, MARKER), { force: true });
  if (!existsSync(ready)) return null;
  rmSync(ready, { force: true });
  return 'discarded';
}
