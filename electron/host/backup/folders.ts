import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { BackupError, classify } from './errors';
import { backupTime, PARTIAL_SUFFIX } from './names';
import { namesToDelete } from './rotation';

/** The file system side of a backup folder; async, so a slow USB stick never holds the host loop. */

export interface FolderBackup {
  name: string;
  path: string;
  at: number;
  bytes: number;
}

/** The complete backups in a folder, newest first; a folder that is not there has none. */
export async function listBackups(folder: string): Promise<FolderBackup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const found: FolderBackup[] = [];
  for (const name of names) {
    const at = backupTime(name);
    if (at === null) continue;
    try {
      const info = await stat(join(folder, name));
      if (info.isFile()) found.push({ name, path: join(folder, name), at, bytes: info.size });
    } catch {
      // removed meanwhile (rotation in another process): not a backup any more
    }
  }
  return found.sort((a, b) => b.at - a.at);
}

/** Removes what a crash (kill -9, power cut) left half-written; such a file was never a backup. */
export async function removePartials(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith('.eiland-') && (name.endsWith(PARTIAL_SUFFIX) || /\.partial-(journal|wal|shm)$/.test(name)))
      .map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)),
  );
}

/** Deletes the backups rotation does not keep (rotation.ts); returns their names. */
export async function rotate(folder: string, now: number): Promise<string[]> {
  const names = (await listBackups(folder)).map((backup) => backup.name);
  const doomed = namesToDelete(names, now);
  for (const name of doomed) await rm(join(folder, name), { force: true });
  return doomed;
}

/** Makes `backups/` beside the data; the data folder itself must already be there. */
export async function ensureLocalFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw classify(error, folder);
  }
}

/** A folder that must be there already (a USB stick, a synced folder): Eiland never creates it. */
export async function requireFolder(folder: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' || code === 'ENOTDIR' ? new BackupError('folder_missing', folder) : classify(error, folder);
  }
  if (!info.isDirectory()) throw new BackupError('folder_missing', folder);
}

/**
 * Checks a folder the facilitator chose as the second place for backups: an absolute path, there,
 * writable (a small probe file is written and removed), and not the data folder's own backups.
 * Returns the folder as it will be stored.
 */
export async function checkSecondFolder(given: string, localFolder: string): Promise<string> {
  const trimmed = given.trim();
  if (!isAbsolute(trimmed)) throw new BackupError('folder_not_absolute', trimmed);
  const folder = resolve(trimmed);
  if (folder === resolve(localFolder)) throw new BackupError('folder_is_local', folder);
  await requireFolder(folder);
  const probe = join(folder, `.eiland-probe-${randomBytes(4).toString('hex')}${PARTIAL_SUFFIX}`);
  try {
    await writeFile(probe, 'eiland');
  } catch (error) {
    throw classify(error, folder);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return folder;
}
