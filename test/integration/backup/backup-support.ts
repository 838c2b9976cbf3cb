import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupStatus } from '../../../shared/backup';
import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';

/** Calls the host's backup routes as the facilitator's page does. */
export async function backupApi(baseUrl: string, token: string, path = '', body?: unknown): Promise<{ status: number; body: BackupStatus & { code?: string; message?: string; keptAs?: string } }> {
  const response = await fetch(`${baseUrl}api/backups${path}`, {
    method: body === undefined && path === '' ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as BackupStatus & { code?: string; message?: string; keptAs?: string } };
}

/** `PRAGMA integrity_check` of a file, opened read-only as it lies. */
export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Opens a copy of a database file with the real engine, as a host started on it would. */
export function withEngineOn<T>(file: string, read: (engine: Engine) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-open-backup-'));
  try {
    copyFileSync(file, join(dir, 'eiland.sqlite'));
    const { db } = openDatabase(dir);
    try {
      return read(new Engine(new EventStore(db)));
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

