import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/host';
import { TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { send } from '../../unit/electron/host/export/temp-engine';
import { backupApi, integrity } from './backup-support';

/** The second folder in the settings: checked when chosen, and a stick pulled out later is said plainly. */
describe('the second backup folder', () => {
  let host: RunningHost;
  let dataDir: string;
  let stick: string;

  beforeAll(async () => {
    dataDir = tempDataDir('eiland-backup-settings-');
    stick = mkdtempSync(join(tmpdir(), 'eiland-stick-'));
    host = await startHost({ dataDir, port: 0, token: TEST_TOKEN, rendererDir: join(dataDir, 'none') });
    send(host.engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Sessie', group: '', date: '2026-03-15', templateId: 'lemniscaat-ik-wij-het' });
  });

  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stick, { recursive: true, force: true });
  });

  it('refuses a folder that is not there, not a full path, or the backups beside the data, and keeps the setting', async () => {
    const cases: [string, string, string][] = [
      [join(stick, 'nowhere'), 'folder_missing', `De map ${join(stick, 'nowhere')} is er niet. Zit de USB-stick erin? Je gegevens zelf zijn niet aangeraakt.`],
      ['usb/eiland', 'folder_not_absolute', 'Geef het volledige pad van de map, bijvoorbeeld E:\\Eiland of /media/usb/eiland.'],
      [join(dataDir, 'backups'), 'folder_is_local', 'In deze map maakt Eiland al reservekopieën. Kies een andere plek, zoals een USB-stick.'],
    ];
    for (const [folder, code, message] of cases) {
      expect(await backupApi(host.url, TEST_TOKEN, '/settings', { secondFolder: folder })).toMatchObject({ status: 400, body: { code, message } });
    }
    expect(await backupApi(host.url, TEST_TOKEN, '/settings', { secondFolder: 5 })).toMatchObject({ status: 400, body: { code: 'bad_request' } });
    expect((await backupApi(host.url, TEST_TOKEN)).body.second).toBeNull();
  });

  it('backs up there at once, and when the stick is gone says so while the backups beside the data go on', async () => {
    const chosen = await backupApi(host.url, TEST_TOKEN, '/settings', { secondFolder: stick });
    expect(chosen.status).toBe(200);
    expect(chosen.body.second).toMatchObject({ path: stick, error: null });
    expect(chosen.body.second?.lastGoodAt).toBe(chosen.body.local.lastGoodAt);
    expect(JSON.parse(readFileSync(join(dataDir, 'backup-settings.json'), 'utf8'))).toEqual({ secondFolder: stick });

    rmSync(stick, { recursive: true });
    const status = await backupApi(host.url, TEST_TOKEN);
    expect(status.body.second?.error?.code).toBe('folder_missing');
    expect(status.body.second?.lastGoodAt).toBe(chosen.body.second?.lastGoodAt);

    send(host.engine, 's1', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Een notitie' });
    const now = await backupApi(host.url, TEST_TOKEN, '/now', {});
    expect(now.status).toBe(200);
    expect(now.body.local.lastGoodAt).toBeGreaterThan(chosen.body.local.lastGoodAt ?? 0);
    expect(now.body.second).toMatchObject({ path: stick, error: { code: 'folder_missing' } });
    expect(integrity(host.databaseFile)).toBe('ok');
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    expect(await facilitator.command('s1', { type: 'note.add', id: 'n2', zoneId: 'wij', text: 'Nog een' })).toMatchObject({ t: 'ack' });
    facilitator.close();
    expect(Object.keys(host.engine.session('s1')?.notes ?? {}).sort()).toEqual(['n1', 'n2']);

    const cleared = await backupApi(host.url, TEST_TOKEN, '/settings', { secondFolder: null });
    expect(cleared.body.second).toBeNull();
  });
});
