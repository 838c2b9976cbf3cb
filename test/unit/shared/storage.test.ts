import { describe, expect, it } from 'vitest';
import { catalogue, type MessageKey } from '../../../shared/i18n/messages';
import { nlStorage } from '../../../shared/i18n/nl-storage';
import { isHostStartProblemMessage, isHostStorageNoticeMessage } from '../../../shared/ipc';
import {
  commandLineBusyText,
  isStorageNotice,
  isStorageProblem,
  STORAGE_PROBLEMS,
  type StorageNotice,
  storageNoticeText,
  storageProblemText,
} from '../../../shared/storage';

const words = (text: string) => text.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];
const longest = (text: string) => Math.max(...text.split(/[.!?:\n]+/).map((sentence) => words(sentence).length));

describe('storage problems told in both languages', () => {
  it.each(STORAGE_PROBLEMS.flatMap((kind) => [['nl', kind] as const, ['en', kind] as const]))('%s: %s names the place and keeps to plain sentences', (locale, kind) => {
    const text = storageProblemText(locale, { kind, path: '/home/anna/Eiland', detail: 'SQLITE_IOERR: disk I/O error', holder: { pid: 77, startedAt: 0 } });
    expect(text).toContain('/home/anna/Eiland');
    expect(text).not.toMatch(/\{\w+\}/);
    expect(longest(text)).toBeLessThanOrEqual(22);
  });

  it('names the holding process and when it started, in each language’s own way', () => {
    const holder = { pid: 4321, startedAt: Date.UTC(2026, 10, 26, 9, 30) };
    expect(storageProblemText('nl', { kind: 'folder_busy', path: '/d', holder })).toMatch(/\(proces 4321, gestart op 26 nov 2026.*\d\d:\d\d\)/);
    expect(storageProblemText('en', { kind: 'folder_busy', path: '/d', holder })).toMatch(/\(process 4321, started 26 Nov 2026.*\d\d:\d\d\)/);
    expect(commandLineBusyText('nl', '/d', holder)).toContain('De opdrachtregel schrijft daar niet tussendoor');
    expect(commandLineBusyText('en', '/d', holder)).toContain('(process 4321');
  });

  it('shows the system’s own words only for a cause it does not recognise', () => {
    const detail = 'SQLITE_IOERR_LOCK: disk I/O error';
    expect(storageProblemText('nl', { kind: 'unknown', path: '/f', detail })).toContain(detail);
    expect(storageProblemText('nl', { kind: 'disk_full', path: '/f', detail })).not.toContain(detail);
  });

  it('tells every start-up notice, with and without a copy of the log', () => {
    const notices: StorageNotice[] = [
      { kind: 'set_aside', path: '/d/eiland.damaged-1.sqlite' },
      { kind: 'orphan_log', path: '/d/eiland.orphan-1.sqlite-wal' },
      { kind: 'log_dropped', path: '/d/eiland.log-1.sqlite-wal', commits: 3 },
      { kind: 'read_only', path: '/d/eiland.sqlite' },
    ];
    for (const notice of notices) for (const locale of ['nl', 'en'] as const) expect(storageNoticeText(locale, notice)).toContain(notice.path as string);
    expect(storageNoticeText('nl', { kind: 'log_dropped', path: null, commits: 2 })).toContain('2 bewaarde wijziging(en)');
    expect(storageNoticeText('en', { kind: 'log_dropped', path: null, commits: 2 })).not.toContain('null');
  });

  it('has an English text for every storage key that is really English', () => {
    for (const key of Object.keys(nlStorage) as MessageKey[]) expect(catalogue.en[key]).not.toBe(catalogue.nl[key]);
  });
});

describe('the messages the host sends the shell about storage', () => {
  it('accept what the host sends', () => {
    expect(isHostStartProblemMessage({ type: 'start-problem', problem: { kind: 'disk_full', path: '/d' } })).toBe(true);
    expect(isHostStartProblemMessage({ type: 'start-problem', problem: { kind: 'folder_busy', path: '/d', holder: { pid: 1, startedAt: 2 } } })).toBe(true);
    expect(isHostStorageNoticeMessage({ type: 'storage-notice', notice: { kind: 'log_dropped', path: null, commits: 1 } })).toBe(true);
  });

  it('reject anything malformed', () => {
    expect(isStorageProblem({ kind: 'disk_full' })).toBe(false);
    expect(isStorageProblem({ kind: 'wipe', path: '/' })).toBe(false);
    expect(isStorageProblem({ kind: 'folder_busy', path: '/d', holder: { pid: '1', startedAt: 2 } })).toBe(false);
    expect(isStorageProblem({ kind: 'unknown', path: '/d', detail: 5 })).toBe(false);
    expect(isStorageNotice({ kind: 'log_dropped', path: '/d' })).toBe(false);
    expect(isStorageNotice({ kind: 'read_only' })).toBe(false);
    expect(isHostStartProblemMessage({ type: 'storage-notice', problem: { kind: 'disk_full', path: '/d' } })).toBe(false);
    expect(isHostStorageNoticeMessage(null)).toBe(false);
  });
});
