import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, type RunningHost } from '../../electron/host/host';
import { exportWorkerBundle } from './export-worker-bundle';

export const TEST_TOKEN = randomBytes(16).toString('hex');

export function tempDataDir(prefix = 'eiland-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real host on loopback with a real SQLite file in a temp folder. */
export async function startTestHost(dataDir = tempDataDir()): Promise<RunningHost & { dataDir: string; cleanup(): Promise<void> }> {
  const host = await startHost({ dataDir, port: 0, token: TEST_TOKEN, rendererDir: join(dataDir, 'no-renderer'), exportWorker: await exportWorkerBundle() });
  return {
    ...host,
    dataDir,
    async cleanup() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
