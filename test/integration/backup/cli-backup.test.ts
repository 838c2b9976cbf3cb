import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../electron/host/db/event-store';
import { openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { createDemo } from '../../../electron/host/export/demo';
import { sessionCsv } from '../../../electron/host/export/exporter';
import { buildCliBundle, type HostBundle } from '../../support/host-process';
import { send } from '../../unit/electron/host/export/temp-engine';
import { integrity } from './backup-support';

/**
 * `npm run eiland -- backup [--to DIR]` and `restore FILE`, bundled and run as their own process on
 * real data folders: what they make, what they give back, and what they refuse.
 */
const root = resolve(__dirname, '../../..');
let cli: HostBundle;
let work: string;

function eiland(...args: string[]) {
  const { EILAND_DATA: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [cli.file, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Works on a data folder in this process and closes it again, as a host would have. */
function onData<T>(dir: string, work: (engine: Engine) => T): T {
  const { db } = openDatabase(dir);
  try {
    return work(new Engine(new EventStore(db)));
  } finally {
    db.close();
  }
}

const csvs = (dir: string) =>
  onData(dir, (engine) => Object.keys(engine.workspace.sessions).sort().map((id) => [id, sessionCsv(engine, id, 'notes', 'nl'), sessionCsv(engine, id, 'votes', 'nl')]));

beforeAll(async () => {
  cli = await buildCliBundle();
  work = mkdtempSync(join(root, 'node_modules/.cache', 'eiland-backup-cli-work-'));
}, 60_000);
afterAll(() => {
  cli?.remove();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore on the command line', () => {
  it('backs up beside the data and to a chosen folder, and restores the same sessions', () => {
    const data = join(work, 'laptop');
    onData(data, (engine) => createDemo(engine));
    const atBackup = csvs(data);

    const made = eiland('backup', '--data', data);
    expect(made.code, made.stderr).toBe(0);
    const [name] = readdirSync(join(data, 'backups'));
    expect(made.stdout).toBe(`reservekopie gemaakt: ${join(data, 'backups', name ?? '')} (3 sessies)\n`);
    expect(integrity(join(data, 'backups', name ?? ''))).toBe('ok');

    const stick = join(work, 'stick');
    mkdirSync(stick);
    const copied = eiland('backup', '--data', data, '--to', stick, '--lang', 'en');
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^backup made: .+stick\/eiland-.+\.sqlite \(3 sessions\)\n$/);
    const [onStick] = readdirSync(stick);

    onData(data, (engine) => {
      send(engine, 'demo-avk-managers', { type: 'note.add', id: 'later', zoneId: 'ik', text: 'Later toegevoegd' });
      send(engine, 'workspace', { type: 'session.rename', id: 'demo-avk-stuurgroep', title: 'Anders' });
    });
    expect(csvs(data)).not.toEqual(atBackup);
    const changedSha = sha(join(data, 'eiland.sqlite'));

    const restored = eiland('restore', join(stick, onStick ?? ''), '--data', data);
    expect(restored.code, restored.stderr).toBe(0);
    const kept = readdirSync(data).find((file) => file.startsWith('eiland.before-restore-')) ?? '';
    expect(restored.stdout).toBe(`teruggezet uit ${join(stick, onStick ?? '')} (3 sessies).\nDe vorige gegevens staan apart als ${join(data, kept)}.\n`);
    expect(csvs(data)).toEqual(atBackup);
    expect(sha(join(data, kept))).toBe(changedSha);

    // Onto a new laptop: a data folder that does not exist yet.
    const fresh = join(work, 'new-laptop');
    expect(eiland('restore', join(stick, onStick ?? ''), '--data', fresh).code).toBe(0);
    expect(csvs(fresh)).toEqual(atBackup);
    expect(readdirSync(fresh).filter((file) => file.startsWith('eiland.before-restore-'))).toEqual([]);
  });

  it('is refused while a host runs on the folder, and changes nothing', () => {
    const data = join(work, 'busy');
    onData(data, (engine) => createDemo(engine));
    const backup = eiland('backup', '--data', data);
    expect(backup.code).toBe(0);
    const file = join(data, 'backups', readdirSync(join(data, 'backups'))[0] ?? '');
    const before = { live: sha(join(data, 'eiland.sqlite')), files: readdirSync(data).sort(), backups: readdirSync(join(data, 'backups')) };

    // This test process plays the running host: its pid is alive.
    writeFileSync(join(data, 'eiland.lock'), JSON.stringify({ pid: process.pid, startedAt: Date.now() }));
    for (const args of [['restore', file], ['backup'], ['backup', '--to', work]]) {
      const refused = eiland(...args, '--data', data);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toBe('Eiland: Eiland draait nog op deze gegevensmap. Sluit Eiland eerst, of gebruik in Eiland de knop Reservekopieën.\n');
    }
    expect(eiland('restore', file, '--data', data, '--lang', 'en').stderr).toContain('Eiland is still running on this data folder.');
    expect(sha(join(data, 'eiland.sqlite'))).toBe(before.live);
    expect(readdirSync(join(data, 'backups'))).toEqual(before.backups);

    // A lock left by a host that is gone (kill -9, a crash) holds nothing.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    writeFileSync(join(data, 'eiland.lock'), JSON.stringify({ pid: gone, startedAt: 1 }));
    expect(eiland('restore', file, '--data', data).code).toBe(0);
  });

  it('says in plain words what is wrong with a file, a folder or missing data', () => {
    const data = join(work, 'checks');
    onData(data, (engine) => createDemo(engine));
    const live = sha(join(data, 'eiland.sqlite'));
    const files = readdirSync(data).sort();

    const missing = eiland('backup', '--data', data, '--to', join(work, 'no-stick'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Eiland: reservekopie niet gemaakt: De map ${join(work, 'no-stick')} is er niet. Zit de USB-stick erin? Je gegevens zelf zijn niet aangeraakt.\n`);
    const missingEn = eiland('backup', '--data', data, '--to', join(work, 'no-stick'), '--lang', 'en');
    expect(missingEn.stderr).toBe(`Eiland: no backup made: The folder ${join(work, 'no-stick')} is not there. Is the USB stick plugged in? Your data itself was not touched.\n`);

    writeFileSync(join(work, 'list.sqlite'), 'boodschappen: brood, kaas');
    const notOurs = eiland('restore', join(work, 'list.sqlite'), '--data', data);
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr).toBe('Eiland: Dit bestand is geen reservekopie van Eiland. Er is niets veranderd.\n');
    expect(eiland('restore', join(work, 'list.sqlite'), '--data', join(work, 'nobody')).code).toBe(1);
    expect(existsSync(join(work, 'nobody'))).toBe(false);

    expect(eiland('restore', join(work, 'nothing.sqlite'), '--data', data).stderr).toBe('Eiland: Deze reservekopie is er niet (meer).\n');
    expect(eiland('restore', '--data', data)).toMatchObject({ code: 2, stderr: 'Eiland: Zeg welk bestand: npm run eiland -- restore BESTAND\n' });
    expect(eiland('backup', '--data', join(work, 'empty')).stderr).toBe(`Eiland: Er zijn nog geen gegevens in ${join(work, 'empty')}.\n`);

    expect(sha(join(data, 'eiland.sqlite'))).toBe(live);
    expect(readdirSync(data).sort()).toEqual(files);
  });
});
