import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../../../electron/host/backup/folders';
import { BackupService } from '../../../../../electron/host/backup/service';
import { send, tempEngine, type TempEngine } from '../export/temp-engine';

/**
 * When the host takes backups, with the timing shrunk from minutes to milliseconds: after the
 * changes have rested, at least every interval while they go on, at shutdown, and never for nothing.
 */
const TIMING = { restMs: 150, maxIntervalMs: 400, pollMs: 10, retryMs: 150 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backup schedule', () => {
  let live: TempEngine;
  let service: BackupService;
  let notes = 0;
  const extra: string[] = [];

  afterEach(async () => {
    await service?.stop(false);
    live?.cleanup();
    for (const dir of extra.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function start(timing = TIMING): BackupService {
    live = tempEngine();
    send(live.engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Sessie', group: '', date: '2026-03-15', templateId: 'lemniscaat-ik-wij-het' });
    service = new BackupService({ dataDir: live.dir, db: live.db, timing });
    service.start();
    return service;
  }
  const change = () => send(live.engine, 's1', { type: 'note.add', id: `n${++notes}`, zoneId: 'ik', text: `Notitie ${notes}` });
  const count = async () => (await listBackups(service.localFolder)).length;
  /** A backup takes its time on a busy machine: wait for it rather than guess how long. */
  const until = async (wanted: number, whileWaiting?: () => void) => {
    const deadline = Date.now() + 20_000;
    while ((await count()) < wanted && Date.now() < deadline) {
      whileWaiting?.();
      await sleep(TIMING.restMs / 5);
    }
    return count();
  };

  it('takes none while nothing changes, not even at shutdown', async () => {
    start();
    await sleep(TIMING.restMs * 3);
    expect(await count()).toBe(0);
    await service.stop(true);
    expect(await count()).toBe(0);
  });

  it('takes one once a change has rested, and no more until the next change', async () => {
    start();
    change();
    await sleep(TIMING.restMs / 3);
    expect(await count()).toBe(0);
    expect(await until(1)).toBe(1);
    await sleep(TIMING.restMs * 3);
    expect(service.running).toBe(false);
    expect(await count()).toBe(1);
    change();
    expect(await until(2)).toBe(2);
  });

  it('asks for no second backup of changes a backup on request already holds', async () => {
    // Looking only every 1.5 s, as the host looks every second: the backup is done before it looks.
    start({ ...TIMING, pollMs: 1_500 });
    change();
    await service.backupNow();
    expect(await count()).toBe(1);
    await sleep(1_500 * 2 + TIMING.restMs * 2);
    expect(await count()).toBe(1);
  });

  it('takes them at least every interval while changes never rest', async () => {
    // Changes every 30 ms never rest for 10 s: every backup here is one the interval forced.
    start({ ...TIMING, restMs: 10_000, maxIntervalMs: 300 });
    expect(await until(2, change)).toBeGreaterThanOrEqual(2);
  });

  it('takes one at shutdown when a change is not in a backup yet, holding that change', async () => {
    start();
    change();
    await service.stop(true);
    const backups = await listBackups(service.localFolder);
    expect(backups).toHaveLength(1);
    const restored = tempEngine(mkdtempSync(join(tmpdir(), 'eiland-open-')));
    extra.push(restored.dir);
    restored.db.close();
    rmSync(join(restored.dir, 'eiland.sqlite'));
    copyFileSync(backups[0]?.path ?? '', join(restored.dir, 'eiland.sqlite'));
    const reopened = restored.reopen();
    expect(Object.keys(reopened.engine.session('s1')?.notes ?? {})).toEqual([`n${notes}`]);
    reopened.db.close();
  });

  it('goes on beside the data when the second folder is gone, and says so', async () => {
    start();
    const second = mkdtempSync(join(tmpdir(), 'eiland-stick-'));
    extra.push(second);
    await service.setSecondFolder(second);
    expect(await listBackups(second)).toHaveLength(1);
    rmSync(second, { recursive: true });
    change();
    const run = await service.backupNow();
    expect(run.local).toMatchObject({ sessions: 1 });
    expect(run.second).toMatchObject({ code: 'folder_missing', folder: second });
    const status = await service.status();
    expect(status.local.lastGoodAt).not.toBeNull();
    expect(status.second?.error?.code).toBe('folder_missing');
    expect(status.backups.map((b) => b.folder)).toEqual(['local', 'local']);
    expect(status.backups.every((b) => b.sessions === 1)).toBe(true);
  });
});
