import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../../shared/domain';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';
import { fillSession, pdfText } from './session-fixture';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';

type Host = Awaited<ReturnType<typeof startTestHost>>;
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const get = (host: Host, path: string, headers: Record<string, string> = auth) => fetch(`${host.url}${path}`, { headers });
const post = (host: Host, path: string, body?: Buffer | string, headers: Record<string, string> = auth) =>
  fetch(`${host.url}${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }) });
const rows = (host: Host) => (host.db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;

/**
 * Export on one laptop, import on another: two real hosts with their own data folders, talking
 * only through the files the programme lead would carry between them.
 */
describe('harvest over HTTP', () => {
  let source: Host;
  let target: Host;

  beforeAll(async () => {
    source = await startTestHost();
    target = await startTestHost();
    fillSession(source.engine, { id: 's1', notes: 60, points: 12, participants: 10 });
  }, 60_000);
  afterAll(async () => {
    await source?.cleanup();
    await target?.cleanup();
  });

  it('gives the same session back on a fresh laptop, and importing twice changes nothing', async () => {
    const archive = await get(source, 'api/export/session/s1.sqlite');
    expect(archive.status).toBe(200);
    expect(archive.headers.get('content-type')).toBe('application/vnd.sqlite3');
    const bytes = Buffer.from(await archive.arrayBuffer());
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');

    const window = await TestClient.facilitator(target.url, TEST_TOKEN);
    await window.subscribe('workspace');
    const first = await post(target, 'api/import', bytes);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ sessions: [{ id: 's1', outcome: 'created' }] });
    expect(target.engine.session('s1')).toEqual(source.engine.session('s1'));
    // The facilitator's window hears of the new session like of any other change.
    const event = await window.next((m) => m.t === 'event' && m.type === 'archive.import');
    expect(event.t === 'event' && event.changes[0]?.id).toBe('s1');
    const opened = await window.subscribe('s1');
    expect(opened.t === 'snapshot' && (opened.state as SessionState)).toEqual(source.engine.session('s1'));
    window.close();

    const count = rows(target);
    const second = await post(target, 'api/import', bytes);
    expect(await second.json()).toMatchObject({ sessions: [{ id: 's1', outcome: 'unchanged', added: 0 }] });
    expect(rows(target)).toBe(count);
  });

  it('refuses a file that is no archive, and changes nothing', async () => {
    const before = JSON.stringify(target.engine.workspace);
    const count = rows(target);
    for (const body of ['garbage', '', 'SQLite format 3\u0000 but not really']) {
      const response = await post(target, 'api/import', body);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ code: 'unreadable_archive', message: 'Dit bestand is geen Eiland-archief.' });
    }
    expect(rows(target)).toBe(count);
    expect(JSON.stringify(target.engine.workspace)).toBe(before);
  });

  it('refuses an import that is too large before reading it', async () => {
    // A client that announces 65 MB: the host answers before the body has even been sent.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${target.url}api/import`, { method: 'POST', headers: { ...auth, 'Content-Length': 65 * 1024 * 1024 } }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on('error', reject);
      request.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'too_large' });
  });

  it('needs the facilitator token for every route', async () => {
    for (const path of ['api/export/session/s1.pdf', 'api/export/session/s1.sqlite', 'api/export/programme/p.pdf']) {
      const response = await get(source, path, {});
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    }
    expect((await get(source, 'api/export/session/s1.csv?token=wrong-token-1234567')).status).toBe(401);
    expect((await post(source, 'api/demo', undefined, {})).status).toBe(401);
    expect((await get(source, `api/export/session/s1.csv?token=${TEST_TOKEN}`)).status).toBe(200);
  });

  it('answers unknown ids and routes with a clear JSON error', async () => {
    const missing = await get(source, 'api/export/session/nope.pdf');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'unknown_session', message: 'Er is geen sessie met id "nope".' });
    expect(await (await get(source, 'api/export/programme/nope.pdf')).json()).toMatchObject({ code: 'unknown_programme' });
    expect((await get(source, 'api/export/session/s1.odt')).status).toBe(404);
    expect(await (await get(source, 'api/export/programme/prog.odt')).json()).toMatchObject({ code: 'not_found', message: expect.stringContaining('PDF, Word of archief') });
    expect((await post(source, 'api/export/session/s1.pdf')).status).toBe(405);
  });

  it('exports notes and dots as CSV for Excel', async () => {
    const notes = await get(source, 'api/export/session/s1.csv');
    expect(notes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await notes.arrayBuffer());
    expect(text.startsWith('\uFEFFid,kant,thema,tekst')).toBe(true);
    expect(text.split('\r\n').length).toBe(62);
    const votes = await (await get(source, 'api/export/session/s1.csv?table=votes&lang=en')).text();
    expect(votes).toContain('point of attention');
    expect(votes.split('\r\n').length - 2).toBe(Object.keys(source.engine.session('s1')?.votes ?? {}).length);
  });

  it('makes the demo once, and its programme summary holds the themes', async () => {
    const first = await post(source, 'api/demo');
    expect(await first.json()).toMatchObject({ programmeId: 'demo-avk', created: ['demo-avk-programmateam', 'demo-avk-managers', 'demo-avk-stuurgroep'] });
    const count = rows(source);
    expect(await (await post(source, 'api/demo')).json()).toMatchObject({ created: [] });
    expect(rows(source)).toBe(count);
    const workspace = source.engine.workspace as WorkspaceState;
    expect(Object.values(workspace.sessions).filter((s) => s.programmeId === 'demo-avk')).toHaveLength(3);

    const pdf = await get(source, 'api/export/programme/demo-avk.pdf');
    expect(pdf.status).toBe(200);
    const file = join(source.dataDir, 'programme.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = pdfText(file);
    const summary = text.slice(text.indexOf('Samengevat'));
    expect(summary).toContain('Thema: Samen handen en voeten geven aan een visie');
    expect(summary).toContain('Thema: Monitoring, effectiviteit en ervaringen');
    expect(summary).toContain('Genoemd door 3 groepen');

    const suggestions = await (await get(source, 'api/programme/demo-avk/suggestions')).json();
    expect(suggestions.suggestions.length).toBeGreaterThan(0);
    const chosen = await get(source, 'api/export/programme/demo-avk.pdf?sessions=demo-avk-managers,s1');
    expect(chosen.status).toBe(400);
  });
});
