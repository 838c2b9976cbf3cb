import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/domain';
import { boxesOverlap, boxInsideEllipse } from '../../../../shared/geometry/ellipse-pack';
import { labelRoom, NOTE } from '../../../../shared/geometry/model';
import { NOTE_GAP } from '../../../../shared/geometry/note-places';
import { zoneAt } from '../../../../shared/templates';
import { applyChanges } from '../../../../shared/changes';
import { UndoHistory } from '../../../../shared/history';
import { accept, expectRefused, FACILITATOR, PARTICIPANT, seededState, step } from '../fixtures';

const box = (note: { x: number; y: number }) => ({ x: note.x - NOTE.width / 2, y: note.y - NOTE.height / 2, width: NOTE.width, height: NOTE.height });

function emptied(): SessionState {
  let state = seededState();
  for (const id of Object.keys(state.notes)) state = step(state, { type: 'note.delete', ids: [id] });
  return state;
}

function expectNoneOverlap(state: SessionState): void {
  const notes = Object.values(state.notes);
  for (const [index, one] of notes.entries()) {
    for (const other of notes.slice(index + 1)) expect(boxesOverlap(box(one), box(other)), `${one.id} over ${other.id}`).toBe(false);
  }
}

describe('a note without a place of its own', () => {
  it('takes the first free spot of its side in reading order, clear of every other note and inside the side', () => {
    let state = emptied();
    for (let index = 0; index < 12; index++) state = step(state, { type: 'note.add', id: `p${index}`, zoneId: 'wij', text: `Notitie ${index}` }, PARTICIPANT);
    const wij = state.template.zones.find((zone) => zone.id === 'wij');
    if (!wij) throw new Error('no WIJ');
    expectNoneOverlap(state);
    const placed = Array.from({ length: 12 }, (_, index) => state.notes[`p${index}`]);
    // WIJ holds seven notes of this size with air between them; the first lie inside it, the rest under it.
    const inside = placed.filter((note) => note && boxInsideEllipse(wij.area, box(note)));
    expect(inside.length).toBeGreaterThanOrEqual(7);
    expect(placed.slice(0, inside.length)).toEqual(inside);
    for (const note of inside) {
      if (!note) throw new Error('a note is missing');
      // Its middle is WIJ's, not that of IK, which reaches into WIJ: moving it later keeps its side.
      expect(zoneAt(state.template, note.x, note.y)?.id, note.id).toBe('wij');
    }
    for (const note of placed.slice(inside.length)) expect((note?.y ?? 0) - NOTE.height / 2, `${note?.id} under WIJ`).toBeGreaterThan(wij.area.y + wij.area.ry);
    // Reading order: each later note is lower, or on the same row further right.
    for (const [index, note] of placed.entries()) {
      const before = placed[index - 1];
      if (!note || !before) continue;
      expect(note.y > before.y || (note.y === before.y && note.x > before.x), `${note.id} after ${before.id}`).toBe(true);
    }
  });

  it('keeps clear of a note the facilitator put there, and goes under the side once the side is full', () => {
    let state = emptied();
    state = step(state, { type: 'note.add', id: 'f1', zoneId: 'ik', text: 'Van het bord', x: 800, y: 420 });
    for (let index = 0; index < 14; index++) state = step(state, { type: 'note.add', id: `p${index}`, zoneId: 'ik', text: `Notitie ${index}` }, PARTICIPANT);
    expectNoneOverlap(state);
    const ik = state.template.zones.find((zone) => zone.id === 'ik');
    if (!ik) throw new Error('no IK');
    // IK is narrow: what does not fit lies in rows under it.
    expect(Object.values(state.notes).some((note) => note.y - NOTE.height / 2 > ik.area.y + ik.area.ry)).toBe(true);
    expect(NOTE_GAP).toBeGreaterThan(0);
  });
});

describe('"Netjes leggen" (notes.tidy)', () => {
  it('lays a piled side out without overlap, each group together under its title, as one undo step', () => {
    let state = emptied();
    // A pile, as phones made before: all near the middle of WIJ.
    for (let index = 0; index < 14; index++) state = step(state, { type: 'note.add', id: `n${index}`, zoneId: 'wij', text: `Notitie ${index}`, x: 420 + (index % 3) * 9, y: 500 + (index % 4) * 7 });
    state = step(state, { type: 'cluster.create', id: 'c1', title: 'Elkaar kennen', noteIds: ['n0', 'n5', 'n9'] });
    const before = state;
    const history = new UndoHistory();
    const outcome = accept(state, { type: 'notes.tidy', zoneId: 'wij' }, FACILITATOR);
    expect(outcome.undoable).toBe(true);
    history.record(outcome.changes);
    state = outcome.state;
    expectNoneOverlap(state);
    const wij = state.template.zones.find((zone) => zone.id === 'wij');
    if (!wij) throw new Error('no WIJ');
    // Fourteen notes do not all fit in WIJ's ellipse: the layout grows around it, never into another side.
    for (const note of Object.values(state.notes)) {
      expect(note.zoneId).toBe('wij');
      expect([undefined, 'wij'], `${note.id}'s middle`).toContain(zoneAt(state.template, note.x, note.y)?.id);
    }
    // It stays around the side: some inside its ellipse, all within twice its size.
    expect(Object.values(state.notes).filter((note) => boxInsideEllipse(wij.area, box(note))).length).toBeGreaterThanOrEqual(3);
    // Grown away from its name (WIJ's label is above it), which no note covers.
    const grown = { ...wij.area, y: wij.area.y + wij.area.ry, rx: 2 * wij.area.rx, ry: 2 * wij.area.ry };
    for (const note of Object.values(state.notes)) {
      expect(boxInsideEllipse(grown, box(note)), `${note.id} near WIJ`).toBe(true);
      for (const zone of state.template.zones) expect(boxesOverlap(box(note), labelRoom(zone.area)), `${note.id} over the name of ${zone.id}`).toBe(false);
    }
    // The group's notes lie together: no loose note inside the group's box.
    const members = ['n0', 'n5', 'n9'].map((id) => state.notes[id]);
    const left = Math.min(...members.map((note) => (note?.x ?? 0) - NOTE.width / 2));
    const right = Math.max(...members.map((note) => (note?.x ?? 0) + NOTE.width / 2));
    const top = Math.min(...members.map((note) => (note?.y ?? 0) - NOTE.height / 2));
    const bottom = Math.max(...members.map((note) => (note?.y ?? 0) + NOTE.height / 2));
    for (const note of Object.values(state.notes)) {
      if (note.clusterId === 'c1') continue;
      expect(boxesOverlap(box(note), { x: left, y: top, width: right - left, height: bottom - top }), `${note.id} inside the group`).toBe(false);
    }
    // One step back restores every place.
    const undo = history.undo(state);
    if (!undo.ok) throw new Error(undo.message);
    const undone = applyChanges(state, undo.changes);
    expect(Object.values(undone.notes).map((note) => [note.id, note.x, note.y])).toEqual(Object.values(before.notes).map((note) => [note.id, note.x, note.y]));
  });

  it('refuses, changing nothing, when the side cannot hold its notes even spread around it', () => {
    let state = emptied();
    for (let index = 0; index < 400; index++) state = step(state, { type: 'note.add', id: `n${index}`, zoneId: 'ik', text: `Notitie ${index}`, x: 800, y: 500 });
    expectRefused(state, { type: 'notes.tidy', zoneId: 'ik' }, FACILITATOR, 'rule_violation', 'side_too_full');
  });
});
