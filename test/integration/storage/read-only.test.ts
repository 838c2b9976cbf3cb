import { readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { freshDir, makeReadOnlyFile } from '../../support/storage-faults';
import { TestClient } from '../../support/ws-client';

/**
 * A database file that can only be read: the host starts anyway, shows and exports everything,
 * tells every client (its welcome) and answers every change with read_only; nothing is renamed,
 * and once the file can be written again the next start carries on with all the data.
 */

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const auth = { Authorization: `Bearer ${TEST_TOKEN}` };

describe('a read-only database file', () => {
  it('opens read-only with the welcome saying so, refuses changes as read_only, still exports, and carries on once writable', async () => {
    const dataDir = freshDir();
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let host = await startTestHost(dataDir);
    let facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    await facilitator.command('workspace', {
      type: 'session.create', id: 's1', programmeId: null, title: 'Managers', group: 'Managers', date: '2026-11-26', templateId: 'lemniscaat-ik-wij-het',
    });
    for (const id of ['n1', 'n2', 'n3']) await facilitator.command('s1', { type: 'note.add', id, zoneId: 'wij', text: `Notitie ${id}` });
    facilitator.close();
    await host.stop();

    const undo = makeReadOnlyFile(host.databaseFile);
    cleanups.push(undo);
    const before = readFileSync(host.databaseFile);
    host = await startTestHost(dataDir);
    cleanups.push(() => host.stop());
    expect(host.readOnly).toBe(true);
    expect(host.notices).toEqual([{ kind: 'read_only', path: host.databaseFile }]);

    facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    cleanups.push(() => facilitator.close());
    expect(await facilitator.next((m) => m.t === 'welcome')).toMatchObject({ role: 'facilitator', readOnly: true });
    const snapshot = await facilitator.subscribe('s1');
    expect(Object.keys((snapshot as { state: SessionState }).state.notes).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(await facilitator.command('s1', { type: 'note.add', id: 'n4', zoneId: 'ik', text: 'Te laat' }, 'cmd-n4')).toEqual({
      t: 'error',
      id: 'cmd-n4',
      code: 'read_only',
      message: 'The database can only be read; nothing was changed',
    });
    expect(host.engine.session('s1')?.notes.n4).toBeUndefined();
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'open', sessionId: 's1' }));
    expect(await facilitator.next((m) => m.t === 'error')).toMatchObject({ code: 'read_only' });

    const csv = await fetch(`${host.url}api/export/session/s1.csv`, { headers: auth });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Notitie n3');
    const demo = await fetch(`${host.url}api/demo`, { method: 'POST', headers: auth });
    expect(demo.status).toBe(409);
    expect(await demo.json()).toMatchObject({ code: 'read_only' });
    expect(readFileSync(host.databaseFile)).toEqual(before);

    facilitator.close();
    await host.stop();
    undo();
    host = await startTestHost(dataDir);
    expect(host.readOnly).toBe(false);
    facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    expect(await facilitator.next((m) => m.t === 'welcome')).not.toHaveProperty('readOnly');
    expect(await facilitator.command('s1', { type: 'note.add', id: 'n4', zoneId: 'ik', text: 'Nu wel' })).toMatchObject({ t: 'ack' });
    expect(Object.keys(host.engine.session('s1')?.notes ?? {}).sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
  });
});
