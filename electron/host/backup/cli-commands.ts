import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locale } from '../../../shared/i18n/messages';
import { translate } from '../../../shared/i18n/messages';
import { dataFolderHolder } from '../db/data-lock';
import { databasePath } from '../db/open';
import { BackupError, classify } from './errors';
import { requireFolder } from './folders';
import { BACKUP_FOLDER, backupName, keptAsideName, partialName } from './names';
import { prepareRestore, swapInRestored } from './restore';
import { readSettings } from './settings';
import { copyDatabase } from './worker';
import { writeBackup } from './write';

/**
 * `npm run eiland -- backup [--to DIR]` and `npm run eiland -- restore FILE`, on a data folder no
 * host is running on (a running host makes its own backups and restores from its sessions screen).
 *
 * backup: into `backups/` beside the data and the second folder from the settings, rotated as the
 * host does; with --to DIR one backup into DIR only, nothing rotated there.
 * restore: the file is copied in and checked first; the current database is kept aside.
 */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const VALUE_FLAGS = new Set(['--data', '--lang', '--to']);

function flagValue(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index === -1) return undefined;
  const value = argv[index + 1];
  return value === undefined || value.startsWith('--') ? undefined : value;
}

function firstPositional(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.has(arg)) i += 1;
    else if (!arg.startsWith('--')) return arg;
  }
  return undefined;
}

function refuseWhileHeld(dataDir: string): void {
  const holder = dataFolderHolder(dataDir);
  if (holder !== null && holder.pid !== process.pid) throw new BackupError('host_running', dataDir);
}

async function backup(dataDir: string, argv: readonly string[], locale: Locale, io: CliOutput): Promise<number> {
  const to = flagValue(argv, '--to');
  if (argv.includes('--to') && to === undefined) throw new BackupError('folder_not_absolute', '');
  refuseWhileHeld(dataDir);
  const live = databasePath(dataDir);
  if (!existsSync(live)) throw new BackupError('no_data', dataDir);
  const now = Date.now();
  const name = backupName(now);
  const second = readSettings(dataDir).secondFolder;
  const targets: { kind: 'local' | 'second'; folder: string }[] =
    to !== undefined ? [{ kind: 'second', folder: resolve(to) }] : [{ kind: 'local', folder: join(dataDir, BACKUP_FOLDER) }, ...(second ? [{ kind: 'second' as const, folder: second }] : [])];
  let failures = 0;
  for (const { kind, folder } of targets) {
    try {
      const result = to !== undefined ? await writeOnce(folder, live, name) : await writeBackup(kind, folder, live, name, now);
      io.out(translate(locale, 'backup.cli.made', { file: join(folder, name), sessions: result.sessions }));
    } catch (error) {
      failures += 1;
      io.err(`Eiland: ${translate(locale, 'backup.cli.failed', { reason: classify(error, folder).text(locale) })}`);
    }
  }
  return failures === 0 ? 0 : 1;
}

/** --to DIR: one backup, and DIR is the user's own folder, so nothing there is rotated away. */
async function writeOnce(folder: string, live: string, name: string) {
  await requireFolder(folder);
  return copyDatabase({ source: live, temp: join(folder, partialName(name)), target: join(folder, name) }, folder);
}

async function restore(dataDir: string, argv: readonly string[], locale: Locale, io: CliOutput): Promise<number> {
  const file = firstPositional(argv);
  if (file === undefined) {
    io.err(`Eiland: ${translate(locale, 'backup.cli.whichFile')}`);
    return 2;
  }
  refuseWhileHeld(dataDir);
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError('not_found', source);
  const created = !existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true });
  let sessions: number;
  try {
    sessions = (await prepareRestore(source, dataDir)).sessions;
  } catch (error) {
    // A new laptop's data folder made for this restore goes again: a failed restore changes nothing.
    if (created) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { keptAs } = swapInRestored(dataDir, keptAsideName(Date.now()));
  io.out(translate(locale, 'backup.cli.restored', { file: source, sessions }));
  if (keptAs !== null) io.out(translate(locale, 'backup.cli.keptAs', { file: join(dataDir, keptAs) }));
  return 0;
}

/** Runs `backup` or `restore`; every failure is one plain line on stderr and a non-zero exit. */
export async function runBackupCommand(command: 'backup' | 'restore', dataDir: string, argv: readonly string[], locale: Locale, io: CliOutput): Promise<number> {
  try {
    return command === 'backup' ? await backup(dataDir, argv, locale, io) : await restore(dataDir, argv, locale, io);
  } catch (error) {
    io.err(`Eiland: ${classify(error, dataDir).text(locale)}`);
    return 1;
  }
}
