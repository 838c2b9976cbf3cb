import { join } from 'node:path';
import type { BackupFolderKind } from '../../../shared/backup';
import { ensureLocalFolder, requireFolder, rotate } from './folders';
import { partialName } from './names';
import { type CopyResult, copyDatabase } from './worker';

/**
 * Writes one backup named `name` into a folder and rotates that folder: `backups/` beside the data
 * is made when missing, a second folder must be there already (a stick that is not plugged in is
 * an error, not a folder to create on the laptop's own disk).
 */
export async function writeBackup(kind: BackupFolderKind, folder: string, source: string, name: string, now: number): Promise<CopyResult> {
  if (kind === 'local') await ensureLocalFolder(folder);
  else await requireFolder(folder);
  const result = await copyDatabase({ source, temp: join(folder, partialName(name)), target: join(folder, name) }, folder);
  // A backup that cannot be rotated away now is rotated away next time.
  await rotate(folder, now).catch(() => undefined);
  return result;
}
