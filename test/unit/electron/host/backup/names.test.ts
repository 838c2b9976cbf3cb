import { describe, expect, it } from 'vitest';
import { backupName, backupTime, keptAsideName, partialName } from '../../../../../electron/host/backup/names';
import { classify } from '../../../../../electron/host/backup/errors';

describe('backup names', () => {
  it('carry their time, to the millisecond, without colons', () => {
    const time = Date.UTC(2026, 10, 26, 9, 5, 7, 42);
    const name = backupName(time);
    expect(name).toBe('eiland-2026-11-26T09-05-07-042Z.sqlite');
    expect(backupTime(name)).toBe(time);
  });

  it('refuse what is not exactly one of ours', () => {
    for (const name of ['eiland-2026-02-31T00-00-00-000Z.sqlite', 'eiland-2026-11-26T09-05-07Z.sqlite', 'eiland.sqlite', partialName(backupName(0)), `${backupName(0)}-journal`, keptAsideName(0)]) {
      expect(backupTime(name), name).toBeNull();
    }
  });
});

describe('classify', () => {
  it('turns a full disk, a missing folder and a refusal into their own codes', () => {
    expect(classify(Object.assign(new Error('no space'), { code: 'ENOSPC' }), '/x').code).toBe('disk_full');
    expect(classify(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), '/x').code).toBe('disk_full');
    expect(classify(Object.assign(new Error('gone'), { code: 'ENOENT' }), '/x').code).toBe('folder_missing');
    expect(classify(Object.assign(new Error('no'), { code: 'EACCES' }), '/x').code).toBe('folder_not_writable');
    expect(classify(Object.assign(new Error('ro'), { code: 'SQLITE_READONLY_DIRECTORY' }), '/x').code).toBe('folder_not_writable');
    expect(classify(Object.assign(new Error('x'), { code: 'SQLITE_NOTADB' }), '/x').code).toBe('not_eiland');
    expect(classify(new Error('something else'), '/x').code).toBe('failed');
  });

  it('names the folder in both languages', () => {
    const error = classify(Object.assign(new Error('no space'), { code: 'ENOSPC' }), '/media/usb');
    expect(error.text('nl')).toContain('geen ruimte meer');
    expect(error.text('nl')).toContain('/media/usb');
    expect(error.text('en')).toContain('no space left');
    expect(error.text('en')).toContain('/media/usb');
  });
});
