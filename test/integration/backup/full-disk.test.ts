import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../electron/host/export/demo';
import { buildCliBundle, buildHostBundle, type HostBundle } from '../../support/host-process';
import { TestClient } from '../../support/ws-client';
import { tempEngine } from '../../unit/electron/host/export/temp-engine';
import { backupApi, integrity } from './backup-support';

/**
 * A full disk, for real: a small tmpfs mounted in a private mount namespace (`unshare -rm`, no root
 * needed), so writes fail with ENOSPC exactly as on a full USB stick or laptop disk. The backup
 * must fail with the plain message, leave no half file, and never touch the live database.
 */
const root = resolve(__dirname, '../../..');
let cli: HostBundle;
let bundle: HostBundle;
let work: string;
let seed: string;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs a shell script in its own mount namespace, with MNT a tmpfs of `kib` KiB. */
function withSmallDisk(kib: number, mount: string, script: string, args: string[]) {
  const body = `mount -t tmpfs -o size=${kib}k tmpfs "$MNT" || exit 97\n${script}`;
  return spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', body, 'sh', ...args], {
    encoding: 'utf8',
    env: { ...process.env, MNT: mount, NODE: process.execPath, CLI: cli.file, EILAND_DATA: '' },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  const probe = mkdtempSync(join(root, 'node_modules/.cache', 'eiland-ns-probe-'));
  const can = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', probe]);
  rmSync(probe, { recursive: true, force: true });
  if (can.status !== 0) {
    throw new Error(`This test mounts a small tmpfs in a user namespace (unshare -rm); this machine does not allow it: ${can.stderr}`);
  }
  [cli, bundle] = await Promise.all([buildCliBundle(), buildHostBundle()]);
  work = mkdtempSync(join(root, 'node_modules/.cache', 'eiland-full-disk-'));
  const seeded = tempEngine(join(work, 'seed'));
  createDemo(seeded.engine);
  seeded.db.close();
  seed = join(work, 'seed', 'eiland.sqlite');
}, 90_000);

afterAll(() => {
  cli?.remove();
  bundle?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('on the chosen folder: a plain message, no half file, the live database untouched', () => {
    const stick = join(work, 'stick');
    mkdirSync(stick);
    const before = sha(seed);
    const run = withSmallDisk(64, stick, '"$NODE" "$CLI" backup --data "$1" --to "$MNT"; echo "exit=$?"; ls -A "$MNT"', [join(work, 'seed')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('exit=1\n');
    expect(run.stderr).toBe(`Eiland: reservekopie niet gemaakt: Er is geen ruimte meer op de schijf van ${stick}. Maak ruimte vrij of kies een andere map. Je gegevens zelf zijn niet aangeraakt.\n`);
    expect(sha(seed)).toBe(before);
    expect(integrity(seed)).toBe('ok');
  });

  it('beside the data: a plain message, no half file, the live database untouched', () => {
    const size = statSync(seed).size;
    // Room for the database and SQLite's shared-memory file, not for a second copy.
    const kib = Math.ceil(size / 1024) + 32 + 64;
    const data = join(work, 'laptop');
    mkdirSync(data);
    const script = 'cp "$1" "$MNT/eiland.sqlite" && "$NODE" "$CLI" backup --data "$MNT" --lang en; echo "exit=$?"; ls -A "$MNT/backups"; sha256sum "$MNT/eiland.sqlite"';
    const run = withSmallDisk(kib, data, script, [seed]);
    expect(run.status, run.stderr).toBe(0);
    const [exit, ...rest] = run.stdout.trim().split('\n');
    expect(exit).toBe('exit=1');
    expect(rest).toEqual([`${sha(seed)}  ${data}/eiland.sqlite`]);
    expect(run.stderr).toBe(`Eiland: no backup made: There is no space left on the disk of ${join(data, 'backups')}. Free up space or choose another folder. Your data itself was not touched.\n`);
  });

  it('on the second folder of a running host: said in the settings; the backup beside the data and the session go on', async () => {
    const data = join(work, 'host-data');
    const stick = join(work, 'host-stick');
    mkdirSync(stick);
    const seeded = tempEngine(data);
    createDemo(seeded.engine);
    seeded.db.close();
    const token = randomBytes(16).toString('hex');
    const script = 'exec "$NODE" "$1" --data "$2" --port 0 --token "$3"';
    const body = `mount -t tmpfs -o size=64k tmpfs "$MNT" || exit 97\n${script}`;
    const child: ChildProcess = spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', body, 'sh', bundle.file, data, token], {
      env: { ...process.env, MNT: stick, NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    try {
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`host did not start:\n${output}`)), 20_000);
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Eiland draait op (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            done(match[1]);
          }
        };
        child.stdout?.on('data', read);
        child.stderr?.on('data', read);
      });
      const chosen = await backupApi(url, token, '/settings', { secondFolder: stick });
      expect(chosen.status).toBe(200);
      expect(chosen.body.second).toMatchObject({ path: stick, lastGoodAt: null, error: { code: 'disk_full' } });
      expect(chosen.body.local.lastGoodAt).not.toBeNull();
      expect(chosen.body.local.error).toBeNull();
      const again = await backupApi(url, token, '/now', {});
      expect(again.status).toBe(200);
      expect(again.body.second?.error?.code).toBe('disk_full');
      expect(again.body.backups.map((b) => b.folder)).toEqual(['local', 'local']);

      const facilitator = await TestClient.facilitator(url, token);
      expect(await facilitator.command('demo-avk-managers', { type: 'note.add', id: 'still-here', zoneId: 'ik', text: 'Gaat gewoon door' })).toMatchObject({ t: 'ack' });
      facilitator.close();
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    expect(output).toContain('geen ruimte meer');
    expect(integrity(join(data, 'eiland.sqlite'))).toBe('ok');
    expect(readdirSync(join(data, 'backups')).filter((name) => name.includes('partial'))).toEqual([]);
  }, 60_000);
});
