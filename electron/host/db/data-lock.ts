import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Who holds a data folder: the host that runs on it writes `<dataDir>/eiland.lock` as JSON
 * `{ "pid": …, "startedAt": … }`. A lock whose process is gone (a crash, kill -9) is stale and
 * holds nothing. (Only the reading side is here; the host that writes it comes with the locking work.)
 */
export function dataFolderHolder(dataDir: string): { pid: number; startedAt: number } | null {
  let parsed: { pid?: unknown; startedAt?: unknown };
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, 'eiland.lock'), 'utf8')) as typeof parsed;
  } catch {
    return null;
  }
  const { pid, startedAt } = parsed;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || typeof startedAt !== 'number') return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process is there but belongs to someone else; it still holds the folder.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid, startedAt };
}
