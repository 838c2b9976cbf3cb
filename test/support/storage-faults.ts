import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real storage faults for tests: a small tmpfs that fills up, a read-only bind mount, an immutable
 * file (chattr +i). As root, chmod does not stop writes, so these are the honest ways to make a disk
 * full or a folder read-only; they need root with CAP_SYS_ADMIN / CAP_LINUX_IMMUTABLE (these CI
 * machines have both). Where they cannot be made, `available()` says so and the tests use the
 * injected equivalent (a SQLite or errno error through the open seam) instead of skipping.
 * EILAND_FAULTS=injected runs the injected variants here too.
 */

const injectedOnly = process.env.EILAND_FAULTS === 'injected';

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });

function probe(action: (dir: string) => void): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-fault-probe-'));
  try {
    action(dir);
    return true;
  } catch {
    return false;
  } finally {
    try {
      run('umount', [dir]);
    } catch {}
    try {
      run('chattr', ['-i', dir]);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
}

let mounts: boolean | undefined;
let immutables: boolean | undefined;

/** Whether this machine lets a test mount a tmpfs or a read-only bind mount. */
export function canMount(): boolean {
  mounts ??= !injectedOnly && process.getuid?.() === 0 && probe((dir) => run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]));
  return mounts;
}

/** Whether this machine lets a test make a file immutable (chattr +i: not even root may write it). */
export function canMakeImmutable(): boolean {
  immutables ??= !injectedOnly && process.getuid?.() === 0 && probe((dir) => run('chattr', ['+i', dir]));
  return immutables;
}

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the disk is full. */
  fill(): void;
  /** Removes the filler: the disk has room again. */
  free(): void;
  remove(): void;
}

/** A tmpfs of `bytes` at a new folder. */
export function mountTmpfs(bytes: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-tmpfs-'));
  run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch {
        // ENOSPC: full
      } finally {
        closeSync(fd);
      }
    },
    free() {
      unlinkSync(filler);
    },
    remove() {
      run('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Mounts `dir` onto itself read-only (EROFS for every write); returns the undo. */
export function bindReadOnly(dir: string): () => void {
  run('mount', ['--bind', dir, dir]);
  run('mount', ['-o', 'remount,ro,bind', dir]);
  return () => run('umount', [dir]);
}

/** chattr +i: the file (or folder) cannot be changed, renamed or removed, not even by root; returns the undo. */
export function makeImmutable(path: string): () => void {
  run('chattr', ['+i', path]);
  return () => run('chattr', ['-i', path]);
}

/** A folder for a test, made inside `parent` when given. */
export function freshDir(parent?: string): string {
  if (parent === undefined) return mkdtempSync(join(tmpdir(), 'eiland-storage-'));
  const dir = join(parent, `data-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return dir;
}

/**
 * Makes a file read-only for this process: immutable as root (chmod does not stop root), chmod
 * otherwise. Throws where neither works (root without CAP_LINUX_IMMUTABLE). Returns the undo.
 */
export function makeReadOnlyFile(file: string): () => void {
  if (canMakeImmutable()) return makeImmutable(file);
  if (process.getuid?.() === 0) throw new Error('As root without CAP_LINUX_IMMUTABLE this machine cannot make a read-only file');
  chmodSync(file, 0o444);
  return () => chmodSync(file, 0o644);
}
