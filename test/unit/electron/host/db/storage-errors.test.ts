import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  classifyOpenError,
  DamagedDatabaseError,
  fileSystemProbe,
  type StorageProbe,
  storageFailureReply,
  storageRefusal,
} from '../../../../../electron/host/db/storage-errors';
import { translate } from '../../../../../shared/i18n/messages';
import { freshDir } from '../../../../support/storage-faults';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function place(): { dir: string; file: string } {
  const dir = freshDir();
  dirs.push(dir);
  const file = join(dir, 'eiland.sqlite');
  writeFileSync(file, 'x');
  return { dir, file };
}

const sqlite = (code: string) => new Database.SqliteError(`${code} happened`, code);
const errno = (code: string) => Object.assign(new Error(`${code}: happened`), { code });
/** A probe where nothing is wrong on disk: whatever failed, the file system did not cause it. */
const healthy: StorageProbe = { createIn: () => null, openForWriting: () => null, freeBytes: () => 10 ** 10 };

describe('classifying an error met while opening the database', () => {
  it('calls only SQLite’s own verdicts damage', () => {
    const { dir, file } = place();
    for (const error of [sqlite('SQLITE_CORRUPT'), sqlite('SQLITE_CORRUPT_INDEX'), sqlite('SQLITE_NOTADB'), new DamagedDatabaseError('row 3 missing')]) {
      expect(classifyOpenError(error, dir, file, healthy)).toBe('damaged');
    }
    for (const error of [sqlite('SQLITE_FULL'), sqlite('SQLITE_IOERR'), sqlite('SQLITE_CANTOPEN'), sqlite('SQLITE_READONLY'), errno('EACCES'), new Error('odd')]) {
      expect(classifyOpenError(error, dir, file, healthy)).not.toBe('damaged');
    }
  });

  it.each([
    ['SQLITE_FULL from SQLite', sqlite('SQLITE_FULL'), healthy, 'disk_full', 'dir'],
    ['ENOSPC from the file system', errno('ENOSPC'), healthy, 'disk_full', 'dir'],
    ['EDQUOT (over quota)', errno('EDQUOT'), healthy, 'disk_full', 'dir'],
    ['an I/O error on a disk with no room', sqlite('SQLITE_IOERR_SHMSIZE'), { ...healthy, freeBytes: () => 4096 }, 'disk_full', 'dir'],
    ['a folder on a read-only disk', sqlite('SQLITE_CANTOPEN'), { ...healthy, createIn: () => 'EROFS' }, 'read_only_folder', 'dir'],
    ['a folder without write permission', sqlite('SQLITE_CANTOPEN'), { ...healthy, createIn: () => 'EACCES' }, 'no_permission', 'dir'],
    ['an immutable folder (EPERM)', sqlite('SQLITE_CANTOPEN'), { ...healthy, createIn: () => 'EPERM' }, 'no_permission', 'dir'],
    ['a folder whose disk filled up meanwhile', sqlite('SQLITE_IOERR_WRITE'), { ...healthy, createIn: () => 'ENOSPC' }, 'disk_full', 'dir'],
    ['a file that refuses writing, where SQLite said read-only', sqlite('SQLITE_READONLY'), { ...healthy, openForWriting: () => 'EACCES' }, 'read_only_file', 'file'],
    ['a file without permission', sqlite('SQLITE_CANTOPEN'), { ...healthy, openForWriting: () => 'EACCES' }, 'no_permission', 'file'],
    ['EROFS from the file system', errno('EROFS'), healthy, 'read_only_folder', 'dir'],
    ['EACCES from the file system', errno('EACCES'), healthy, 'no_permission', 'dir'],
    ['a schema newer than this Eiland', new Error('Database schema 9 is newer than this Eiland (4); update Eiland'), healthy, 'newer_version', 'file'],
    ['anything else', sqlite('SQLITE_IOERR_LOCK'), healthy, 'unknown', 'file'],
  ] as const)('%s → %s', (_name, error, probe, kind, where) => {
    const { dir, file } = place();
    const verdict = classifyOpenError(error, dir, file, probe);
    expect(verdict).toMatchObject({ kind, path: where === 'dir' ? dir : file });
    expect(verdict).toHaveProperty('detail', expect.stringContaining(error.message));
  });

  it('asks the real file system without changing it', () => {
    const { dir, file } = place();
    expect(fileSystemProbe.createIn(dir)).toBeNull();
    expect(fileSystemProbe.openForWriting(file)).toBeNull();
    expect(fileSystemProbe.openForWriting(join(dir, 'absent'))).toBe('ENOENT');
    expect(fileSystemProbe.freeBytes(dir)).toBeGreaterThan(0);
    expect(classifyOpenError(sqlite('SQLITE_IOERR_LOCK'), dir, file)).toMatchObject({ kind: 'unknown' });
  });
});

describe('a storage error while running', () => {
  it('answers a command with disk_full or read_only, and nothing else', () => {
    expect(storageRefusal(sqlite('SQLITE_FULL'), 'c1')).toEqual({ t: 'error', id: 'c1', code: 'disk_full', message: 'Disk full; nothing was changed' });
    expect(storageRefusal(sqlite('SQLITE_READONLY'), null)).toMatchObject({ code: 'read_only', id: null });
    expect(storageRefusal(sqlite('SQLITE_READONLY_DBMOVED'), 'c2')).toMatchObject({ code: 'read_only' });
    expect(storageRefusal(sqlite('SQLITE_CONSTRAINT_UNIQUE'), 'c3')).toBeNull();
    expect(storageRefusal(new TypeError('a bug'), 'c4')).toBeNull();
  });

  it('answers the HTTP API with 507 and the catalogue’s Dutch text for a full disk', () => {
    expect(storageFailureReply(errno('ENOSPC'))).toEqual({ status: 507, code: 'disk_full', message: translate('nl', 'error.disk_full') });
    expect(storageFailureReply(sqlite('SQLITE_READONLY'))).toEqual({ status: 409, code: 'read_only', message: translate('nl', 'error.read_only') });
    expect(storageFailureReply(new Error('other'))).toBeNull();
  });
});
