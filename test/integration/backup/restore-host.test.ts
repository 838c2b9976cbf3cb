import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../electron/host/export/demo';
import { sessionCsv } from '../../../electron/host/export/exporter';
import type { Engine } from '../../../electron/host/engine';
import { startHost, type RunningHost } from '../../../electron/host/host';
import { TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { send } from '../../unit/electron/host/export/temp-engine';
import { TestClient } from '../../support/ws-client';
import { backupApi, waitFor, withEngineOn } from './backup-support';

/**
 * Restoring from the sessions screen's list, through the host's routes: afterwards the host holds
 * the same sessions as the backup (same list, same notes and votes CSV exports), the database it
 * had is kept aside in the data folder, and the host goes on taking commands on the same address.
 */
function exportsOf(engine: Engine): Record<string, string> {
  const out: Record<string, string> = { list: JSON.stringify(Object.values(engine.workspace.sessions).map((m) => [m.id, m.title, m.date]).sort()) };
  for (const id of Object.keys(engine.workspace.sessions).sort()) {
    out[`${id}.notes`] = sessionCsv(engine, id, 'notes', 'nl');
    out[`${id}.votes`] = sessionCsv(engine, id, 'votes', 'nl');
  }
  return out;
}

describe('restore from the list', () => {
  let host: RunningHost;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = tempDataDir('eiland-backup-restore-');
    host = await startHost({ dataDir, port: 0, token: TEST_TOKEN, rendererDir: join(dataDir, 'none') });
    createDemo(host.engine);
  }, 60_000);

  afterAll(async () => {
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses what it cannot restore, and changes nothing', async () => {
    const made = await backupApi(host.url, TEST_TOKEN, '/now', {});
    const name = made.body.backups[0]?.name ?? '';
    const before = exportsOf(host.engine);
    const engine = host.engine;
    expect(await backupApi(host.url, TEST_TOKEN, '/restore', { name: 'eiland-2020-01-01T00-00-00-000Z.sqlite', folder: 'local' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await backupApi(host.url, TEST_TOKEN, '/restore', { name: '../eiland.sqlite', folder: 'local' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await backupApi(host.url, TEST_TOKEN, '/restore', { name, folder: 'second' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await backupApi(host.url, TEST_TOKEN, '/restore', { name })).toMatchObject({ status: 400, body: { code: 'bad_request' } });
    expect(await backupApi(host.url, TEST_TOKEN, '/restore', ['x'])).toMatchObject({ status: 400 });
    const anonymous = await fetch(`${host.url}api/backups/restore`, { method: 'POST', body: JSON.stringify({ name, folder: 'local' }) });
    expect(anonymous.status).toBe(401);
    expect(host.engine).toBe(engine);
    expect(exportsOf(host.engine)).toEqual(before);
    expect(readdirSync(dataDir).filter((file) => file.includes('restore'))).toEqual([]);
  });

  it('gives back the same sessions and keeps the current database aside', async () => {
    const made = await backupApi(host.url, TEST_TOKEN, '/now', {});
    expect(made.status).toBe(200);
    const chosen = made.body.backups[0];
    expect(chosen?.sessions).toBe(Object.keys(host.engine.workspace.sessions).length);
    const atBackup = exportsOf(host.engine);

    // What happens after the backup: a note, a renamed session, a deleted one, a new one.
    const [first, second] = Object.values(host.engine.workspace.sessions);
    send(host.engine, first?.id ?? '', { type: 'note.add', id: 'after-backup', zoneId: 'ik', text: 'Na de reservekopie' });
    send(host.engine, 'workspace', { type: 'session.rename', id: first?.id ?? '', title: 'Andere naam' });
    send(host.engine, 'workspace', { type: 'session.delete', id: second?.id ?? '', confirmTitle: second?.title ?? '' });
    send(host.engine, 'workspace', { type: 'session.create', id: 'nieuw', programmeId: null, title: 'Nieuw', group: '', date: '2026-03-15', templateId: 'lemniscaat-ik-wij-het' });
    const changed = exportsOf(host.engine);
    expect(changed).not.toEqual(atBackup);

    const oldEngine = host.engine;
    const port = host.server.port;
    const answer = await backupApi(host.url, TEST_TOKEN, '/restore', { name: chosen?.name, folder: 'local' });
    expect(answer.status).toBe(200);
    const keptAs = answer.body.keptAs ?? '';
    expect(keptAs).toMatch(/^eiland\.before-restore-.+\.sqlite$/);
    await waitFor(() => host.engine !== oldEngine, 10_000, 'the host to reopen');
    await waitFor(async () => (await backupApi(host.url, TEST_TOKEN).catch(() => ({ status: 0 }))).status === 200, 10_000, 'the host to answer again');

    expect(host.server.port).toBe(port);
    expect(exportsOf(host.engine)).toEqual(atBackup);
    expect(existsSync(join(dataDir, keptAs))).toBe(true);
    expect(withEngineOn(join(dataDir, keptAs), (engine) => exportsOf(engine))).toEqual(changed);

    // The same address and token: a window reconnects and works on the restored sessions.
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    expect(await facilitator.command(first?.id ?? '', { type: 'note.add', id: 'after-restore', zoneId: 'wij', text: 'Weer aan het werk' })).toMatchObject({ t: 'ack' });
    facilitator.close();
    const status = await backupApi(host.url, TEST_TOKEN);
    expect(status.body.backups.map((b) => b.name)).toContain(chosen?.name);
  }, 60_000);
});
