import Database from 'better-sqlite3';
import type { JobProgress } from '../../../shared/jobs';
import { exportFileStem as fileStem } from '../../../shared/http-routes';
import { performance } from 'node:perf_hooks';
import { EventStore } from '../db/event-store';
import { migrate } from '../db/migrations';
import { Engine } from '../engine';
import { readArchive } from '../export/archive-read';
import { createDemo } from '../export/demo';
import { ExportError } from '../export/errors';
import type { ArchiveContent } from '../export/archive-write';
import { writeArchive } from '../export/archive-write';
import {
  programmeArchiveContent,
  programmeDocx,
  programmeOf,
  programmePdf,
  programmeSessions,
  sessionArchiveContent,
  sessionCsv,
  sessionDocx,
  sessionOf,
  sessionPdf,
} from '../export/exporter';
import type { RenderOptions } from '../export/render-pdf';
import type { ExportOutput, WorkerOutput, WorkerTask } from './messages';

/**
 * The work itself, as the export worker runs it (worker.ts). The same exporter functions as the
 * command line and the tests, over an Engine of the worker's own, loaded from a read-only
 * connection to the host's database file: one committed moment (WAL lets it read while the host
 * keeps writing; every command the host acknowledged before is in it).
 *
 * Why not send the sessions from the host? Measured for a 4,000-note session on this machine: the
 * host's postMessage of the state costs 3–18 ms on the host's loop (structured clone), while
 * opening the file read-only and loading the session here costs 22–27 ms, all of it on this
 * thread. The host loop is what phones wait on, so the worker reads for itself.
 */
export type Progress = (progress: JobProgress) => void;

/**
 * An Engine holding what `load` reads, as one committed moment of the host's database: read in
 * one read transaction, which ends (and the file is closed) before the slow part of the export
 * starts, so the host's WAL is never held back by a long read. A read that `load` did not do
 * would fail loudly afterwards instead of seeing another moment.
 */
function snapshot<T>(databaseFile: string, load: (engine: Engine) => T): { engine: Engine; loaded: T } {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    db.exec('BEGIN');
    const engine = new Engine(new EventStore(db));
    const loaded = load(engine);
    db.exec('COMMIT');
    return { engine, loaded };
  } finally {
    db.close();
  }
}

/** What a Word document (.docx) is called on the wire. */
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function exportTask(task: Extract<WorkerTask, { kind: 'export' }>, databaseFile: string, progress: Progress): Promise<ExportOutput> {
  const { scope, id, format, sessions } = task.request;
  const locale = task.request.lang ?? 'nl';
  progress({ stage: 'preparing', done: 0, total: 0 });
  // Reading names what is missing (unknown session or programme) before anything is made. An
  // archive's records (revisions, tombstones) are read from the file, so they are taken here too.
  const { engine, loaded: archive } = snapshot(databaseFile, (loading): ArchiveContent | null => {
    if (scope === 'session') sessionOf(loading, id);
    else programmeSessions(loading, id, sessions);
    if (format !== 'sqlite') return null;
    return scope === 'session' ? sessionArchiveContent(loading, id) : programmeArchiveContent(loading, id, sessions);
  });
  const archiveBytes = () => {
    if (!archive) throw new Error('an archive export read no records');
    return writeArchive(archive);
  };
  const options: RenderOptions = { onProgress: (stage, done, total) => progress({ stage, done, total }) };
  const saving = () => progress({ stage: 'saving', done: 0, total: 0 });
  if (scope === 'session') {
    const meta = sessionOf(engine, id).meta;
    const stem = fileStem(meta.title, meta.date);
    switch (format) {
      case 'pdf': {
        const { pdf, pages } = await sessionPdf(engine, id, locale, options);
        return { kind: 'export', data: pdf, pages, fileName: `${stem}.pdf`, contentType: 'application/pdf' };
      }
      case 'docx': {
        saving();
        const { docx } = await sessionDocx(engine, id, locale);
        return { kind: 'export', data: docx, fileName: `${stem}.docx`, contentType: DOCX_TYPE };
      }
      case 'sqlite':
        saving();
        return { kind: 'export', data: archiveBytes(), fileName: `${stem}.eiland`, contentType: 'application/vnd.sqlite3' };
      case 'csv':
      case 'votes-csv': {
        saving();
        const table = format === 'votes-csv' ? 'votes' : 'notes';
        return { kind: 'export', data: bytesOf(sessionCsv(engine, id, table, locale)), fileName: `${stem} ${table}.csv`, contentType: 'text/csv; charset=utf-8' };
      }
    }
  }
  const stem = fileStem(programmeOf(engine, id).name);
  if (format === 'pdf') {
    const { pdf, pages } = await programmePdf(engine, id, locale, sessions, options);
    return { kind: 'export', data: pdf, pages, fileName: `${stem}.pdf`, contentType: 'application/pdf' };
  }
  if (format === 'docx') {
    saving();
    const { docx } = await programmeDocx(engine, id, locale, sessions);
    return { kind: 'export', data: docx, fileName: `${stem}.docx`, contentType: DOCX_TYPE };
  }
  if (format === 'sqlite') {
    saving();
    return { kind: 'export', data: archiveBytes(), fileName: `${stem}.eiland`, contentType: 'application/vnd.sqlite3' };
  }
  throw new ExportError('bad_request', 'CSV kan alleen per sessie. Kies voor een programma pdf, docx of sqlite.');
}

/**
 * A worker's first report is slow: its code (pdfkit, fontkit, the fonts, the report model) is
 * loaded and compiled as it runs, 2.4 s for a 4,000-note session against 0.5 s for the next one;
 * after this, 1.2–1.6 s (what is compiled only for a long report still is then; drawing the whole
 * demo programme instead did no better).
 * The harvest panel asks for this when it opens (POST /api/jobs/prepare), so the facilitator's first
 * export finds a ready worker: the demo programme made by its own commands in a database in memory,
 * one of its sessions drawn as a PDF, and all of it thrown away. Nothing of this laptop is read.
 */
async function warmUp(): Promise<WorkerOutput> {
  const started = performance.now();
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    migrate(db);
    const engine = new Engine(new EventStore(db));
    const [first] = createDemo(engine).sessionIds;
    if (first) await sessionPdf(engine, first, 'nl', {});
  } finally {
    db.close();
  }
  return { kind: 'warm', ms: performance.now() - started };
}

export async function runTask(task: WorkerTask, databaseFile: string, progress: Progress): Promise<WorkerOutput> {
  switch (task.kind) {
    case 'warm-up':
      return warmUp();
    case 'export':
      return exportTask(task, databaseFile, progress);
    case 'read-archive': {
      progress({ stage: 'checking', done: 0, total: 0 });
      const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      return { kind: 'archive', content: readArchive(bytes) };
    }
  }
}
