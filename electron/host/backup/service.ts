import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupEntry, BackupErrorCode, BackupFolderKind, BackupStatus } from '../../../shared/backup';
import { databasePath } from '../db/open';
import { BackupError, classify } from './errors';
import { checkSecondFolder, type FolderBackup, listBackups, removePartials, requireFolder } from './folders';
import { BACKUP_FOLDER, backupName, backupTime } from './names';
import { readSettings, writeSettings } from './settings';
import { type CopyResult, countSessions } from './worker';
import { writeBackup } from './write';

/**
 * When backups are taken: once the database has rested `restMs` after its last change, at least
 * every `maxIntervalMs` while changes go on, and at shutdown; never when nothing changed. A failed
 * backup is tried again after `retryMs`. Injectable, so tests and benchmarks need not wait minutes.
 */
export interface BackupTiming {
  restMs: number;
  maxIntervalMs: number;
  /** How often the host looks whether the database changed (a cheap `SELECT total_changes()`). */
  pollMs: number;
  retryMs: number;
}

export const DEFAULT_TIMING: BackupTiming = { restMs: 60_000, maxIntervalMs: 15 * 60_000, pollMs: 1_000, retryMs: 60_000 };

/** EILAND_BACKUP_REST_MS, EILAND_BACKUP_INTERVAL_MS, EILAND_BACKUP_POLL_MS: for tests of the built host. */
export function timingFromEnv(env: NodeJS.ProcessEnv): Partial<BackupTiming> {
  const read = (name: string) => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const timing: Partial<BackupTiming> = {};
  const rest = read('EILAND_BACKUP_REST_MS');
  const interval = read('EILAND_BACKUP_INTERVAL_MS');
  const poll = read('EILAND_BACKUP_POLL_MS');
  if (rest !== undefined) timing.restMs = timing.retryMs = rest;
  if (interval !== undefined) timing.maxIntervalMs = interval;
  if (poll !== undefined) timing.pollMs = poll;
  return timing;
}

/** One backup: what happened in each folder (a result, or why it failed; null: no second folder). */
export interface BackupRun {
  name: string;
  local: CopyResult | BackupError;
  second: CopyResult | BackupError | null;
}

export interface BackupServiceOptions {
  dataDir: string;
  /** The host's connection: only read for its change counter, never written. */
  db: Database.Database;
  timing?: Partial<BackupTiming>;
  now?: () => number;
}

export class BackupService {
  readonly localFolder: string;
  private readonly timing: BackupTiming;
  private readonly now: () => number;
  private readonly changes: () => number;
  private secondFolder: string | null;
  private timer: NodeJS.Timeout | null = null;
  private seen: number;
  private lastChangeAt = 0;
  /** When the first change not yet in a backup was seen; null when the newest backup has it all. */
  private dirtySince: number | null = null;
  private retryAfter = 0;
  private lastAt = 0;
  private current: Promise<BackupRun> | null = null;
  private readonly errors: Record<BackupFolderKind, { code: BackupErrorCode; at: number } | null> = { local: null, second: null };
  /** The last good backup written in this run, so a folder that is gone (a pulled stick) still shows it. */
  private readonly lastGood: Record<BackupFolderKind, number | null> = { local: null, second: null };
  /** Sessions per backup file (`folder/name`); a backup never changes once it has its name. */
  private readonly sessionCounts = new Map<string, number | null>();

  constructor(private readonly options: BackupServiceOptions) {
    this.localFolder = join(options.dataDir, BACKUP_FOLDER);
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    const counter = options.db.prepare('SELECT total_changes()').pluck();
    this.changes = () => counter.get() as number;
    this.seen = this.changes();
    this.secondFolder = readSettings(options.dataDir).secondFolder;
  }

  /** Starts watching for changes; clears what a crash left half-written. */
  start(): void {
    void removePartials(this.localFolder);
    if (this.secondFolder) void removePartials(this.secondFolder);
    this.timer = setInterval(() => this.tick(), this.timing.pollMs);
    this.timer.unref();
  }

