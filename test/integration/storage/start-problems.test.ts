import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { buildHostBundle, type HostBundle, spawnHost } from '../../support/host-process';
import { bindReadOnly, canMount, freshDir, mountTmpfs } from '../../support/storage-faults';
import { TestClient } from '../../support/ws-client';

/**
 * The host as a program, started on a data folder it cannot use: it says what is wrong and where,
 * in Dutch and English, exits with code 3 and leaves every file as it was; started again once the
 * problem is solved, it shows all the data.
 */

let bundle: HostBundle;
beforeAll(async () => {
  bundle = await buildHostBundle();
}, 60_000);
afterAll(() => bundle?.remove());

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const token = randomBytes(16).toString('hex');

/** A data folder with one session of three notes, written by a real host that then stopped. */
async function seededFolder(parent?: string): Promise<string> {
  const dir = freshDir(parent);
  if (parent === undefined) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const host = await spawnHost(bundle.file, dir, token);
  const client = await TestClient.facilitator(host.url, token);
  await client.command('workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Managers', group: 'M', date: '2026-11-26', templateId: 'lemniscaat-ik-wij-het' });
  for (const id of ['n1', 'n2', 'n3']) await client.command('s1', { type: 'note.add', id, zoneId: 'ik', text: id });
  client.close();
  await host.stop();
  return dir;
}

/** Starts a host that must refuse; returns everything it printed. */
async function refusedStart(dir: string): Promise<string> {
  const refused = await spawnHost(bundle.file, dir, token).then(
    async (host) => {
      await host.stop();
      return null;
    },
    (error: Error) => error.message,
  );
  expect(refused).not.toBeNull();
  expect(refused).toContain('exited before it was ready (code 3');
  return refused as string;
}

async function expectAllBack(dir: string): Promise<void> {
  const host = await spawnHost(bundle.file, dir, token);
  cleanups.push(() => host.stop());
  const client = await TestClient.facilitator(host.url, token);
  cleanups.push(() => client.close());
  const snapshot = (await client.subscribe('s1')) as { state: SessionState };
  expect(Object.keys(snapshot.state.notes).sort()).toEqual(['n1', 'n2', 'n3']);
}

const files = (dir: string) => readdirSync(dir).filter((name) => name !== 'filler.bin').sort();

describe('a host that cannot use its data folder', () => {
  it('refuses a database made by a newer Eiland in both languages, leaving it as it was', async () => {
    const dir = await seededFolder();
    const file = join(dir, 'eiland.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = readFileSync(file);
    const filesBefore = files(dir);
    const output = await refusedStart(dir);
    expect(output).toContain(`Eiland: Het bestand ${file} is gemaakt met een nieuwere versie van Eiland.`);
    expect(output).toContain(`Eiland (en): The file ${file} was made by a newer version of Eiland.`);
    expect(readFileSync(file)).toEqual(before);
    expect(files(dir)).toEqual(filesBefore);
  }, 60_000);

  const realFaults = canMount()
    ? [
        {
          name: 'a full disk',
          words: ['De schijf is vol. Eiland kan niets bewaren in', 'The disk is full. Eiland cannot save anything in'],
          make: async () => {
            const disk = mountTmpfs(4 * 1024 * 1024);
            cleanups.push(disk.remove);
            const dir = await seededFolder(disk.dir);
            disk.fill();
            return { dir, fix: () => disk.free() };
          },
        },
        {
          name: 'a read-only folder',
          words: ['kan Eiland alleen lezen, niet schrijven', 'Eiland can only read in'],
          make: async () => {
            const dir = await seededFolder();
            const undo = bindReadOnly(dir);
            cleanups.push(undo);
            return {
              dir,
              fix: () => {
                undo();
                cleanups.pop();
              },
            };
          },
        },
      ]
    : [];

  it.each(realFaults)('says $name plainly, renames nothing, and shows all data once it is solved', async ({ words, make }) => {
    const { dir, fix } = await make();
    const before = files(dir);
    const database = readFileSync(join(dir, 'eiland.sqlite'));
    const output = await refusedStart(dir);
    const [dutch, english] = output.split('\n').filter((line) => line.startsWith('Eiland'));
    expect(dutch).toMatch(/^Eiland: /);
    expect(dutch).toContain(words[0]);
    expect(dutch).toContain(dir);
    expect(english).toMatch(/^Eiland \(en\): /);
    expect(english).toContain(words[1]);
    expect(english).toContain(dir);
    expect(files(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'eiland.sqlite'))).toEqual(database);
    fix();
    await expectAllBack(dir);
  }, 90_000);
});
