import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventStore } from '../../../electron/host/db/event-store';
import { databasePath, openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { programmeDocx, programmeReport, sessionDocx } from '../../../electron/host/export/exporter';
import { WorkerPool } from '../../../electron/host/jobs/pool';
import { fillSession } from '../../integration/export/session-fixture';
import { makeTempDir } from '../support/cleanup';
import { ROOT } from '../support/paths';
import { info, report } from '../support/report';
import { median, summary } from '../support/stats';

export const names = ['export.docx_programme_ms'];

const RUNS = 7;

/** Times `work` RUNS times after one warm-up run. */
async function measure(label: string, work: () => Promise<unknown> | unknown): Promise<number> {
  const cold = performance.now();
  await work();
  info(`${label}: first run ${(performance.now() - cold).toFixed(1)} ms (warm-up)`);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  info(`${label}: ${summary(samples)}`);
  return median(samples);
}

/**
 * The programme summary as a Word document over three sessions of 300 notes and 30 attention
 * points (targets.md: at most 1,000 ms), made as the PDF's are (export.bench.ts): by real commands
 * through the engine on a real SQLite file, from the same report model.
 */
export async function run(): Promise<void> {
  const temp = makeTempDir('eiland-bench-docx-');
  const { db } = openDatabase(temp.path);
  try {
    const engine = new Engine(new EventStore(db));
    engine.handle({ t: 'command', id: 'bench-programme', stream: 'workspace', command: { type: 'programme.create', id: 'bench', name: 'Benchmark' } }, { role: 'facilitator', participantId: null });
    const ids = ['s1', 's2', 's3'];
    ids.forEach((id, index) => {
      fillSession(engine, { id, notes: 300, points: 30, participants: 16, programmeId: 'bench', date: `2024-06-0${index + 2}`, title: `Sessie ${index + 1}` });
    });
    info('three sessions of 300 notes and 30 attention points ready');

    report('export.docx_programme_ms', await measure('programme Word document', () => programmeDocx(engine, 'bench', 'nl', ids)), 'ms');
    // Where the time goes: the model alone, and a session's Word file for comparison.
    await measure('programme report model only', () => programmeReport(engine, 'bench', 'nl', ids));
    await measure('session Word document', () => sessionDocx(engine, 's1', 'nl'));
    const { docx } = await programmeDocx(engine, 'bench', 'nl', ids);
    info(`programme Word document: ${(docx.length / 1024).toFixed(0)} KiB`);

    // The app makes it in its export worker (electron/host/jobs): shown for comparison.
    const pool = new WorkerPool({ workerFile: join(ROOT, 'dist/host/export-worker.mjs'), databaseFile: databasePath(temp.path), maxWorkers: 1 });
    try {
      await measure('programme Word document through the export worker (read, render, hand over)', () =>
        pool.run({ kind: 'export', request: { scope: 'programme', id: 'bench', format: 'docx', sessions: ids } }, () => undefined).output,
      );
    } finally {
      await pool.close();
    }
  } finally {
    db.close();
    temp.remove();
  }
}
