import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rotate } from '../../../../../electron/host/backup/folders';
import { backupName } from '../../../../../electron/host/backup/names';
import { KEEP_DAYS, KEEP_RECENT, namesToDelete, namesToKeep } from '../../../../../electron/host/backup/rotation';

/** Local noon of a day relative to 15 March 2026, plus minutes: rotation counts the computer's own days. */
const at = (dayOffset: number, hour = 12, minute = 0) => new Date(2026, 2, 15 + dayOffset, hour, minute).getTime();
const NOW = at(0, 18);

describe('rotation keeps the last ten and one a day for thirty days', () => {
  it('keeps exactly the newest ten plus the newest of each of the last 30 calendar days', () => {
    // 45 days, four backups a day (09:00, 12:00, 15:00, 17:00), the last day included.
    const names: string[] = [];
    for (let day = -44; day <= 0; day += 1) for (const hour of [9, 12, 15, 17]) names.push(backupName(at(day, hour)));
    const kept = namesToKeep(names, NOW);
    const newestTen = [...names].sort().reverse().slice(0, KEEP_RECENT);
    const lastOfEachDay = Array.from({ length: KEEP_DAYS }, (_, i) => backupName(at(-i, 17)));
    expect(new Set(kept)).toEqual(new Set([...newestTen, ...lastOfEachDay]));
    // The ten newest are today's four, yesterday's four and two of the day before (whose 17:00 is
    // also that day's newest): with the other 27 days' last backups, 37 files.
    expect(kept.size).toBe(10 + 27);
    expect(namesToDelete(names, NOW)).toHaveLength(names.length - kept.size);
  });

  it('keeps the newest ten of a laptop left unused for months', () => {
    const names = Array.from({ length: 25 }, (_, i) => backupName(at(-200 + i)));
    const kept = namesToKeep(names, NOW);
    expect([...kept].sort()).toEqual(names.slice(-10).sort());
  });

  it('counts the 30 days from the start of the 30th day back, and nothing older is kept for its day', () => {
    const names = [backupName(at(-29, 0, 1)), backupName(at(-30, 23, 59)), ...Array.from({ length: 10 }, (_, i) => backupName(at(0, 8, i)))];
    const kept = namesToKeep(names, NOW);
    expect(kept.has(backupName(at(-29, 0, 1)))).toBe(true);
    expect(kept.has(backupName(at(-30, 23, 59)))).toBe(false);
  });

  it('never names a file that is not a backup', () => {
    const names = ['notes.txt', 'eiland.sqlite', 'eiland-2026-13-01T00-00-00-000Z.sqlite', `.${backupName(at(-100))}.partial`, backupName(at(-100))];
    expect(namesToDelete(names, NOW)).toEqual([]);
  });
});

describe('rotate() on a real folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes exactly the backups not kept and leaves every other file alone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'eiland-rotate-'));
    const backups: string[] = [];
    for (let day = -40; day <= 0; day += 1) for (const hour of [10, 16]) backups.push(backupName(at(day, hour)));
    const others = ['README.txt', 'eiland-mijn-eigen.sqlite', `.${backups[0]}.partial`];
    for (const name of [...backups, ...others]) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, backupName(at(-60))));
    const deleted = await rotate(dir, NOW);
    const expected = namesToKeep(backups, NOW);
    const left = readdirSync(dir).sort();
    expect(left).toEqual([...expected, ...others, backupName(at(-60))].sort());
    expect(deleted).toHaveLength(backups.length - expected.size);
  });
});
