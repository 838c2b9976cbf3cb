import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataFolderHolder } from '../../../../../electron/host/db/data-lock';

describe('dataFolderHolder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const lock = (content: string) => {
    dir = mkdtempSync(join(tmpdir(), 'eiland-lock-'));
    writeFileSync(join(dir, 'eiland.lock'), content);
    return dir;
  };

  it('names a living holder', () => {
    expect(dataFolderHolder(lock(JSON.stringify({ pid: process.pid, startedAt: 5 })))).toEqual({ pid: process.pid, startedAt: 5 });
  });

  it('holds nothing when the process is gone, the file is missing or unreadable', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    expect(dataFolderHolder(lock(JSON.stringify({ pid: gone, startedAt: 1 })))).toBeNull();
    rmSync(dir, { recursive: true, force: true });
    expect(dataFolderHolder(lock('{"pid":'))).toBeNull();
    rmSync(dir, { recursive: true, force: true });
    expect(dataFolderHolder(lock(JSON.stringify({ pid: 'x', startedAt: 1 })))).toBeNull();
    expect(dataFolderHolder(join(dir, 'nowhere'))).toBeNull();
  });
});
