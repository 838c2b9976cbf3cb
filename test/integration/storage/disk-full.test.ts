import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import type { HostMessage } from '../../../shared/protocol';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { canMount, freshDir, mountTmpfs } from '../../support/storage-faults';
import { openRoom, TestClient } from '../../support/ws-client';

/**
 * The disk fills up while a session runs: every command is answered disk_full (not internal), the
 * facilitator and the phones hear what is wrong, nothing acknowledged is lost, the host keeps
 * running, and the same commands go through once there is room again. Two ways to fill it: a real
 * tmpfs filled to the last byte (where this machine can mount one), and SQLite's own page limit
 * (PRAGMA max_page_count), which gives the very SQLITE_FULL a full disk gives, anywhere.
 */

type RunningTestHost = Awaited<ReturnType<typeof startTestHost>>;

interface FullDisk {
  dataDir: string;
  fill(host: RunningTestHost): void;
  free(host: RunningTestHost): void;
  remove(): void;
}

function tmpfsDisk(): FullDisk {
  const disk = mountTmpfs(3 * 1024 * 1024);
  return { dataDir: freshDir(disk.dir), fill: () => disk.fill(), free: () => disk.free(), remove: disk.remove };
}

function pageLimit(): FullDisk {
  const dataDir = freshDir();
  return {
    dataDir,
    // The database may not grow by a single page: the next insert that needs one fails with SQLITE_FULL.
    fill: (host) => host.db.pragma(`max_page_count = ${host.db.pragma('page_count', { simple: true })}`),
    free: (host) => host.db.pragma('max_page_count = 4294967294'),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const disks: [string, () => FullDisk][] = canMount() ? [['a full tmpfs', tmpfsDisk], ['the page limit', pageLimit]] : [['the page limit', pageLimit]];

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const note = (id: string) => ({ type: 'note.add', id, zoneId: 'ik', text: `${id} ${'Wat we leerden van elkaar. '.repeat(17)}`.slice(0, 500) });

describe.each(disks)('a disk that fills up while running (%s)', (_name, make) => {
  it('answers disk_full to facilitator and phone, loses nothing acknowledged, and works again once space is freed', async () => {
    const disk = make();
    cleanups.push(disk.remove);
    let host = await startTestHost(disk.dataDir);
    cleanups.push(() => host.stop());
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    await facilitator.command('workspace', {
      type: 'session.create', id: 's1', programmeId: null, title: 'Stuurgroep', group: 'Stuurgroep', date: '2026-11-26', templateId: 'lemniscaat-ik-wij-het',
    });
    const code = await openRoom(facilitator, 's1');
    const phone = await TestClient.phone(host.url, code, 'Anna');
    cleanups.push(() => phone.close());
    const acked: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      expect(await facilitator.command('s1', note(`f${i}`), `cmd-f${i}`)).toMatchObject({ t: 'ack' });
      acked.push(`f${i}`);
    }

    disk.fill(host);
    let refused: { id: string; reply: HostMessage } | null = null;
    for (let i = 5; i < 3000 && refused === null; i += 1) {
      const reply = await facilitator.command('s1', note(`f${i}`), `cmd-f${i}`);
      if (reply.t === 'ack') acked.push(`f${i}`);
      else refused = { id: `f${i}`, reply };
    }
    expect(refused?.reply).toEqual({ t: 'error', id: `cmd-${refused?.id}`, code: 'disk_full', message: 'Disk full; nothing was changed' });
    const failedId = refused?.id as string;
    // Memory was put back: what was not written is not shown either.
    expect(host.engine.session('s1')?.notes[failedId]).toBeUndefined();
    expect(await phone.command('s1', note('p1'), 'cmd-p1')).toMatchObject({ t: 'error', code: 'disk_full' });
    expect(await facilitator.command('s1', note(failedId), `cmd-${failedId}`)).toMatchObject({ t: 'error', code: 'disk_full' });
    // The host keeps serving: reading works, and so does a ping.
    expect(await facilitator.subscribe('s1')).toMatchObject({ t: 'snapshot' });

    disk.free(host);
    expect(await facilitator.command('s1', note(failedId), `cmd-${failedId}`)).toMatchObject({ t: 'ack' });
    expect(await phone.command('s1', note('p1'), 'cmd-p1')).toMatchObject({ t: 'ack' });
    acked.push(failedId, 'p1');

    facilitator.close();
    phone.close();
    await host.stop();
    cleanups.pop();
    host = await startTestHost(disk.dataDir);
    cleanups.push(() => host.stop());
    const again = await TestClient.facilitator(host.url, TEST_TOKEN);
    cleanups.push(() => again.close());
    const snapshot = await again.subscribe('s1');
    const notes = Object.keys((snapshot as { state: SessionState }).state.notes);
    expect(notes.sort()).toEqual([...acked].sort());
    expect(host.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