  /**
   * Stops watching and waits for a running backup. With `final`, takes one more when anything
   * changed since the last: the backup at shutdown. Call before the database is closed.
   */
  async stop(final: boolean): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
    if (!final) return;
    this.notice(this.now());
    if (this.dirtySince !== null) await this.backupNow();
  }

  get running(): boolean {
    return this.current !== null;
  }

  private notice(now: number): void {
    const count = this.changes();
    if (count === this.seen) return;
    this.seen = count;
    this.lastChangeAt = now;
    this.dirtySince ??= now;
  }

  private tick(): void {
    const now = this.now();
    this.notice(now);
    if (this.dirtySince === null || this.current !== null || now < this.retryAfter) return;
    const rested = now - this.lastChangeAt >= this.timing.restMs;
    const overdue = now - this.dirtySince >= this.timing.maxIntervalMs;
    if (rested || overdue) void this.backupNow();
  }

  /** Takes a backup now, after the one that is running (if any). Never throws: see BackupRun. */
  backupNow(): Promise<BackupRun> {
    const next = (this.current ?? Promise.resolve()).catch(() => undefined).then(() => this.runOnce());
    this.current = next;
    void next.finally(() => {
      if (this.current === next) this.current = null;
    });
    return next;
  }

  private async runOnce(): Promise<BackupRun> {
    const startedAt = this.now();
    // What changed up to now is in this backup: seen, so it does not ask for another one later.
    this.notice(startedAt);
    // Names must differ even when two backups start in the same millisecond.
    this.lastAt = Math.max(startedAt, this.lastAt + 1);
    const name = backupName(this.lastAt);
    const countAtStart = this.changes();
    const live = databasePath(this.options.dataDir);
    const local = await this.writeTo('local', this.localFolder, live, name);
    // The second copy is made from the verified local one, so both hold the same moment.
    const second = this.secondFolder === null ? null : await this.writeTo('second', this.secondFolder, local instanceof BackupError ? live : join(this.localFolder, name), name);
    const good = !(local instanceof BackupError) || (second !== null && !(second instanceof BackupError));
    if (good) {
      // A change made while the copy ran may or may not be in it: count it as not backed up.
      this.dirtySince = this.changes() === countAtStart ? null : startedAt;
      this.retryAfter = 0;
    } else {
      this.retryAfter = this.now() + this.timing.retryMs;
    }
    return { name, local, second };
  }

  private async writeTo(kind: BackupFolderKind, folder: string, source: string, name: string): Promise<CopyResult | BackupError> {
    try {
      const result = await writeBackup(kind, folder, source, name, this.now());
      this.sessionCounts.set(`${kind}/${name}`, result.sessions);
      this.errors[kind] = null;
      this.lastGood[kind] = backupTime(name);
      return result;
    } catch (error) {
      const failure = classify(error, folder);
      this.errors[kind] = { code: failure.code, at: this.now() };
      console.error(`Eiland: reservekopie mislukt. ${failure.text('nl')} (${failure.message})`);
      return failure;
    }
  }

  /**
   * Chooses the second folder (null: none). The folder must exist and be writable; a first backup
   * is written there at once, so the settings can show that it works.
   */
  async setSecondFolder(given: string | null): Promise<BackupRun | null> {
    const folder = given === null || given.trim() === '' ? null : await checkSecondFolder(given, this.localFolder);
    await writeSettings(this.options.dataDir, { secondFolder: folder });
    this.secondFolder = folder;
    this.errors.second = null;
    this.lastGood.second = null;
    return folder === null ? null : this.backupNow();
  }

  /** The path of a backup offered for restore, found by its name in one of the two folders. */
  async find(name: string, kind: BackupFolderKind): Promise<string> {
    const folder = kind === 'local' ? this.localFolder : this.secondFolder;
    if (folder === null || backupTime(name) === null) throw new BackupError('not_found', folder);
    const found = (await listBackups(folder)).find((backup) => backup.name === name);
    if (!found) throw new BackupError('not_found', folder);
    return found.path;
  }

  async status(): Promise<BackupStatus> {
    const second = this.secondFolder;
    const [local, remote] = await Promise.all([listBackups(this.localFolder), second ? listBackups(second) : Promise.resolve([])]);
    let secondError = this.errors.second;
    if (second) {
      try {
        await requireFolder(second);
      } catch (error) {
        // Said at once when the stick is pulled out, not only at the next backup.
        secondError = { code: classify(error, second).code, at: this.now() };
      }
    }
    const localNames = new Set(local.map((backup) => backup.name));
    const listed: [BackupFolderKind, FolderBackup][] = [
      ...local.map((backup): [BackupFolderKind, FolderBackup] => ['local', backup]),
      ...remote.filter((backup) => !localNames.has(backup.name)).map((backup): [BackupFolderKind, FolderBackup] => ['second', backup]),
    ];
    await this.countUnknown(listed);
    const backups: BackupEntry[] = listed
      .map(([folder, backup]) => ({ name: backup.name, folder, at: backup.at, bytes: backup.bytes, sessions: this.sessionCounts.get(`${folder}/${backup.name}`) ?? null }))
      .sort((a, b) => b.at - a.at);
    const newest = (listed: FolderBackup[], kind: BackupFolderKind) => Math.max(listed[0]?.at ?? 0, this.lastGood[kind] ?? 0) || null;
    return {
      local: { path: this.localFolder, lastGoodAt: newest(local, 'local'), error: this.errors.local },
      second: second ? { path: second, lastGoodAt: newest(remote, 'second'), error: secondError } : null,
      running: this.running,
      backups,
    };
  }

  private async countUnknown(listed: [BackupFolderKind, FolderBackup][]): Promise<void> {
    const unknown = listed.filter(([folder, backup]) => !this.sessionCounts.has(`${folder}/${backup.name}`));
    try {
      const counts = await countSessions(unknown.map(([, backup]) => backup.path));
      unknown.forEach(([folder, backup], index) => {
        this.sessionCounts.set(`${folder}/${backup.name}`, counts[index] ?? null);
      });
    } catch (error) {
      // The list still shows date and size; the count is only missing.
      console.error('Eiland: reservekopieën tellen mislukt', classify(error, null).message);
    }
  }
}
