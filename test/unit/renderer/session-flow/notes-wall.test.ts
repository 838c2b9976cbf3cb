import { describe, expect, it } from 'vitest';
import { NOTE, zoneViewBox } from '../../../../renderer/src/canvas/geometry';
import { focusView, wallGroups, wallNeeded } from '../../../../renderer/src/session-flow/projector/notes-wall';
import type { Note, SessionState } from '../../../../shared/domain';
import { seededState, step } from '../../shared/fixtures';

const note = (id: string, x: number, y: number): Note => ({ id, x, y }) as Note;

describe('the projector’s wall of notes', () => {
  it('is needed when the model would set notes too small, or when notes cover each other’s words', () => {
    const apart = [note('a', 300, 400), note('b', 520, 400), note('c', 300, 600)];
    // 20 world units of type at scale 1.3 is 26 px: readable on a 1080p wall (24 px).
    expect(wallNeeded(apart, 1.3, 1080)).toBe(false);
    expect(wallNeeded(apart, 1.1, 1080)).toBe(true);
    // On a 720p wall 16 px will do.
    expect(wallNeeded(apart, 0.85, 720)).toBe(false);
    // Half a note over another: words hidden.
    expect(wallNeeded([note('a', 300, 400), note('b', 300 + NOTE.width / 2, 400 + NOTE.height / 4)], 2, 1080)).toBe(true);
    // Just touching is not piling.
    expect(wallNeeded([note('a', 300, 400), note('b', 300 + NOTE.width - 4, 400)], 2, 1080)).toBe(false);
    expect(wallNeeded([], 0.1, 1080)).toBe(false);
  });

  it('finds the one piled pair among thousands of notes, in any order they come', () => {
    const grid = Array.from({ length: 2000 }, (_, i) => note(`g${i}`, (i % 50) * (NOTE.width + 10), Math.floor(i / 50) * (NOTE.height + 10)));
    expect(wallNeeded(grid, 2, 1080)).toBe(false);
    // A note laid over one in the middle of the grid, listed first; and one over a note in the same column far below.
    const middle = grid[1025] as Note;
    expect(wallNeeded([note('over', middle.x + 5, middle.y + 5), ...grid], 2, 1080)).toBe(true);
    const low = grid[1990] as Note;
    expect(wallNeeded([...grid, note('under', low.x, low.y + NOTE.height / 4)], 2, 1080)).toBe(true);
  });

  it('groups the side’s notes by cluster, clusters as they stand, loose notes last, each in reading order', () => {
    let state: SessionState = seededState();
    for (const id of Object.keys(state.notes)) state = step(state, { type: 'note.delete', ids: [id] });
    const notes = [
      ['l2', 500, 600], ['l1', 300, 600], ['x1', 300, 420], ['x2', 480, 400], ['y1', 380, 700], ['h1', 1200, 500],
    ] as const;
    for (const [id, x, y] of notes) state = step(state, { type: 'note.add', id, zoneId: id === 'h1' ? 'het' : 'wij', text: id, x, y });
    state = step(state, { type: 'cluster.create', id: 'lower', title: 'Onder', noteIds: ['y1'], x: 380, y: 640 });
    state = step(state, { type: 'cluster.create', id: 'upper', title: 'Boven', noteIds: ['x2', 'x1'], x: 390, y: 330 });
    const groups = wallGroups(state, 'wij', state.notes);
    expect(groups.map((group) => [group.cluster?.title ?? null, group.notes.map((item) => item.id)])).toEqual([
      ['Boven', ['x1', 'x2']],
      ['Onder', ['y1']],
      [null, ['l1', 'l2']],
    ]);
  });

  it('zooms to a side’s notes and its name, never closer than three notes across, and shows the whole side without notes', () => {
    const state = seededState();
    const wij = state.template.zones.find((zone) => zone.id === 'wij');
    if (!wij) throw new Error('no WIJ side');
    expect(focusView(wij, [])).toEqual(zoneViewBox(wij.area));
    const one = focusView(wij, [note('a', 420, 500)]);
    expect(one.width).toBeGreaterThanOrEqual(3 * NOTE.width);
    const far = focusView(wij, [note('a', 100, 500), note('b', 900, 900)]);
    expect(far.x).toBeLessThanOrEqual(100 - NOTE.width / 2);
    expect(far.x + far.width).toBeGreaterThanOrEqual(900 + NOTE.width / 2);
    expect(far.y + far.height).toBeGreaterThanOrEqual(900 + NOTE.height / 2);
    // The side's name above its ellipse stays in view.
    expect(far.y).toBeLessThan(wij.area.y - wij.area.ry);
  });
});
