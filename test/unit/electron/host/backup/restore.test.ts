import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupError } from '../../../../../electron/host/backup/errors';
import { RESTORE_READY } from '../../../../../electron/host/backup/names';
import { finishInterruptedRestore, prepareRestore, swapInRestored } from '../../../../../electron/host/backup/restore';
import { copyDatabase } from '../../../../../electron/host/backup/worker';
import { send, tempEngine, type TempEngine } from '../export/temp-engine';

const KEPT = 'eiland.before-restore-2026-03-15T12-00-00-000Z.sqlite';

function createSession(engine: TempEngine['engine'], id: string): void {
  send(engine, 'workspace', { type: 'session.create', id, programmeId: null, title: id, group: 'Stuurgroep', date: '2026-03-15', templateId: 'lemniscaat-ik-wij-het' });
}

const sessionsIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM streams WHERE kind = 'session' ORDER BY id").pluck().all() as string[]).join(',');
  } finally {
    db.close();
  }
};

describe('restore: prepare, then swap', () => {
  let live: TempEngine;
  let work = '';
  afterEach(() => {
    live?.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('puts the backup in place and keeps the current database aside, whole', async () => {
    live = tempEngine();
    work = mkdtempSync(join(tmpdir(), 'eiland-restore-'));
    createSession(live.engine, 'older');
    const backup = join(work, 'backup.sqlite');
    await copyDatabase({ source: join(live.dir, 'eiland.sqlite'), temp: join(work, 'backup.partial'), target: backup }, work);
    createSession(live.engine, 'newer');
    live.db.close();

    const prepared = await prepareRestore(backup, live.dir);
    expect(prepared.sessions).toBe(1);
    expect(sessionsIn(join(live.dir, 'eiland.sqlite'))).toBe('newer,older');
    expect(swapInRestored(live.dir, KEPT)).toEqual({ keptAs: KEPT });
    expect(sessionsIn(join(live.dir, 'eiland.sqlite'))).toBe('older');
    expect(sessionsIn(join(live.dir, KEPT))).toBe('newer,older');
    expect(readdirSync(live.dir).filter((name) => name.includes('restore-ready') || name.includes('swap'))).toEqual([]);
  });

  it('refuses a file that is not an Eiland database, or damaged, and changes nothing', async () => {
    live = tempEngine();
    work = mkdtempSync(join(tmpdir(), 'eiland-restore-'));
    createSession(live.engine, 'only');
    live.db.close();
    const before = readdirSync(live.dir).sort();
    const text = join(work, 'notes.sqlite');
    writeFileSync(text, 'Dit is geen database, maar een lijstje boodschappen.\n'.repeat(200));
    await expect(prepareRestore(text, live.dir)).rejects.toMatchObject({ code: 'not_eiland' });

    const other = join(work, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (v TEXT)');
    db.close();
    await expect(prepareRestore(other, live.dir)).rejects.toMatchObject({ code: 'not_eiland' });

    const damaged = join(work, 'damaged.sqlite');
    const big = new Database(damaged);
    big.exec("CREATE TABLE streams (id TEXT PRIMARY KEY, kind TEXT, seq INTEGER); CREATE INDEX streams_kind ON streams (kind);");
    const insert = big.prepare('INSERT INTO streams VALUES (?, ?, 0)');
    big.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`s${i}-${'x'.repeat(40)}`, 'session');
    })();
    big.close();
    // The header of a page in the middle: its b-tree no longer adds up.
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 4096 * 20, 4096 * 20 + 12);
    writeFileSync(damaged, bytes);
    const error = await prepareRestore(damaged, live.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('damaged');

    await expect(prepareRestore(join(work, 'nowhere.sqlite'), live.dir)).rejects.toMatchObject({ code: 'not_found' });
    expect(readdirSync(live.dir).sort()).toEqual(before);
    expect(sessionsIn(join(live.dir, 'eiland.sqlite'))).toBe('only');
  });
});

describe('a restore interrupted by a crash is finished or dropped at the next start', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const setUp = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'eiland-swap-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  };
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : null);
  const marker = JSON.stringify({ keptAs: KEPT });

  it('drops a prepared copy whose swap never began', () => {
    setUp({ 'eiland.sqlite': 'current', [RESTORE_READY]: 'backup', 'eiland.restore.partial': 'half' });
    expect(finishInterruptedRestore(dir)).toBe('discarded');
    expect(readdirSync(dir)).toEqual(['eiland.sqlite']);
    expect(read('eiland.sqlite')).toBe('current');
  });

  it('finishes a swap that had not moved anything yet, the -wal going with its database', () => {
    setUp({ 'eiland.sqlite': 'current', 'eiland.sqlite-wal': 'current wal', [RESTORE_READY]: 'backup', 'eiland.restore-swap.json': marker });
    expect(finishInterruptedRestore(dir)).toBe('finished');
    expect(read('eiland.sqlite')).toBe('backup');
    expect(read('eiland.sqlite-wal')).toBeNull();
    expect(read(KEPT)).toBe('current');
    expect(read(`${KEPT}-wal`)).toBe('current wal');
    expect(read('eiland.restore-swap.json')).toBeNull();
  });

  it('finishes a swap that had moved the -wal but not the database', () => {
    setUp({ 'eiland.sqlite': 'current', [`${KEPT}-wal`]: 'current wal', [RESTORE_READY]: 'backup', 'eiland.restore-swap.json': marker });
    finishInterruptedRestore(dir);
    expect(read('eiland.sqlite')).toBe('backup');
    expect(read(KEPT)).toBe('current');
    expect(read(`${KEPT}-wal`)).toBe('current wal');
  });

  it('finishes a swap that had moved the database but not put the copy in place', () => {
    setUp({ [KEPT]: 'current', [RESTORE_READY]: 'backup', 'eiland.restore-swap.json': marker });
    finishInterruptedRestore(dir);
    expect(read('eiland.sqlite')).toBe('backup');
    expect(read(KEPT)).toBe('current');
  });

  it('only removes the marker of a swap that was complete', () => {
    setUp({ 'eiland.sqlite': 'backup', [KEPT]: 'current', 'eiland.restore-swap.json': marker });
    expect(finishInterruptedRestore(dir)).toBe('finished');
    expect(readdirSync(dir).sort()).toEqual(['eiland.sqlite', KEPT].sort());
    expect(read('eiland.sqlite')).toBe('backup');
  });

  it('does nothing on an ordinary start', () => {
    setUp({ 'eiland.sqlite': 'current' });
    expect(finishInterruptedRestore(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual(['eiland.sqlite']);
  });
});
