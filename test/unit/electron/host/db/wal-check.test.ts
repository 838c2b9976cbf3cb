import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectWal } from '../../../../../electron/host/db/wal-check';
import { commitFrames, crashSnapshot, frameOffset, tearFrame } from './wal';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function walFile(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-wal-'));
  dirs.push(dir);
  const file = join(dir, 'eiland.sqlite-wal');
  writeFileSync(file, bytes);
  return file;
}

describe('reading a write-ahead log before SQLite does', () => {
  it('finds every frame replayed in a healthy log', () => {
    const { wal, pageSize } = crashSnapshot(12);
    const report = inspectWal(walFile(wal));
    expect(report?.frames).toBeGreaterThanOrEqual(12);
    expect(report).toEqual({ frames: report?.frames, replayed: report?.frames, droppedCommits: 0 });
    expect(commitFrames(wal, pageSize)).toHaveLength(12);
  });

  it('counts the commits after a damaged frame, which SQLite would drop without a word', () => {
    const { wal, pageSize } = crashSnapshot(12);
    const commits = commitFrames(wal, pageSize);
    const torn = commits[4] as number; // the fifth transaction's commit frame
    const damaged = tearFrame(wal, torn, pageSize);
    const report = inspectWal(walFile(damaged));
    expect(report?.replayed).toBe((commits[3] as number) + 1);
    // The torn commit itself and the seven after it.
    expect(report?.droppedCommits).toBe(8);
  });

  it('does not report a transaction that never committed (a crash in the middle of a write)', () => {
    const { wal, pageSize } = crashSnapshot(6, 0, 10_000);
    const commits = commitFrames(wal, pageSize);
    // The last transaction's pages are written, its commit frame is not.
    expect((commits[5] as number) - (commits[4] as number)).toBeGreaterThan(1);
    const cut = wal.subarray(0, frameOffset(commits[5] as number, pageSize));
    const report = inspectWal(walFile(cut));
    expect(report?.droppedCommits).toBe(0);
    expect(report?.replayed).toBe((commits[4] as number) + 1);
    expect(report?.frames).toBeGreaterThan(report?.replayed ?? 0);
  });

  it('does not report the frames of an older generation left behind when the log started over', () => {
    const { wal, pageSize } = crashSnapshot(2, 20);
    const report = inspectWal(walFile(wal));
    expect(commitFrames(wal, pageSize).length).toBeGreaterThan(2);
    expect(report?.droppedCommits).toBe(0);
    expect(report?.replayed).toBeLessThan(report?.frames ?? 0);
  });

  it('has nothing to say about a missing, empty or foreign file', () => {
    expect(inspectWal(join(tmpdir(), 'no-such-eiland.sqlite-wal'))).toBeNull();
    expect(inspectWal(walFile(Buffer.alloc(0)))).toBeNull();
    expect(inspectWal(walFile(Buffer.from('not a log at all, just words '.repeat(10))))).toBeNull();
  });
});
