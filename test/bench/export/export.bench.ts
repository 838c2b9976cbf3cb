import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStore } from '../../../electron/host/db/event-store';
import { databasePath, openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { programmePdf, sessionArchive, sessionPdf } from '../../../electron/host/export/exporter';
import { writeFileAtomically } from '../../../electron/host/export/files';
import { WorkerPool } from '../../../electron/host/jobs/pool';
import { performance } from 'node:perf_hooks';
import { fillSession } from '../../integration/export/session-fixture';
import { summary } from '../support/stats';
import { makeTempDir } from '../support/cleanup';
import { BENCH_RUNS, measure, threeSessions } from './bench-programme';
import { ROOT } from '../support/paths';
import { info, report } from '../support/report';

export const names = ['export.pdf_session_ms', 'export.pdf_programme_ms', 'export.sqlite_ms'];

/**
 * Sessions the size of targets.md (300 notes, 30 attention points, the model drawing), made by
 * real commands through the engine on a real SQLite file; exported the way the app and the CLI do.
 */
export async function run(): Promise<void> {
  const temp = makeTempDir('eiland-bench-export-');
  const { db } = openDatabase(temp.path);
  try {
    const engine = new Engine(new EventStore(db));
    const ids = threeSessions(engine);

    report('export.pdf_session_ms', await measure('session PDF', () => sessionPdf(engine, 's1', 'nl')), 'ms');
    report('export.pdf_programme_ms', await measure('programme PDF', () => programmePdf(engine, 'bench', 'nl', ids)), 'ms');
    const file = join(temp.path, 'session.sqlite');
    report('export.sqlite_ms', await measure('session archive', () => writeFileAtomically(file, sessionArchive(engine, 's1'))), 'ms');

    // The app makes the same files in its export worker (electron/host/jobs): shown for comparison.
    const pool = new WorkerPool({ workerFile: join(ROOT, 'dist/host/export-worker.mjs'), databaseFile: databasePath(temp.path), maxWorkers: 1 });
    try {
      const inWorker = (format: 'pdf' | 'sqlite') => pool.run({ kind: 'export', request: { scope: 'session', id: 's1', format } }, () => undefined).output;
      await measure('session PDF through the export worker (read, render, hand over)', () => inWorker('pdf'));
      await measure('session archive through the export worker', () => inWorker('sqlite'));
    } finally {
      await pool.close();
    }
    snapshotCosts(engine, databasePath(temp.path));
  } finally {
    db.close();
    temp.remove();
  }
}

/**
 * Why the export worker reads the database itself (electron/host/jobs/tasks.ts): for a 4,000-note
 * session, what handing the session to a worker would cost (a structured clone, as postMessage
 * makes, on the host's loop) against the worker's own read-only load (on the worker's thread).
 */
function snapshotCosts(engine: Engine, databaseFile: string): void {
  fillSession(engine, { id: 'big', notes: 4000, points: 30, participants: 16 });
  const state = engine.session('big');
  const clone: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < BENCH_RUNS; i += 1) {
    let started = performance.now();
    structuredClone(state);
    clone.push(performance.now() - started);
    started = performance.now();
    const db = new Database(databaseFile, { readonly: true });
    new Engine(new EventStore(db)).session('big');
    db.close();
    read.push(performance.now() - started);
  }
  info(`a 4,000-note session for a worker: structured clone (postMessage pays its first half on the host) ${summary(clone)}; read-only load in the worker ${summary(read)}`);
}
