import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/host';
import { fillSession } from '../export/session-fixture';
import { TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { openRoom, TestClient } from '../../support/ws-client';
import { backupApi, integrity, withEngineOn } from './backup-support';
import { rmSync } from 'node:fs';

/**
 * A backup taken while 20 phones keep adding notes: it opens, passes integrity_check, and holds
 * every note whose command was acknowledged before the backup was asked for. Commands go on being
 * acknowledged while it is written: the host is not held up by it.
 */
const PHONES = 20;

describe('a backup while 20 phones send commands', () => {
  let host: RunningHost;
  let dataDir: string;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir('eiland-backup-phones-');
    host = await startHost({ dataDir, port: 0, token: TEST_TOKEN, rendererDir: join(dataDir, 'none') });
    // A session of some size, so the backup takes long enough for commands to arrive during it.
    fillSession(host.engine, { id: 's1', notes: 3000, points: 10, participants: 10 });
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds every command acknowledged before it started, and is whole', async () => {
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    clients.push(facilitator);
    const code = await openRoom(facilitator, 's1');
    const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => TestClient.phone(host.url, code, `Deelnemer ${i + 1}`)));
    clients.push(...phones);

    const acked: { id: string; at: number }[] = [];
    let sending = true;
    const loops = phones.map(async (phone, p) => {
      for (let k = 0; sending; k += 1) {
        const id = `p${p}-n${k}`;
        const reply = await phone.command('s1', { type: 'note.add', id, zoneId: ['ik', 'wij', 'het'][k % 3] as string, text: `Telefoon ${p}, notitie ${k}` });
        if (reply.t !== 'ack') throw new Error(`${id} refused: ${JSON.stringify(reply)}`);
        acked.push({ id, at: performance.now() });
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 400));
    const askedAt = performance.now();
    const before = acked.map((entry) => entry.id);
    const answer = await backupApi(host.url, TEST_TOKEN, '/now', {});
    const answeredAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    sending = false;
    await Promise.all(loops);

    expect(answer.status).toBe(200);
    const newest = answer.body.backups[0];
    expect(newest?.folder).toBe('local');
    const file = join(dataDir, 'backups', newest?.name ?? '');
    expect(integrity(file)).toBe('ok');
    expect(before.length).toBeGreaterThan(PHONES);
    const during = acked.filter((entry) => entry.at > askedAt && entry.at < answeredAt).length;
    expect(during, 'commands acknowledged while the backup was written').toBeGreaterThan(0);

    const inBackup = withEngineOn(file, (engine) => new Set(Object.keys(engine.session('s1')?.notes ?? {})));
    const missing = before.filter((id) => !inBackup.has(id));
    expect(missing).toEqual([]);
    expect(inBackup.size).toBeGreaterThanOrEqual(3000 + before.length);
  }, 60_000);
});
