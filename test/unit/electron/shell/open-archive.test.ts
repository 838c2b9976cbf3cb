/**
 * Opening .eiland files: which command-line arguments are archives, and the import itself against
 * a real host (its HTTP API on loopback, a real SQLite file), as the shell does it after a
 * double-click. Only 'electron' is mocked; nothing here needs it, the locale module is pure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDemo } from '../../../../electron/host/export/demo';
import { programmeArchive, sessionArchive } from '../../../../electron/host/export/exporter';
import { setShellLocale } from '../../../../electron/shell/locale';
import { ArchiveOpener, archivePathsFromArgv, describeImport, importArchiveFile, isArchivePath } from '../../../../electron/shell/open-archive';
import { startTestHost, TEST_TOKEN } from '../../../support/host-harness';

type Host = Awaited<ReturnType<typeof startTestHost>>;

describe('archivePathsFromArgv', () => {
  it('picks .eiland files, absolute or relative to the starting folder', () => {
    expect(archivePathsFromArgv(['/opt/Eiland/eiland', '/home/a/Stuurgroep.eiland'], '/')).toEqual(['/home/a/Stuurgroep.eiland']);
    expect(archivePathsFromArgv(['eiland', 'exports/VERSLAG.EILAND'], '/home/a')).toEqual(['/home/a/exports/VERSLAG.EILAND']);
  });

  it('skips the program, flags, the dev start folder, other files and duplicates', () => {
    const argv = ['electron', '.', '--no-sandbox', '--x=a.eiland', 'notes.txt', 'a.sqlite', '/d/a.eiland', '/d/a.eiland'];
    expect(archivePathsFromArgv(argv, '/d')).toEqual(['/d/a.eiland']);
    expect(archivePathsFromArgv(['/d/a.eiland'], '/d')).toEqual([]);
  });

  it('takes file:// URLs as Linux file managers pass them, and no other kind of address', () => {
    expect(archivePathsFromArgv(['eiland', 'file:///home/a/Mijn%20sessie.eiland'], '/')).toEqual(['/home/a/Mijn sessie.eiland']);
    expect(archivePathsFromArgv(['eiland', 'https://example.org/x.eiland', 'file://server/share/x.eiland'], '/')).toEqual([]);
  });

  it('knows the extension', () => {
    expect(isArchivePath('x.eiland')).toBe(true);
    expect(isArchivePath('x.eiland.txt')).toBe(false);
    expect(isArchivePath('eiland')).toBe(false);
  });
});

describe('importing through the host', () => {
  let source: Host;
  let target: Host;
  let folder: string;
  let sessionFile: string;
  let programmeFile: string;
  let demo: ReturnType<typeof createDemo>;
  const address = () => ({ url: target.url, token: TEST_TOKEN });

  beforeAll(async () => {
    source = await startTestHost();
    target = await startTestHost();
    demo = createDemo(source.engine);
    folder = mkdtempSync(join(tmpdir(), 'eiland-archives-'));
    sessionFile = join(folder, 'Programmateam.eiland');
    programmeFile = join(folder, 'Alliantie.eiland');
    writeFileSync(sessionFile, sessionArchive(source.engine, demo.sessionIds[0] as string));
    writeFileSync(programmeFile, programmeArchive(source.engine, demo.programmeId));
    writeFileSync(join(folder, 'not-an-archive.eiland'), 'hallo');
  }, 60_000);
  afterAll(async () => {
    await source?.cleanup();
    await target?.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => setShellLocale('nl'));

  it('imports a session archive, then finds it there already', async () => {
    const first = await importArchiveFile(sessionFile, address());
    expect(first).toEqual({ ok: true, sessions: [expect.objectContaining({ id: demo.sessionIds[0], outcome: 'created' })] });
    expect(target.engine.workspace.sessions[demo.sessionIds[0] as string]).toBeDefined();
    const again = await importArchiveFile(sessionFile, address());
    expect(again).toEqual({ ok: true, sessions: [expect.objectContaining({ outcome: 'unchanged' })] });
  });

  it('refuses a file that is not an archive, a missing file, and a wrong token, in plain words', async () => {
    expect(await importArchiveFile(join(folder, 'not-an-archive.eiland'), address())).toEqual({ ok: false, reason: 'Dit bestand is geen Eiland-archief.' });
    expect(await importArchiveFile(join(folder, 'weg.eiland'), address())).toEqual({ ok: false, reason: expect.stringContaining('kan niet gelezen worden') });
    expect(await importArchiveFile(sessionFile, { url: target.url, token: 'wrong' })).toEqual({ ok: false, reason: 'Er ging iets mis. Er is niets veranderd.' });
    setShellLocale('en');
    expect(await importArchiveFile(join(folder, 'not-an-archive.eiland'), address())).toEqual({ ok: false, reason: 'This file is not an Eiland archive.' });
  });

  it('says what happened to each session', () => {
    const counts = { added: 0, updated: 0, deleted: 0, conflicts: 0 };
    const text = describeImport([
      { id: 'a', title: 'Programmateam', outcome: 'created', ...counts },
      { id: 'b', title: 'Managers', outcome: 'unchanged', ...counts },
      { id: 'c', title: 'Stuurgroep', outcome: 'deleted', ...counts },
    ]);
    expect(text.message).toBe('Nieuw: 1. Bijgewerkt: 0. Was er al: 1.');
    expect(text.detail).toBe('• Programmateam (nieuw)\n• Managers (was er al)\n• Stuurgroep (verwijderd op de andere laptop)');
  });

  it('waits for the host, then opens the one session of an archive and shows the result', async () => {
    const actions = { showResult: vi.fn(), showError: vi.fn(), openSession: vi.fn(), showSessions: vi.fn() };
    const opener = new ArchiveOpener(actions);
    const early = opener.open([sessionFile]);
    await early;
    expect(actions.showResult).not.toHaveBeenCalled();
    await opener.setHost(address());
    expect(actions.openSession).toHaveBeenCalledExactlyOnceWith(demo.sessionIds[0]);
    expect(actions.showResult).toHaveBeenCalledWith('Archief geopend', 'Nieuw: 0. Bijgewerkt: 0. Was er al: 1.', expect.stringContaining('(was er al)'));
  });

  it('shows the list for a programme archive and an error for a bad file, one after the other', async () => {
    const actions = { showResult: vi.fn(), showError: vi.fn(), openSession: vi.fn(), showSessions: vi.fn() };
    const opener = new ArchiveOpener(actions);
    await opener.setHost(address());
    await opener.open([programmeFile, join(folder, 'not-an-archive.eiland')]);
    expect(actions.showSessions).toHaveBeenCalledTimes(1);
    expect(actions.showResult.mock.calls[0]?.[1]).toBe(`Nieuw: ${demo.sessionIds.length - 1}. Bijgewerkt: 0. Was er al: 1.`);
    expect(actions.showError).toHaveBeenCalledExactlyOnceWith('Archief openen lukte niet', expect.stringContaining('not-an-archive.eiland'));
    for (const id of demo.sessionIds) expect(target.engine.workspace.sessions[id], id).toBeDefined();
  });
});
