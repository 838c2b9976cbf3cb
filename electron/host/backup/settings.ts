import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The backup settings live in a small JSON file in the data folder, not in the database: restoring
 * a backup must not change where backups go.
 */
export interface BackupSettings {
  /** The second folder for backups (a USB stick, a synced folder), or null. */
  secondFolder: string | null;
}

const FILE = 'backup-settings.json';

export function readSettings(dataDir: string): BackupSettings {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { secondFolder?: unknown };
    return { secondFolder: typeof parsed.secondFolder === 'string' && parsed.secondFolder !== '' ? parsed.secondFolder : null };
  } catch {
    // Missing or unreadable: no second folder. Backups beside the data go on regardless.
    return { secondFolder: null };
  }
}

export async function writeSettings(dataDir: string, settings: BackupSettings): Promise<void> {
  const file = join(dataDir, FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
