import { readFileSync, rmSync } from 'node:fs';
import { databasePath, openDatabase } from '../../../../../electron/host/db/open';
import { freshDir } from '../../../../support/storage-faults';

/** A database and its log as a crash would leave them: `commits` transactions only in the log. */
export interface Snapshot {
  db: Buffer;
  wal: Buffer;
  pageSize: number;
}

/**
 * Writes `commits` transactions of one entity each with checkpoints off, and copies the files while
 * the connection is still open (closing would checkpoint the log into the database and delete it).
 * `restartAfter`: that many transactions first, then a checkpoint that makes the log start over,
 * so the file holds frames of an older generation after the new ones. Notes over a page long make
 * each transaction several frames (overflow pages), the commit frame last.
 */
export function crashSnapshot(commits: number, restartAfter = 0, noteBytes = 900): Snapshot {
  const dir = freshDir();
  const { db } = openDatabase(dir);
  try {
    db.prepare("INSERT INTO streams (id, kind) VALUES ('workspace', 'workspace')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('wal_autocheckpoint = 0');
    const insert = db.prepare("INSERT INTO entities (stream, key, id, data, rev, vv) VALUES ('workspace', 'notes', ?, ?, '', '{}')");
    const write = (index: number) => db.transaction(() => insert.run(`n${index}`, `note ${index} ${'x'.repeat(noteBytes)}`))();
    for (let i = 0; i < restartAfter; i += 1) write(1000 + i);
    if (restartAfter > 0) db.pragma('wal_checkpoint(RESTART)');
    for (let i = 0; i < commits; i += 1) write(i);
    const path = databasePath(dir);
    return { db: readFileSync(path), wal: readFileSync(`${path}-wal`), pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const FRAME_HEADER = 24;
export const WAL_HEADER = 32;

/** Byte offset of frame `index` (0-based) in a log with this page size. */
export const frameOffset = (index: number, pageSize: number) => WAL_HEADER + index * (FRAME_HEADER + pageSize);

/** Indexes of the commit frames in a log (their header's second word is the database size, not 0). */
export function commitFrames(wal: Buffer, pageSize: number): number[] {
  const frames = Math.floor((wal.length - WAL_HEADER) / (FRAME_HEADER + pageSize));
  const found: number[] = [];
  for (let i = 0; i < frames; i += 1) if (wal.readUInt32BE(frameOffset(i, pageSize) + 4) !== 0) found.push(i);
  return found;
}

/** Damages one byte of the page in frame `index`: its checksum no longer matches. */
export function tearFrame(wal: Buffer, index: number, pageSize: number): Buffer {
  const torn = Buffer.from(wal);
  const at = frameOffset(index, pageSize) + FRAME_HEADER + 100;
  torn.writeUInt8(torn.readUInt8(at) ^ 0xff, at);
  return torn;
}
