import { type BackupFolderKind, type BackupStatus, isBackupErrorCode } from '../../../shared/backup';
import type { MessageKey, MessageParams } from '../../../shared/i18n/messages';
import { type PageLocation, tokenOf } from '../client/url';

/**
 * The host's backup routes (electron/host/backup/http-routes.ts), seen from the facilitator page.
 * Every call ends in a value or in a message key with its parameters; none throws.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: MessageKey; params?: MessageParams };

/** A backup of a large database on a slow USB stick takes seconds; never a hanging spinner. */
const TIMEOUT_MS = 120_000;

async function call<T>(path: string, body: unknown, location: PageLocation): Promise<Outcome<T>> {
  const token = tokenOf(location);
  try {
    const response = await fetch(`/api/backups${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer: unknown = await response.json().catch(() => null);
    if (response.ok && answer !== null) return { ok: true, value: answer as T };
    const { code, folder } = (answer ?? {}) as { code?: unknown; folder?: unknown };
    if (response.status === 401) return { ok: false, reason: 'error.unauthorized' };
    if (isBackupErrorCode(code)) return { ok: false, reason: `backup.error.${code}`, params: { folder: typeof folder === 'string' ? folder : '' } };
    return { ok: false, reason: 'backup.error.failed' };
  } catch {
    return { ok: false, reason: 'harvest.error.noHost' };
  }
}

export const fetchBackupStatus = (location: PageLocation = window.location) => call<BackupStatus>('', undefined, location);

export const backUpNow = (location: PageLocation = window.location) => call<BackupStatus>('/now', {}, location);

export const chooseSecondFolder = (secondFolder: string | null, location: PageLocation = window.location) =>
  call<BackupStatus>('/settings', { secondFolder }, location);

export const restoreBackup = (name: string, folder: BackupFolderKind, location: PageLocation = window.location) =>
  call<{ keptAs: string | null }>('/restore', { name, folder }, location);

/**
 * After a restore the host closes and opens again on the same address: wait until it answers,
 * then the page reloads onto the restored sessions.
 */
export async function waitForHost(location: PageLocation = window.location, timeoutMs = 30_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  await new Promise((resolve) => setTimeout(resolve, 300));
  while (Date.now() < until) {
    if ((await fetchBackupStatus(location)).ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Survives the reload, so the sessions screen can say what was restored and where the old data is. */
export const RESTORED_KEY = 'eiland.restoredKeptAs';
