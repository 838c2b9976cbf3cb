import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../electron/host/db/event-store';
import { databasePath, openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { sessionArchive } from '../../../electron/host/export/exporter';
import { Jobs } from '../../../electron/host/jobs/jobs';
import { JobCancelled, WorkerPool } from '../../../electron/host/jobs/pool';
import type { JobProgress } from '../../../shared/jobs';
import { exportWorkerBundle } from '../../support/export-worker-bundle';
import { tempDataDir } from '../../support/host-harness';
import { command, fillSession } from '../export/session-fixture';

/**
 * Jobs over the real worker and a real database: an import is applied whole after the worker has
 * checked it, or not at all when it is stopped first; a made file is handed out once.
 */
describe('export and import jobs', () => {
  const folders: string[] = [];
  const closers: (() => void)[] = [];
  let engine: Engine;
  /** The other laptop the archives come from. */
  let elsewhere: Engine;
  let jobs: Jobs;
  let archive: Buffer;

  const openEngine = () => {
    const dir = tempDataDir('eiland-jobs-');
    folders.push(dir);
    const { db } = openDatabase(dir);
    closers.push(() => db.close());
    return { engine: new Engine(new EventStore(db)), file: databasePath(dir) };
  };

  beforeAll(async () => {
    const here = openEngine();
    engine = here.engine;
    fillSession(engine, { id: 'big', notes: 1500, points: 10, participants: 10 });
    // The archive comes from another laptop: a session this one does not have.
    elsewhere = openEngine().engine;
    fillSession(elsewhere, { id: 'elders', notes: 40, points: 4, participants: 4, title: 'Van elders' });
    archive = sessionArchive(elsewhere, 'elders');
    jobs = new Jobs(engine, new WorkerPool({ workerFile: await exportWorkerBundle(), databaseFile: here.file, maxWorkers: 1 }));
  }, 120_000);
  afterAll(async () => {
    await jobs?.close();
    for (const close of closers) close();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('drops an import stopped while it waits, and applies nothing of it', async () => {
    const exporting = jobs.makeExport({ scope: 'session', id: 'big', format: 'pdf' });
    const seen: JobProgress[] = [];
    const importing = jobs.startImport(new Uint8Array(archive), (progress) => seen.push(progress));
    const stopped = importing.result.then(
      () => 'applied',
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // One worker, busy with the report: the import waits its turn.
    expect(seen).toEqual([{ stage: 'waiting', done: 0, total: 0 }]);
    expect(jobs.cancel(importing.id)).toBe(true);
    expect(await stopped).toBeInstanceOf(JobCancelled);
    expect((await exporting.result).fileName).toBe('Groot eiland 2024-06-02.pdf');
    expect(engine.session('elders')).toBeUndefined();
    expect(engine.workspace.sessions.elders).toBeUndefined();
    expect(jobs.cancel(importing.id)).toBe(false);
  });

  it('applies a checked import whole, and says so per session', async () => {
    const seen: string[] = [];
    const report = await jobs.startImport(new Uint8Array(archive), (progress) => seen.push(progress.stage)).result;
    expect(report.sessions).toEqual([{ id: 'elders', title: 'Van elders', outcome: 'created', added: expect.any(Number), updated: 0, deleted: 0, conflicts: 0 }]);
    expect(report.conflicts).toEqual([]);
    expect(seen).toEqual(['checking', 'applying']);
    expect(Object.keys(engine.session('elders')?.notes ?? {})).toHaveLength(40);
  });

  it('merges a later archive of the same session record by record: edits, deletions and a conflict, all reported', async () => {
    // After the first import both laptops change the same note; the other one also edits and deletes one of its own.
    command(engine, 'elders', { type: 'note.edit', id: 'elders-n30', text: 'Hier geschreven' });
    command(elsewhere, 'elders', { type: 'note.edit', id: 'elders-n30', text: 'Daar geschreven' });
    command(elsewhere, 'elders', { type: 'note.edit', id: 'elders-n31', text: 'Alleen daar veranderd' });
    command(elsewhere, 'elders', { type: 'note.delete', ids: ['elders-n32'] });
    const seen: string[] = [];
    const report = await jobs.startImport(new Uint8Array(sessionArchive(elsewhere, 'elders')), (progress) => seen.push(progress.stage)).result;
    expect(seen).toEqual(['checking', 'applying']);
    expect(report.sessions).toEqual([{ id: 'elders', title: 'Van elders', outcome: 'merged', added: 0, updated: expect.any(Number), deleted: 1, conflicts: 1 }]);
    expect(report.sessions[0]?.updated).toBeGreaterThanOrEqual(1);
    expect(report.conflicts).toHaveLength(1);
    const [conflict] = report.conflicts;
    expect(conflict).toMatchObject({ sessionId: 'elders', key: 'notes', id: 'elders-n30' });
    expect([conflict?.shown, ...(conflict?.others ?? [])].sort()).toEqual(['Daar geschreven', 'Hier geschreven']);
    const notes = engine.session('elders')?.notes ?? {};
    expect(notes['elders-n32']).toBeUndefined();
    expect(notes['elders-n31']?.text).toBe('Alleen daar veranderd');
    // The same file again changes nothing.
    const again = await jobs.startImport(new Uint8Array(sessionArchive(elsewhere, 'elders'))).result;
    expect(again.sessions).toMatchObject([{ id: 'elders', outcome: 'unchanged' }]);
  });

  it('keeps a file made without a path for one download', async () => {
    const job = jobs.startExport({ scope: 'session', id: 'elders', format: 'votes-csv', lang: 'en' });
    const result = await job.result;
    expect(result).toMatchObject({ fileName: 'Van elders 2024-06-02 votes.csv', download: `/api/jobs/${job.id}/file` });
    const file = jobs.takeFile(job.id);
    expect(Buffer.from(file?.data ?? []).toString('utf8')).toContain('point of attention');
    expect(file?.data.byteLength).toBe(result.bytes);
    expect(jobs.takeFile(job.id)).toBeUndefined();
  });
});
