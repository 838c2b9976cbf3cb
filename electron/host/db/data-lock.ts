import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { FolderHolder } from '../../../shared/storage';
import { codeOf, folderError } from './storage-errors';

/**
 * One writer per data folder. The host (and the command line while it imports or makes the demo)
 * holds `<dataDir>/eiland.lock` for as long as it runs; a second one is refused before it touches
 * anything, with the holder's process id and start time to tell the person.
 *
 * Why a lock file made with O_EXCL and a liveness check, not an OS byte-range lock: Node has no
 * flock/fcntl, SQLite's exclusive locking mode would also shut out the command line's readers (which
 * must work next to a running host), and proper-lockfile's heartbeat on mtime calls a suspended
 * laptop's lock stale. Creating a file with O_EXCL is atomic on every local file system, and a lock
 * left by a crash is told apart from a live one by asking the OS about the process:
 * - on Linux exactly: the boot id and the process's start tick in /proc must match what the holder
 *   wrote, so a reused pid (common in containers) or a reboot never keeps a dead lock alive;
 * - elsewhere the pid must be alive (`kill(pid, 0)`); a rare reuse errs on the side of refusing,
 *   and the message says which file to remove;
 * - a holder on another computer (a shared folder) is always taken as alive.
 * A stale lock is moved aside with rename (atomic) and checked to be the one judged stale before it
 * is removed; if another starter had taken the folder in between, its lock is put back.
 */

export const LOCK_FILE = 'eiland.lock';

/** What the lock file holds: `pid` and `startedAt` for people, the rest to judge liveness exactly. */
interface LockRecord extends FolderHolder {
  host: string;
  bootId?: string;
  startTicks?: number;
}

export interface DataFolderLock {
  readonly dataDir: string;
  readonly holder: FolderHolder;
  /** Gives the folder free; safe to call twice, and never removes a lock that is not this one's. */
  release(): void;
}

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: FolderHolder,
  ) {
    super(`The data folder ${dataDir} is in use by process ${holder.pid} (started ${new Date(holder.startedAt).toISOString()})`);
    this.name = 'DataFolderBusyError';
  }
}

/** Folders this process holds: its own pid in a lock file means "held" only when it is in here. */
const heldHere = new Set<string>();

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function procStartTicks(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return undefined;
  // The command name in parentheses may contain spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]); // field 22 of proc(5): starttime, counted from field 3
  return Number.isFinite(ticks) ? ticks : undefined;
}

const bootId = (): string | undefined => readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;

function ownRecord(): LockRecord {
  const record: LockRecord = { pid: process.pid, startedAt: Math.round(performance.timeOrigin), host: hostname() };
  const boot = bootId();
  const ticks = procStartTicks(process.pid);
  if (boot !== undefined && ticks !== undefined) Object.assign(record, { bootId: boot, startTicks: ticks });
  return record;
}

function parse(text: string | null): LockRecord | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<LockRecord>;
    if (!Number.isInteger(value.pid) || typeof value.startedAt !== 'number') return null;
    return value as LockRecord;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM'; // it exists, it is just not ours
  }
}

function isLive(record: LockRecord, dataDir: string): boolean {
  if (typeof record.host === 'string' && record.host !== hostname()) return true;
  if (record.pid === process.pid) return heldHere.has(dataDir);
  if (record.bootId !== undefined && record.startTicks !== undefined) {
    const boot = bootId();
    if (boot !== undefined) return boot === record.bootId && procStartTicks(record.pid) === record.startTicks;
  }
  return processAlive(record.pid);
}

const sameRecord = (a: LockRecord | null, b: LockRecord | null) => a !== null && b !== null && a.pid === b.pid && a.startedAt === b.startedAt && a.host === b.host;

/** A file some other starter is still writing (empty or cut JSON) is given this long before it counts as left over. */
const UNFINISHED_GRACE_MS = 2000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads the lock's holder, waiting briefly while another starter is still writing the file.
 * Null when there is no lock file; `stale` when one is there but no live process holds it.
 */
function readHolder(path: string, dataDir: string): { record: LockRecord | null; live: boolean } | null {
  const deadline = Date.now() + UNFINISHED_GRACE_MS;
  for (;;) {
    const text = readText(path);
    if (text === null) return null;
    const record = parse(text);
    if (record !== null) return { record, live: isLive(record, dataDir) };
    if (Date.now() >= deadline) return { record: null, live: false };
    sleep(50);
  }
}

/** Moves a stale lock out of the way; false when someone else changed it meanwhile (try again). */
function removeStale(path: string, judged: LockRecord | null): boolean {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = parse(readText(aside));
  if (judged === null ? moved !== null : !sameRecord(moved, judged)) {
    // A starter took the folder between our look and our move: give its lock back.
    renameSync(aside, path);
    return false;
  }
  unlinkSync(aside);
  return true;
}

function createExclusively(path: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } catch (error) {
    // A full disk makes the file but not its content: leave no empty lock behind.
    closeSync(fd);
    unlinkSync(path);
    throw error;
  }
  closeSync(fd);
  return true;
}

/**
 * Takes the data folder for this process, making the folder if needed. Throws DataFolderBusyError
 * when a live process holds it, and a StorageError when the folder cannot be written (full disk,
 * no permission, read-only): in every case nothing in the folder was changed.
 */
export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  const record = ownRecord();
  try {
    mkdirSync(dir, { recursive: true });
    for (let attempt = 0; ; attempt += 1) {
      if (createExclusively(path, record)) break;
      const found = readHolder(path, dir);
      if (found?.live && found.record) throw new DataFolderBusyError(dir, { pid: found.record.pid, startedAt: found.record.startedAt });
      // Someone keeps taking and giving the folder back: as busy as it gets, but there is no holder to name.
      if (attempt >= 5) throw new Error(`the lock file ${path} kept changing`);
      if (found) removeStale(path, found.record);
    }
  } catch (error) {
    if (error instanceof DataFolderBusyError) throw error;
    throw folderError(error, dir);
  }
  heldHere.add(dir);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(dir);
    process.off('exit', release);
    if (sameRecord(parse(readText(path)), record)) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone (the folder was removed): nothing left to give free.
      }
    }
  };
  // A normal exit gives the folder free even if nobody called release; a crash leaves a stale lock.
  process.on('exit', release);
  return { dataDir: dir, holder: { pid: record.pid, startedAt: record.startedAt }, release };
}

/** Who holds the data folder right now, or null when nobody does (no lock file, or a stale one). */
export function dataFolderHolder(dataDir: string): FolderHolder | null {
  const dir = resolve(dataDir);
  const found = readHolder(join(dir, LOCK_FILE), dir);
  if (!found?.live || found.record === null) return null;
  return { pid: found.record.pid, startedAt: found.record.startedAt };
}
