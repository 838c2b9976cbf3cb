import { describe, expect, it } from 'vitest';
import { readingOrder } from '../../../../renderer/src/canvas/reading-order';
import { cursorPlace, cursorStart, stepCursor } from '../../../../renderer/src/facilitator/board/note-cursor';
import type { SessionState } from '../../../../shared/domain';
import { seededState, step } from '../../shared/fixtures';

/** The WIJ side (zone x≈400) with a grid of notes: two rows of three and one note lower down. */
function gridState(): SessionState {
  let state = seededState();
  for (const id of Object.keys(state.notes)) state = step(state, { type: 'note.delete', ids: [id] });
  const notes = [
    ['b2', 'wij', 400, 430],
    ['a1', 'wij', 300, 410],
    ['a3', 'wij', 500, 400],
    ['b1', 'wij', 300, 560],
    ['c1', 'wij', 510, 540],
    ['d1', 'wij', 420, 690],
    ['h1', 'het', 1200, 500],
    ['i1', 'ik', 800, 300],
  ] as const;
  for (const [id, zoneId, x, y] of notes) state = step(state, { type: 'note.add', id, zoneId, text: `Notitie ${id}`, x, y });
  return state;
}

const ids = (state: SessionState, zoneId: string) =>
  readingOrder(Object.values(state.notes).filter((note) => note.zoneId === zoneId)).map((note) => note.id);

describe('the keyboard’s cursor on the board', () => {
  it('reads a side row by row from the top, each row from the left, however the notes were added', () => {
    const state = gridState();
    // a1, b2 and a3 stand within half a note's height of each other: one row.
    expect(ids(state, 'wij')).toEqual(['a1', 'b2', 'a3', 'b1', 'c1', 'd1']);
  });

  it('goes right and left through a side, on into the next side, and round from the last note to the first', () => {
    const state = gridState();
    const walk = (from: string, stepName: 'next' | 'previous', count: number) => {
      const seen: (string | null)[] = [];
      let at: string | null = from;
      for (let i = 0; i < count; i++) {
        at = stepCursor(state, at, stepName);
        seen.push(at);
      }
      return seen;
    };
    // The model's sides in its own order (the sides bar's): WIJ, IK, HET.
    expect(state.template.zones.map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
    expect(walk('a1', 'next', 8)).toEqual(['b2', 'a3', 'b1', 'c1', 'd1', 'i1', 'h1', 'a1']);
    expect(walk('i1', 'previous', 2)).toEqual(['d1', 'c1']);
  });

  it('goes up and down to the nearest note above or below in the same side, and stays at the edge', () => {
    const state = gridState();
    expect(stepCursor(state, 'a1', 'down')).toBe('b1');
    expect(stepCursor(state, 'a3', 'down')).toBe('c1');
    expect(stepCursor(state, 'c1', 'down')).toBe('d1');
    expect(stepCursor(state, 'd1', 'up')).toBe('c1');
    expect(stepCursor(state, 'b1', 'up')).toBe('a1');
    // Up from d1 goes to the row right above it (c1, nearest across), not to b2 two rows up.
    expect(stepCursor(state, 'd1', 'up')).not.toBe('b2');
    // Nothing above the top row, nothing below in HET's only note: the cursor stays.
    expect(stepCursor(state, 'b2', 'up')).toBe('b2');
    expect(stepCursor(state, 'h1', 'down')).toBe('h1');
  });

  it('starts at the first selected note, else in the side the session is on, else at the first note there is', () => {
    const state = gridState();
    expect(cursorStart(state, ['gone', 'c1'])).toBe('c1');
    expect(cursorStart(state, [])).toBe('a1');
    const onHet = step(state, { type: 'focus.set', zoneId: 'het' });
    expect(cursorStart(onHet, [])).toBe('h1');
    // A cursor on a note that is gone (deleted, or still being written) starts again.
    expect(stepCursor(onHet, 'gone', 'next')).toBe('h1');
    let empty = state;
    for (const id of Object.keys(state.notes)) empty = step(empty, { type: 'note.delete', ids: [id] });
    expect(cursorStart(empty, [])).toBeNull();
    expect(stepCursor(empty, null, 'next')).toBeNull();
  });

  it('says where the cursor stands among its side’s notes', () => {
    const state = gridState();
    expect(cursorPlace(state, 'a3')).toEqual({ zoneId: 'wij', position: 3, count: 6 });
    expect(cursorPlace(state, 'gone')).toBeNull();
  });
});
