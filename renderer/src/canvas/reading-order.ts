import type { Note } from '../../../shared/domain';
import { NOTE } from './geometry';

/** Notes whose middles lie closer than this (vertically) read as one row. */
const ROW = NOTE.height / 2;

/** A side's notes as people read them: row by row from the top, each row from the left. */
export function readingOrder<T extends Pick<Note, 'id' | 'x' | 'y'>>(notes: readonly T[]): T[] {
  const byHeight = [...notes].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: T[][] = [];
  for (const note of byHeight) {
    const row = rows.at(-1);
    if (row?.[0] && note.y - row[0].y < ROW) row.push(note);
    else rows.push([note]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || a.id.localeCompare(b.id)));
}

