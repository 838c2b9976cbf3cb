import { join } from 'node:path';
import { EventStore } from '../../../electron/host/db/event-store';
import { databasePath, openDatabase } from '../../../electron/host/db/open';
import { Engine } from '../../../electron/host/engine';
import { programmeDocx, programmeReport, sessionDocx } from '../../../electron/host/export/exporter';
import { WorkerPool } from '../../../electron/host/jobs/pool';
import { makeTempDir } from '../support/cleanup';
import { measure, threeSessions } from './bench-programme';
import { ROOT } from '../support/paths';
import { info, report } from '../support/report';

export const names = ['export.docx_programme_ms'];

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
    const ids = threeSessions(engine);

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
