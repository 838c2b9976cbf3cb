import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataFolderLock, DataFolderBusyError, dataFolderHolder, LOCK_FILE } from '../../../../../electron/host/db/data-lock';
import { folderError, StorageError } from '../../../../../electron/host/db/storage-errors';
import { bindReadOnly, canMount, freshDir, mountTmpfs } from '../../../../support/storage-faults';

/**
 * One writer per data folder: the lock file, its holder, and how a lock left by a crash is told
 * apart from a live one, with real processes.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
let holderScript: string;
let scriptDir: string;

beforeAll(async () => {
  scriptDir = mkdtempSync(join(root, 'node_modules/.cache/eiland-lock-test-'));
  holderScript = join(scriptDir, 'holder.mjs');
  // A process that takes the folder, says whether it got it, and keeps it until killed.
  await build({
    stdin: {
      contents: `import { acquireDataFolderLock } from './electron/host/db/data-lock';
        try { acquireDataFolderLock(process.argv[2]); process.stdout.write('held\\n'); }
        catch (error) { process.stdout.write((error.name === 'DataFolderBusyError' ? 'busy ' + error.holder.pid : 'error ' + error.message) + '\\n'); }
        setInterval(() => {}, 1000);`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: holderScript,
    logLevel: 'warning',
  });
}, 60_000);
afterAll(() => rmSync(scriptDir, { recursive: true, force: true }));

const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const undo of cleanups.splice(0).reverse()) undo();
});

function folder(): string {
  const dir = freshDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a holder process on `dir`; resolves with its first line ('held', 'busy <pid>'). */
function holder(dir: string): Promise<{ child: ChildProcess; said: string; exited: Promise<void> }> {
  const child = spawn(process.execPath, [holderScript, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) done({ child, said: out.trim(), exited });
    });
    child.once('exit', (code) => fail(new Error(`holder exited with ${code}: ${out}`)));
  });
}

const lockJson = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; startedAt: number; host: string };

function busyError(fn: () => unknown): DataFolderBusyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFolderBusyError);
    return error as DataFolderBusyError;
  }
  throw new Error('expected DataFolderBusyError');
}

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('the data folder lock', () => {
  it('writes eiland.lock with this process and its start time, and removes it on release', () => {
    const dir = join(folder(), 'nieuw');
    const lock = acquireDataFolderLock(dir);
    expect(existsSync(dir)).toBe(true);
    const json = lockJson(dir);
    expect(json.pid).toBe(process.pid);
    expect(Math.abs(json.startedAt - performance.timeOrigin)).toBeLessThan(2);
    expect(lock.holder).toEqual({ pid: process.pid, startedAt: json.startedAt });
    expect(dataFolderHolder(dir)).toEqual(lock.holder);
    lock.release();
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(dataFolderHolder(dir)).toBeNull();
    acquireDataFolderLock(dir).release();
  });

  it('refuses a second holder in the same process, naming the first, and leaves its lock alone', () => {
    const dir = folder();
    const first = acquireDataFolderLock(dir);
    const before = readFileSync(join(dir, LOCK_FILE), 'utf8');
    const error = busyError(() => acquireDataFolderLock(dir));
    expect(error.holder).toEqual(first.holder);
    expect(error.message).toContain(String(process.pid));
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(before);
    first.release();
  });

  it('refuses while another process holds the folder, and takes it once that process was killed -9', async () => {
    const dir = folder();
    const other = await holder(dir);
    expect(other.said).toBe('held');
    const error = busyError(() => acquireDataFolderLock(dir));
    expect(error.holder.pid).toBe(other.child.pid);
    expect(dataFolderHolder(dir)?.pid).toBe(other.child.pid);
    other.child.kill('SIGKILL');
    await other.exited;
    expect(lockJson(dir).pid).toBe(other.child.pid); // a crash leaves the file behind…
    expect(dataFolderHolder(dir)).toBeNull(); // …but nobody holds it
    const lock = acquireDataFolderLock(dir);
    expect(lockJson(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose process has ended, or whose pid now belongs to another process', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: Date.now() - 60_000, host: hostname() }));
    acquireDataFolderLock(dir).release();
    // This process's own pid, written by an earlier process (containers hand out the same pids again).
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, startedAt: Date.now() - 60_000, host: hostname() }));
    acquireDataFolderLock(dir).release();
    if (existsSync('/proc/sys/kernel/random/boot_id')) {
      // pid 1 lives, but it is not the process that wrote this lock: its start tick differs.
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, startedAt: 0, host: hostname(), bootId: boot, startTicks: 123_456_789 }));
      acquireDataFolderLock(dir).release();
      // Written before the last reboot: nothing from then can still hold it.
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, startedAt: 0, host: hostname(), bootId: 'another-boot', startTicks: 1 }));
      acquireDataFolderLock(dir).release();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('counts a live process without start details, or a holder on another computer, as holding', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, startedAt: 1_700_000_000_000, host: hostname() }));
    expect(busyError(() => acquireDataFolderLock(dir)).holder).toEqual({ pid: process.ppid, startedAt: 1_700_000_000_000 });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: 1_700_000_000_000, host: 'de-andere-laptop' }));
    busyError(() => acquireDataFolderLock(dir));
    expect(dataFolderHolder(dir)?.startedAt).toBe(1_700_000_000_000);
  });

  it('takes over an unreadable lock file only after giving its writer a moment', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    const started = Date.now();
    const lock = acquireDataFolderLock(dir);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(lockJson(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('never removes a lock that is not its own on release', () => {
    const dir = folder();
    const lock = acquireDataFolderLock(dir);
    const someoneElse = JSON.stringify({ pid: 4242, startedAt: 1, host: 'elders' });
    writeFileSync(join(dir, LOCK_FILE), someoneElse);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(someoneElse);
  });

  it('lets exactly one of six processes starting at once over a stale lock have the folder', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), startedAt: 1, host: hostname() }));
    const results = await Promise.all(Array.from({ length: 6 }, () => holder(dir)));
    const winners = results.filter((r) => r.said === 'held');
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.child.pid;
    expect(results.filter((r) => r.said === `busy ${winner}`)).toHaveLength(5);
    expect(lockJson(dir).pid).toBe(winner);
  });

  it(`on a full disk says so and leaves no empty lock file behind (${canMount() ? 'a full tmpfs' : 'ENOSPC mapped'})`, () => {
    if (!canMount()) {
      expect(folderError(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), '/d').problem).toMatchObject({ kind: 'disk_full', path: '/d' });
      return;
    }
    const disk = mountTmpfs(256 * 1024);
    cleanups.push(disk.remove);
    disk.fill();
    let thrown: unknown;
    try {
      acquireDataFolderLock(disk.dir);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as StorageError).problem).toMatchObject({ kind: 'disk_full', path: disk.dir });
    expect(readdirSync(disk.dir)).toEqual(['filler.bin']);
    disk.free();
    acquireDataFolderLock(disk.dir).release();
  });

  it(`refuses a folder it cannot write with the cause, making no lock file (${canMount() ? 'a read-only bind mount' : 'EROFS mapped'})`, () => {
    if (!canMount()) {
      expect(folderError(Object.assign(new Error('read-only file system'), { code: 'EROFS' }), '/d').problem).toMatchObject({ kind: 'read_only_folder', path: '/d' });
      return;
    }
    const dir = folder();
    mkdirSync(join(dir, 'sub'));
    cleanups.push(bindReadOnly(dir));
    let thrown: unknown;
    try {
      acquireDataFolderLock(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageError);
    expect((thrown as StorageError).problem).toMatchObject({ kind: 'read_only_folder', path: dir });
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});
