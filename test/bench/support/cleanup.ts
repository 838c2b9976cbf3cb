import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Last-resort cleanup. Benchmarks stop what they start themselves; these actions only matter when
 * a benchmark crashes or is stopped by the runner. They run on process exit, so they are synchronous.
 */
const actions = new Set<() => void>();

/** Registers an action for exit; call the returned function once the thing is cleaned up normally. */
export function atExit(action: () => void): () => void {
  actions.add(action);
  return () => actions.delete(action);
}

export function runExitActions(): void {
  for (const action of [...actions].reverse()) {
    try {
      action();
    } catch {
      // A failing cleanup must not stop the others.
    }
  }
  actions.clear();
}

/** A fresh temp folder that is removed at exit even if the benchmark fails. */
export function makeTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(path, { recursive: true, force: true });
  const forget = atExit(remove);
  return {
    path,
    remove() {
      forget();
      remove();
    },
  };
}

/** Sends a signal to a whole process group (a child spawned with `detached: true`); false if it is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
