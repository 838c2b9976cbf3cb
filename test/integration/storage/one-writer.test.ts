import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../../shared/domain';
import { buildCliBundle, type CliBundle, runCli } from '../../support/cli-process';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../../support/host-process';
import { freshDir } from '../../support/storage-faults';
import { TestClient } from '../../support/ws-client';

/**
 * One writer per data folder, with real processes: while a host runs a session, a second host and
 * the command line's import and demo are refused (naming the running host), its list and export
 * read alongside, and the running session keeps acknowledging without losing anything.
 */

let hostBundle: HostBundle;
let cli: CliBundle;
const work = freshDir();

beforeAll(async () => {
  [hostBundle, cli] = await Promise.all([buildHostBundle(), buildCliBundle()]);
}, 120_000);
afterAll(() => {
  hostBundle?.remove();
  cli?.remove();
  rmSync(work, { recursive: true, force: true });
});

/** Sends `count` notes one after the other, as a facilitator typing fast; resolves with what each got. */
async function typeNotes(client: TestClient, count: number): Promise<string[]> {
  const replies: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const reply = await client.command('s1', { type: 'note.add', id: `n${i}`, zoneId: 'ik', text: `Notitie ${i}` }, `cmd-n${i}`);
    replies.push(reply.t === 'ack' ? 'ack' : `${reply.t}:${'code' in reply ? reply.code : ''}`);
  }
  return replies;
}

describe('one writer per data folder', () => {
  it('refuses a second host and the command line’s writes next to a running host, which keeps acknowledging', async () => {
    // An archive from another laptop, to try to import.
    const other = join(work, 'laptop-b');
    const archive = join(work, 'managers.eiland');
    expect((await runCli(cli.file, 'demo', '--data', other)).code).toBe(0);
    expect((await runCli(cli.file, 'export', '--session', 'demo-avk-managers', '--sqlite', archive, '--data', other)).code).toBe(0);

    const dataDir = join(work, 'laptop-a');
    const token = randomBytes(16).toString('hex');
    let host: HostProcess = await spawnHost(hostBundle.file, dataDir, token);
    const facilitator = await TestClient.facilitator(host.url, token);
    await facilitator.command('workspace', {
      type: 'session.create', id: 's1', programmeId: null, title: 'Stuurgroep', group: 'Stuurgroep', date: '2026-11-26', templateId: 'lemniscaat-ik-wij-het',
    });
    const lockBefore = readFileSync(join(dataDir, 'eiland.lock'), 'utf8');
    expect(JSON.parse(lockBefore)).toMatchObject({ pid: host.pid });

    // Within the connection's burst budget (200 frames), so only the lock can stop an acknowledgement.
    const typing = typeNotes(facilitator, 150);
    const [second, imported, demo, listed, exported] = await Promise.all([
      spawnHost(hostBundle.file, dataDir, randomBytes(16).toString('hex')).then(
        (started) => started.stop().then(() => 'started'),
        (error: Error) => error.message,
      ),
      runCli(cli.file, 'import', archive, '--data', dataDir),
      runCli(cli.file, 'demo', '--data', dataDir, '--lang', 'en'),
      runCli(cli.file, 'list', '--data', dataDir),
      runCli(cli.file, 'export', '--session', 's1', '--csv', join(work, 's1.csv'), '--data', dataDir),
    ]);

    // The second host says who holds the folder, in Dutch and English, and exits with code 3.
    expect(second).toContain('exited before it was ready (code 3');
    expect(second).toContain(`Een ander Eiland gebruikt de map ${dataDir} al (proces ${host.pid}, gestart op`);
    expect(second).toContain(`Another Eiland is already using the folder ${dataDir} (process ${host.pid}`);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`Eiland draait nu met de map ${dataDir} (proces ${host.pid}`);
    expect(imported.stderr).toContain('Er is niets veranderd.');
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain(`Eiland is running with the folder ${dataDir} (process ${host.pid}`);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/2026-11-26 {2}s1 {2}Stuurgroep {2}Stuurgroep/);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(work, 's1.csv'), 'utf8')).toContain('Notitie');

    const replies = await typing;
    expect(replies.filter((reply) => reply !== 'ack')).toEqual([]);
    expect(readFileSync(join(dataDir, 'eiland.lock'), 'utf8')).toBe(lockBefore);
    expect(readdirSync(dataDir).filter((name) => !/^eiland\.(sqlite|sqlite-wal|sqlite-shm|lock)$/.test(name))).toEqual([]);
    const workspace = (await facilitator.subscribe('workspace')) as { state: WorkspaceState };
    expect(Object.keys(workspace.state.sessions)).toEqual(['s1']);
    facilitator.close();

    // Stopped normally, the host gives the folder free: now the import may write.
    expect(await host.stop()).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, 'eiland.lock'))).toBe(false);
    const later = await runCli(cli.file, 'import', archive, '--data', dataDir);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain('demo-avk-managers');

    // Killed -9, it leaves its lock file behind; the next host sees nobody holds it and starts.
    host = await spawnHost(hostBundle.file, dataDir, token);
    await host.kill9();
    expect(existsSync(join(dataDir, 'eiland.lock'))).toBe(true);
    host = await spawnHost(hostBundle.file, dataDir, token);
    const check = await TestClient.facilitator(host.url, token);
    const session = (await check.subscribe('s1')) as { state: SessionState };
    expect(Object.keys(session.state.notes)).toHaveLength(150);
    const sessions = (await check.subscribe('workspace')) as { state: WorkspaceState };
    expect(Object.keys(sessions.state.sessions).sort()).toEqual(['demo-avk-managers', 's1']);
    check.close();
    await host.stop();
  }, 120_000);
});
