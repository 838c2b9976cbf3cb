import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../electron/host/db/event-store';
import { databasePath, openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { ExportError } from '../../../electron/host/export/errors';
import type { WorkerOutput } from '../../../electron/host/jobs/messages';
import { JobCancelled, WorkerPool } from '../../../electron/host/jobs/pool';
import type { JobProgress } from '../../../shared/jobs';
import { exportWorkerBundle } from '../../support/export-worker-bundle';
import { tempDataDir } from '../../support/host-harness';
import { fillSession } from '../export/session-fixture';

/**
 * The worker pool with the real export worker (bundled as the app bundles it) over a real
 * database file: what a crash, a cancel and a closing host do to the jobs, and that the pool
 * recovers from each with a fresh worker.
 */
describe('the export worker pool', () => {
  let dataDir: string;
  let workerFile: string;
  let closeDb: () => void;

  beforeAll(async () => {
    workerFile = await exportWorkerBundle();
    dataDir = tempDataDir('eiland-pool-');
    const { db } = openDatabase(dataDir);
    closeDb = () => db.close();
    const engine = new Engine(new EventStore(db));
    fillSession(engine, { id: 'big', notes: 1500, points: 10, participants: 10 });
    fillSession(engine, { id: 'small', notes: 5, points: 2, participants: 2 });
  }, 120_000);
  afterAll(() => {
    closeDb?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const pdf = (id: string) => ({ kind: 'export' as const, request: { scope: 'session' as const, id, format: 'pdf' as const } });
  const csv = (id: string) => ({ kind: 'export' as const, request: { scope: 'session' as const, id, format: 'csv' as const } });
  const pool = (options: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) =>
    new WorkerPool({ workerFile, databaseFile: databasePath(dataDir), maxWorkers: 1, ...options });
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);
  const text = (output: WorkerOutput) => (output.kind === 'export' ? Buffer.from(output.data).toString('utf8') : '');

  it('runs exports and reports progress from the worker', async () => {
    const workers = pool();
    try {
      const seen: JobProgress[] = [];
      const output = await workers.run(pdf('big'), (progress) => seen.push(progress)).output;
      expect(output).toMatchObject({ kind: 'export', fileName: 'Groot eiland 2024-06-02.pdf', contentType: 'application/pdf' });
      expect(seen[0]).toEqual({ stage: 'preparing', done: 0, total: 0 });
      const pages = seen.filter((progress) => progress.stage === 'pages');
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.at(-1)?.done).toBe(pages.at(-1)?.total);
      expect(seen.at(-1)?.stage).toBe('saving');
      expect(text(await workers.run(csv('small'), () => undefined).output)).toContain('small-n4,IK-kant');
    } finally {
      await workers.close();
    }
  });

  it('readies one worker when an export is likely, which then makes the export; asked twice, still one', async () => {
    const workers = pool();
    try {
      workers.prepare();
      workers.prepare();
      expect(workers.stats()).toEqual({ workers: 1, started: 1 });
      // The export waits for the warm-up (one worker at a time here) and is made by the same worker.
      const output = await workers.run(pdf('small'), () => undefined).output;
      expect(output).toMatchObject({ kind: 'export', contentType: 'application/pdf' });
      workers.prepare();
      expect(workers.stats()).toEqual({ workers: 1, started: 1 });
    } finally {
      await workers.close();
    }
    workers.prepare();
    expect(workers.stats()).toEqual({ workers: 0, started: 1 });
    const none = new WorkerPool({ workerFile: null, databaseFile: databasePath(dataDir) });
    none.prepare();
    expect(none.stats()).toEqual({ workers: 0, started: 0 });
  });

  it('warms up on a report of its own, reading nothing of the data folder', async () => {
    const workers = pool({ databaseFile: join(dataDir, 'er-is-geen-database.sqlite') });
    try {
      const output = await workers.run({ kind: 'warm-up' }, () => undefined).output;
      expect(output).toMatchObject({ kind: 'warm' });
      expect(existsSync(join(dataDir, 'er-is-geen-database.sqlite'))).toBe(false);
    } finally {
      await workers.close();
    }
  });

  it('fails only the job whose worker ran out of memory, then goes on with a fresh worker', async () => {
    // A heap too small for a 1,500-note report but enough for a small table.
    const workers = pool({ maxHeapMb: 24 });
    try {
      const crashed = await failure(workers.run(pdf('big'), () => undefined).output);
      expect(crashed).toBeInstanceOf(ExportError);
      expect(crashed).toMatchObject({ code: 'worker_failed', message: expect.stringContaining('onverwacht gestopt') });
      expect(text(await workers.run(csv('small'), () => undefined).output)).toContain('small-n4,IK-kant');
    } finally {
      await workers.close();
    }
  });

  it('tells a refusal from the worker as the plain ExportError it is', async () => {
    const workers = pool();
    try {
      const refused = await failure(workers.run(csv('nope'), () => undefined).output);
      expect(refused).toMatchObject({ code: 'unknown_session', message: 'Er is geen sessie met id "nope".' });
      const archive = await failure(workers.run({ kind: 'read-archive', bytes: new Uint8Array(Buffer.from('geen archief')) }, () => undefined).output);
      expect(archive).toMatchObject({ code: 'unreadable_archive', message: 'Dit bestand is geen Eiland-archief.' });
    } finally {
      await workers.close();
    }
  });

  it('cancels a running job by ending its worker, and a waiting one before it starts', async () => {
    const workers = pool();
    try {
      const seen: JobProgress[] = [];
      let reachedPages: () => void = () => undefined;
      const drawing = new Promise<void>((resolve) => {
        reachedPages = resolve;
      });
      const running = workers.run(pdf('big'), (progress) => {
        if (progress.stage === 'pages') reachedPages();
      });
      const waiting = workers.run(pdf('small'), (progress) => seen.push(progress));
      const [runningEnd, waitingEnd] = [failure(running.output), failure(waiting.output)];
      expect(seen).toEqual([{ stage: 'waiting', done: 0, total: 0 }]);
      await drawing;
      waiting.cancel();
      running.cancel();
      expect(await runningEnd).toBeInstanceOf(JobCancelled);
      expect(await waitingEnd).toBeInstanceOf(JobCancelled);
      expect(seen).toEqual([{ stage: 'waiting', done: 0, total: 0 }]);
      expect(text(await workers.run(csv('small'), () => undefined).output)).toContain('small-n4,IK-kant');
    } finally {
      await workers.close();
    }
  });

  it('cancels what is left when the host stops, and takes no new jobs', async () => {
    const workers = pool();
    const running = failure(workers.run(pdf('big'), () => undefined).output);
    const waiting = failure(workers.run(csv('small'), () => undefined).output);
    await workers.close();
    expect(await running).toBeInstanceOf(JobCancelled);
    expect(await waiting).toBeInstanceOf(JobCancelled);
    expect(await failure(workers.run(csv('small'), () => undefined).output)).toBeInstanceOf(JobCancelled);
  });

  it('fails jobs plainly when the worker program is missing or not given', async () => {
    for (const missing of [join(dataDir, 'no-such-worker.mjs'), null]) {
      const workers = pool({ workerFile: missing });
      try {
        expect(await failure(workers.run(csv('small'), () => undefined).output)).toMatchObject({ code: 'worker_failed' });
      } finally {
        await workers.close();
      }
    }
  });
});
