import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { command, fillSession, pdfText } from './session-fixture';

type Host = Awaited<ReturnType<typeof startTestHost>>;
const auth = { Authorization: `Bearer ${TEST_TOKEN}`, 'Content-Type': 'application/json' };

/**
 * Saving a harvest where the desktop's save dialog pointed: the real host over HTTP, writing real
 * files into its temp folder. What the user sees afterwards is the file, or a clear refusal and no file.
 */
describe('POST /api/export-to-file', () => {
  let host: Host;
  let out: string;
  const save = (body: unknown, headers: Record<string, string> = auth, query = '') =>
    fetch(`${host.url}api/export-to-file${query}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  /** Files in the output folder, temp files included: a failed write must leave none behind. */
  const files = (dir = out) => readdirSync(dir).sort();

  beforeAll(async () => {
    host = await startTestHost();
    out = join(host.dataDir, 'out');
    mkdirSync(out);
    command(host.engine, 'workspace', { type: 'programme.create', id: 'prog', name: 'Alliantie tegen armoede' });
    fillSession(host.engine, { id: 's1', notes: 30, points: 6, participants: 5, programmeId: 'prog', title: 'Programmateam' });
    fillSession(host.engine, { id: 's2', notes: 10, points: 3, participants: 3, programmeId: 'prog', title: 'Stuurgroep', date: '2024-09-12' });
  }, 60_000);
  afterAll(async () => {
    await host?.cleanup();
  });

  it('writes the session report as a PDF that holds the attention points', async () => {
    const path = join(out, 'verslag.pdf');
    const response = await save({ scope: 'session', id: 's1', format: 'pdf', path });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ path, bytes: readFileSync(path).length });
    expect(body.pages).toBeGreaterThan(0);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(path);
    expect(text).toContain('Aandachtspunt 00 over monitoring');
    expect(text).toContain('Aandachtspunt 05 over monitoring');
    expect(files()).toEqual(['verslag.pdf']);
  });

  it('writes archive and CSV files byte for byte as the downloads give them', async () => {
    const csv = join(out, 'notities.csv');
    expect((await save({ scope: 'session', id: 's1', format: 'csv', path: csv, lang: 'en' })).status).toBe(200);
    const download = Buffer.from(await (await fetch(`${host.url}api/export/session/s1.csv?lang=en&token=${TEST_TOKEN}`)).arrayBuffer());
    expect(readFileSync(csv).equals(download)).toBe(true);

    const votes = join(out, 'stemmen.csv');
    expect((await save({ scope: 'session', id: 's1', format: 'votes-csv', path: votes })).status).toBe(200);
    const votesDownload = Buffer.from(await (await fetch(`${host.url}api/export/session/s1.csv?table=votes&token=${TEST_TOKEN}`)).arrayBuffer());
    expect(readFileSync(votes).equals(votesDownload)).toBe(true);

    const archive = join(out, 'sessie.eiland');
    expect((await save({ scope: 'session', id: 's1', format: 'sqlite', path: archive })).status).toBe(200);
    expect(readFileSync(archive).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('writes a programme summary of the chosen sessions, and its archive', async () => {
    const path = join(out, 'samengevat.pdf');
    const response = await save({ scope: 'programme', id: 'prog', format: 'pdf', path, sessions: ['s2'] });
    expect(response.status).toBe(200);
    const text = pdfText(path);
    expect(text).toContain('Alliantie tegen armoede');
    // Only s2 was chosen: its three points are in, the other session's fourth to sixth are not.
    expect(text).toContain('Stuurgroep');
    expect(text).toContain('Aandachtspunt 02 over monitoring');
    expect(text).not.toContain('Aandachtspunt 05 over monitoring');

    const archive = join(out, 'programma.sqlite');
    expect((await save({ scope: 'programme', id: 'prog', format: 'sqlite', path: archive })).status).toBe(200);
    expect(readFileSync(archive).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('replaces an existing file whole', async () => {
    const path = join(out, 'bestaat.csv');
    writeFileSync(path, 'oud');
    expect((await save({ scope: 'session', id: 's2', format: 'csv', path })).status).toBe(200);
    expect(readFileSync(path, 'utf8')).toContain('Notitie');
    expect(files().filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('answers 422 with a plain Dutch message when the place cannot be written, and leaves nothing', async () => {
    const before = files();
    const missing = await save({ scope: 'session', id: 's1', format: 'pdf', path: join(out, 'bestaat-niet', 'verslag.pdf') });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toEqual({ code: 'not_writable', message: `Kan niet schrijven naar "${join(out, 'bestaat-niet', 'verslag.pdf')}": de map bestaat niet.` });

    const folder = join(out, 'map.pdf');
    mkdirSync(folder);
    const directory = await save({ scope: 'session', id: 's1', format: 'pdf', path: folder });
    expect(directory.status).toBe(422);
    expect(await directory.json()).toMatchObject({ code: 'not_writable', message: expect.stringContaining('dat is een map, geen bestand') });
    expect(readdirSync(folder)).toEqual([]);
    expect(files()).toEqual([...before, 'map.pdf'].sort());
  });

  // root may write anywhere, even in a folder without write permission; sysfs refuses root too.
  it('answers 422 for a folder without write permission', async () => {
    const asRoot = process.getuid?.() === 0;
    const locked = asRoot ? '/sys' : join(out, 'op-slot');
    if (!asRoot) {
      mkdirSync(locked);
      chmodSync(locked, 0o500);
    }
    try {
      const response = await save({ scope: 'session', id: 's1', format: 'csv', path: join(locked, 'notities.csv') });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'not_writable', message: expect.stringContaining('geen schrijfrechten') });
      expect(readdirSync(locked).filter((name) => name.startsWith('notities'))).toEqual([]);
    } finally {
      if (!asRoot) chmodSync(locked, 0o700);
    }
  });

  it('needs the facilitator token, and writes nothing without it', async () => {
    const path = join(out, 'zonder-code.pdf');
    const body = { scope: 'session', id: 's1', format: 'pdf', path };
    const missing = await save(body, { 'Content-Type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ code: 'unauthorized' });
    expect((await save(body, { 'Content-Type': 'application/json' }, '?token=wrong-token-0123456789abcdef')).status).toBe(401);
    expect(existsSync(path)).toBe(false);
    expect((await save(body, { 'Content-Type': 'application/json' }, `?token=${TEST_TOKEN}`)).status).toBe(200);
    expect(existsSync(path)).toBe(true);
  });

  it('refuses bad requests with 400 and a plain message, before anything is written', async () => {
    const path = join(out, 'fout.pdf');
    const cases: [unknown, string][] = [
      ['{"scope": "session",', 'Dit verzoek is geen geldige JSON.'],
      ['', 'Dit verzoek is geen geldige JSON.'],
      [[], 'Stuur een JSON-object met scope, id, format en path.'],
      [{ scope: 'session', id: 's1', format: 'odt', path }, 'Onbekend formaat. Kies pdf, docx, sqlite, csv of votes-csv.'],
      [{ scope: 'team', id: 's1', format: 'pdf', path }, 'Kies wat je exporteert: "session" of "programme".'],
      [{ scope: 'session', id: 's1', format: 'pdf' }, 'Geef aan waar het bestand moet komen.'],
      [{ scope: 'session', id: '../s1', format: 'pdf', path }, 'De id van de sessie of het programma ontbreekt of klopt niet.'],
      [{ scope: 'session', id: 's1', format: 'pdf', path, lang: 'de' }, 'De taal is nl of en.'],
      [{ scope: 'programme', id: 'prog', format: 'csv', path: join(out, 'fout.csv') }, 'CSV kan alleen per sessie. Kies voor een programma pdf, docx of sqlite.'],
      [{ scope: 'session', id: 's1', format: 'pdf', path: 'fout.pdf' }, 'Geef de volledige plek van het bestand, met de map erbij.'],
      [{ scope: 'session', id: 's1', format: 'pdf', path: join(out, 'fout.sh') }, 'De bestandsnaam moet eindigen op .pdf.'],
      [{ scope: 'programme', id: 'prog', format: 'docx', path: join(out, 'fout.doc') }, 'De bestandsnaam moet eindigen op .docx.'],
    ];
    for (const [body, message] of cases) {
      const response = await save(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json()).toEqual({ code: 'bad_request', message });
    }
    const unknown = await save({ scope: 'session', id: 'nope', format: 'pdf', path });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'unknown_session' });
    expect((await fetch(`${host.url}api/export-to-file`, { headers: auth })).status).toBe(405);
    expect(files().filter((name) => name.startsWith('fout') || name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a request body that is far too big', async () => {
    const response = await save({ scope: 'session', id: 's1', format: 'pdf', path: join(out, 'groot.pdf'), padding: 'x'.repeat(100_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'too_large' });
  });
});
