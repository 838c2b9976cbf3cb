import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../shared/jobs';
import { addNotes } from '../../support/big-session';
import { tempDataDir } from '../../support/host-harness';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../../support/host-process';
import { sessionCreate } from '../../support/payloads';
import { startJob } from '../../support/job-stream';
import { TestClient } from '../../support/ws-client';

/**
 * Exports and imports as jobs, against the host as its own process (the bundle the app runs, with
 * its export worker beside it): the facilitator keeps getting acknowledgements while a big report
 * is made, a stopped job leaves nothing, and a job that goes wrong in the worker is told plainly
 * while the host goes on.
 */
const token = randomBytes(16).toString('hex');
const auth = { Authorization: `Bearer ${token}` };
const BIG = 'big';
const SMALL = 'small';

describe('jobs on a running host', () => {
  let bundle: HostBundle;
  let dataDir: string;
  let out: string;
  let host: HostProcess;
  let facilitator: TestClient;
  let counter = 0;

  const exportJob = (body: Record<string, unknown>, signal?: AbortSignal) =>
    startJob(`${host.url}api/jobs/export`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, signal);
  /** A facilitator command that changes something small; resolves with its answer. */
  const touch = () => facilitator.command(SMALL, { type: 'observation.set', zoneId: 'ik', text: `Stand ${++counter}` });
  const stillServing = async () => {
    expect((await touch()).t).toBe('ack');
    expect((await fetch(`${host.url}api/export/session/${SMALL}.csv`, { headers: auth })).status).toBe(200);
  };
  const leftovers = () => readdirSync(out);

  beforeAll(async () => {
    bundle = await buildHostBundle();
    dataDir = tempDataDir('eiland-jobs-');
    out = join(dataDir, 'out');
    mkdirSync(out);
    host = await spawnHost(bundle.file, dataDir, token);
    facilitator = await TestClient.facilitator(host.url, token);
    for (const id of [BIG, SMALL]) expect((await facilitator.command('workspace', sessionCreate(id, id === BIG ? 'Groot eiland' : 'Klein eiland'))).t).toBe('ack');
    // Long notes: a report of many pages, which takes seconds to draw on any machine.
    const writers = await Promise.all(Array.from({ length: 20 }, () => TestClient.facilitator(host.url, token)));
    await addNotes(writers, BIG, 2000, 480);
    await addNotes(writers, SMALL, 12);
    for (const writer of writers) writer.close();
  }, 120_000);

  afterAll(async () => {
    facilitator?.close();
    await host?.stop();
    bundle?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps acknowledging the facilitator while a big session report is made', async () => {
    const job = exportJob({ scope: 'session', id: BIG, format: 'pdf' });
    const started = await job.next((event) => event.t === 'job');
    const acks: number[] = [];
    let final: JobEvent | null = null;
    void job.finished.then((event) => {
      final = event;
    });
    while (final === null) {
      const answer = await touch();
      expect(answer.t).toBe('ack');
      acks.push(performance.now());
      // A facilitator dragging notes: well within the socket's 100 messages a second.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(final).toMatchObject({ t: 'done', result: { fileName: 'Groot eiland 2024-06-02.pdf' } });
    const finishedAt = (job.events.at(-1)?.at ?? 0) as number;
    const during = acks.filter((at) => at > started.at && at < finishedAt);
    // Acknowledged while the report was being drawn: progress kept coming after the first ack.
    expect(during.length).toBeGreaterThan(3);
    const progressAfter = job.events.filter(({ event, at }) => event.t === 'progress' && event.stage === 'pages' && at > (during[0] as number));
    expect(progressAfter.length).toBeGreaterThan(0);

    const done = final as unknown as { result: { download: string; pages: number } };
    const file = await fetch(`${host.url}${done.result.download.slice(1)}`, { headers: auth });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(done.result.pages).toBeGreaterThan(50);
    // Handed out once: the host keeps no copy.
    expect((await fetch(`${host.url}${done.result.download.slice(1)}`, { headers: auth })).status).toBe(404);
  });

  it('stops a job when asked, and leaves no file and no temporary file', async () => {
    const path = join(out, 'gestopt.pdf');
    const job = exportJob({ scope: 'session', id: BIG, format: 'pdf', path });
    const { event } = await job.next((e) => e.t === 'job');
    const jobId = (event as { jobId: string }).jobId;
    await job.next((e) => e.t === 'progress' && e.stage === 'pages' && e.done < e.total);
    const stop = await fetch(`${host.url}api/jobs/${jobId}`, { method: 'DELETE', headers: auth });
    expect(stop.status).toBe(204);
    expect(await job.finished).toEqual({ t: 'cancelled' });
    expect(existsSync(path)).toBe(false);
    expect(leftovers()).toEqual([]);
    // Stopped is gone: asking again finds nothing.
    expect((await fetch(`${host.url}api/jobs/${jobId}`, { method: 'DELETE', headers: auth })).status).toBe(404);
    await stillServing();
  });

  it('stops a job whose requester went away', async () => {
    const path = join(out, 'weggelopen.pdf');
    const leaving = new AbortController();
    const job = exportJob({ scope: 'session', id: BIG, format: 'pdf', path }, leaving.signal);
    const jobId = ((await job.next((e) => e.t === 'job')).event as { jobId: string }).jobId;
    await job.next((e) => e.t === 'progress' && e.stage === 'pages' && e.done < e.total);
    leaving.abort();
    // The host notices the closed connection and ends the job: it is no longer running.
    const deadline = Date.now() + 10_000;
    while ((await fetch(`${host.url}api/jobs/${jobId}`, { method: 'DELETE', headers: auth })).status !== 404) {
      if (Date.now() > deadline) throw new Error('the job kept running after its requester left');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(leftovers()).toEqual([]);
    await stillServing();
    expect(existsSync(path)).toBe(false);
  });

  it('writes a job with a path whole, with the same bytes as the download', async () => {
    const path = join(out, 'notities.csv');
    const job = exportJob({ scope: 'session', id: SMALL, format: 'csv', path });
    expect(await job.finished).toMatchObject({ t: 'done', result: { path, fileName: 'Klein eiland 2024-06-02 notes.csv' } });
    const download = Buffer.from(await (await fetch(`${host.url}api/export/session/${SMALL}.csv`, { headers: auth })).arrayBuffer());
    expect(readFileSync(path).equals(download)).toBe(true);
    rmSync(path);
  });

  it('needs the facilitator token for every job route', async () => {
    const json = { 'Content-Type': 'application/json' };
    const body = JSON.stringify({ scope: 'session', id: SMALL, format: 'csv' });
    for (const [path, init] of [
      ['api/jobs/export', { method: 'POST', headers: json, body }],
      ['api/jobs/import', { method: 'POST', body: 'x' }],
      ['api/jobs/00000000-0000-0000-0000-000000000000', { method: 'DELETE' }],
      ['api/jobs/00000000-0000-0000-0000-000000000000/file', {}],
      ['api/jobs/prepare', { method: 'POST' }],
    ] as const) {
      const response = await fetch(`${host.url}${path}`, init);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'unauthorized' });
    }
    expect(leftovers()).toEqual([]);
  });

  it('readies the export worker when asked (the harvest panel opened), and refuses what is not that', async () => {
    const prepared = await fetch(`${host.url}api/jobs/prepare`, { method: 'POST', headers: auth });
    expect(prepared.status).toBe(204);
    // Asked again while it warms up: still nothing but 204.
    expect((await fetch(`${host.url}api/jobs/prepare`, { method: 'POST', headers: auth })).status).toBe(204);
    expect((await fetch(`${host.url}api/jobs/prepare`, { method: 'POST', headers: auth, body: 'x' })).status).toBe(413);
    const wrongMethod = await fetch(`${host.url}api/jobs/prepare`, { headers: auth });
    expect(wrongMethod.status).toBe(405);
    await stillServing();
    // The export after it is made as ever.
    const job = exportJob({ scope: 'session', id: SMALL, format: 'pdf' });
    expect(await job.finished).toMatchObject({ t: 'done', result: { fileName: 'Klein eiland 2024-06-02.pdf' } });
    expect(leftovers()).toEqual([]);
  });

  it('refuses a bad export request before any job starts', async () => {
    const wrong = exportJob({ scope: 'session', id: SMALL, format: 'odt' });
    expect(await wrong.status).toBe(400);
    const relative = exportJob({ scope: 'session', id: SMALL, format: 'pdf', path: 'verslag.pdf' });
    expect(await relative.status).toBe(400);
    const unknown = exportJob({ scope: 'session', id: 'nope', format: 'pdf' });
    expect(await unknown.finished).toEqual({ t: 'failed', code: 'unknown_session', message: 'Er is geen sessie met id "nope".' });
  });

  it('reads archives in the worker: refuses what is no archive with the usual message, takes in a real one', async () => {
    const importJob = (body: Uint8Array<ArrayBuffer>) =>
      startJob(`${host.url}api/jobs/import`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/octet-stream' }, body });
    for (const body of ['dit is geen archief', '', 'SQLite format 3\u0000 but not really']) {
      const job = importJob(new Uint8Array(Buffer.from(body)));
      expect(await job.finished).toEqual({ t: 'failed', code: 'unreadable_archive', message: 'Dit bestand is geen Eiland-archief.' });
      // A loaded machine may report the first stage twice before the refusal: at least one progress.
      const kinds = job.events.map(({ event }) => event.t);
      expect([kinds[0], kinds.at(-1)]).toEqual(['job', 'failed']);
      expect(kinds.slice(1, -1).length).toBeGreaterThan(0);
      expect(kinds.slice(1, -1).every((kind) => kind === 'progress')).toBe(true);
    }
    const plain = await fetch(`${host.url}api/import`, { method: 'POST', headers: auth, body: Buffer.from('geen archief') });
    expect(plain.status).toBe(422);
    expect(await plain.json()).toEqual({ code: 'unreadable_archive', message: 'Dit bestand is geen Eiland-archief.' });

    const exported = await fetch(`${host.url}api/export/session/${SMALL}.sqlite`, { headers: auth });
    expect(exported.status).toBe(200);
    const archive = new Uint8Array(await exported.arrayBuffer());
    const job = importJob(archive);
    expect(await job.finished).toMatchObject({ t: 'done', result: { sessions: [{ id: SMALL, outcome: 'unchanged', added: 0 }] } });
    expect(job.events.map(({ event }) => event.t === 'progress' && event.stage).filter(Boolean)).toEqual(['checking', 'applying']);
    await stillServing();
  });

  it('tells a job that went wrong in the worker plainly, and goes on serving', async () => {
    // A stored row the worker cannot read, as a damaged disk might leave it. The host itself has
    // the session in memory and keeps working with it; only the worker's read of the file fails.
    const damaged = 'damaged';
    expect((await facilitator.command('workspace', sessionCreate(damaged, 'Beschadigd'))).t).toBe('ack');
    expect((await facilitator.command(damaged, { type: 'note.add', id: 'dn1', zoneId: 'ik', text: 'Een notitie' })).t).toBe('ack');
    const db = new Database(join(dataDir, 'eiland.sqlite'));
    try {
      db.pragma('busy_timeout = 5000');
      const changed = db.prepare("UPDATE entities SET data = '{kapot' WHERE stream = ? AND key = 'notes'").run(damaged).changes;
      expect(changed).toBe(1);
    } finally {
      db.close();
    }
    const job = exportJob({ scope: 'session', id: damaged, format: 'csv' });
    expect(await job.finished).toEqual({ t: 'failed', code: 'internal', message: 'Er ging iets mis bij het exporteren of importeren. Er is niets veranderd.' });
    expect(host.output()).toContain('Eiland host: a job failed');
    const download = await fetch(`${host.url}api/export/session/${damaged}.pdf`, { headers: auth });
    expect(download.status).toBe(500);
    expect(await download.json()).toMatchObject({ code: 'internal' });
    await stillServing();
    expect((await facilitator.command(damaged, { type: 'note.add', id: 'dn2', zoneId: 'wij', text: 'Nog een' })).t).toBe('ack');
  });
});
