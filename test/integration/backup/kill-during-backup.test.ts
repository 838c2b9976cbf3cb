import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTime } from '../../../electron/host/backup/names';
import { tempDataDir } from '../../support/host-harness';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../../support/host-process';
import { tempEngine } from '../../unit/electron/host/export/temp-engine';
import { fillSession } from '../export/session-fixture';
import { backupApi, integrity, sleep, waitFor } from './backup-support';

/**
 * kill -9 of the host (its own process, as in the app) while it writes a backup: no file under a
 * backup's name is ever half, the backups made before are byte for byte what they were, and the
 * next start clears away what the killed one left half-written.
 */
const ROUNDS = 4;

describe('kill -9 during a backup', () => {
  let bundle: HostBundle;
  let dataDir: string;
  let host: HostProcess | null = null;
  const token = randomBytes(16).toString('hex');
  const backupsDir = () => join(dataDir, 'backups');
  const names = () => readdirSync(backupsDir());
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  beforeAll(async () => {
    bundle = await buildHostBundle();
    dataDir = tempDataDir('eiland-backup-kill-');
    // Big enough (about 4 MB) that a backup takes a while to write and check.
    const seeded = tempEngine(dataDir);
    fillSession(seeded.engine, { id: 's1', notes: 6_000, points: 30, participants: 20 });
    seeded.db.close();
  }, 120_000);

  afterAll(async () => {
    await host?.kill9();
    bundle?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`leaves no half backup and the earlier ones intact, over ${ROUNDS} kills`, async () => {
    host = await spawnHost(bundle.file, dataDir, token);
    for (let i = 0; i < 2; i += 1) expect((await backupApi(host.url, token, '/now', {})).status).toBe(200);
    await host.stop();

    let killedMidway = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const earlier = new Map(names().filter((name) => backupTime(name) !== null).map((name) => [name, sha(join(backupsDir(), name))]));
      host = await spawnHost(bundle.file, dataDir, token);
      void backupApi(host.url, token, '/now', {}).catch(() => undefined);
      // Kill as soon as the backup is being written, or a little later: while copying or checking.
      await waitFor(() => names().some((name) => name.endsWith('.partial')), 10_000, 'the backup to start');
      await sleep(round * 8);
      await host.kill9();
      if (names().some((name) => name.includes('.partial'))) killedMidway += 1;

      for (const [name, digest] of earlier) expect(sha(join(backupsDir(), name)), `${name} after kill ${round}`).toBe(digest);
      for (const name of names().filter((n) => backupTime(n) !== null)) expect(integrity(join(backupsDir(), name)), name).toBe('ok');
      expect(integrity(join(dataDir, 'eiland.sqlite'))).toBe('ok');
    }
    expect(killedMidway, 'kills that landed while a backup was half-written').toBeGreaterThan(0);

    host = await spawnHost(bundle.file, dataDir, token);
    const status = await backupApi(host.url, token);
    await waitFor(() => !names().some((name) => name.includes('.partial')), 5_000, 'the half-written files to be cleared');
    const complete = names().filter((name) => backupTime(name) !== null);
    expect(status.body.backups.map((backup) => backup.name).sort()).toEqual(complete.sort());
    expect(names().sort()).toEqual(complete.sort());
    expect(status.body.backups.every((backup) => backup.sessions === 1)).toBe(true);
    await host.stop();
  }, 180_000);
});
