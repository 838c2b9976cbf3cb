import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../../shared/changes';
import type { Note, SessionState } from '../../../../shared/domain';
import { clusterRegions } from '../../../../shared/geometry/clusters';
import { boxesOverlap } from '../../../../shared/geometry/ellipse-pack';
import { labelRoom, NOTE } from '../../../../shared/geometry/model';
import { UndoHistory } from '../../../../shared/history';
import { zoneAt } from '../../../../shared/templates';
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

/** Every group's box holds its own notes and no other note. */
function expectBoxesExact(state: SessionState): void {
  for (const region of clusterRegions(state.clusters, state.notes)) {
    for (const note of Object.values(state.notes)) {
      const inside = boxesOverlap(box(note), region);
      expect(inside, `${note.id} and the box of ${region.title}`).toBe(note.clusterId === region.id);
    }
  }
}

/** Each note's middle in its own side or outside every side, and no side's name hidden. */
function expectSidesKept(state: SessionState): void {
  for (const note of Object.values(state.notes)) {
    expect([undefined, note.zoneId], `${note.id}'s middle`).toContain(zoneAt(state.template, note.x, note.y)?.id);
    for (const zone of state.template.zones) expect(boxesOverlap(box(note), labelRoom(zone.area)), `${note.id} over the name of ${zone.id}`).toBe(false);
  }
}

const placesOf = (notes: Record<string, Note>) => Object.values(notes).map((note) => [note.id, note.x, note.y, note.zoneId]);

/** WIJ with notes spread over it in a loose lattice, as a facilitator would have them. */
function spreadWij(): SessionState {
  let state = emptied();
  const places = [
    [240, 380],
    [420, 380],
    [600, 380],
    [240, 600],
    [420, 600],
    [600, 600],
  ];
  places.forEach(([x, y], index) => {
    state = step(state, { type: 'note.add', id: `w${index}`, zoneId: 'wij', text: `Notitie ${index}`, x, y });
  });
  return state;
}

describe('a new group gathers its notes', () => {
  it('lays notes that lay apart, with other notes between them, together under its title, as one undo step', () => {
    const before = spreadWij();
    expectSidesKept(before);
    const history = new UndoHistory();
    // w0 and w5 lie at two corners: a box around them would hold w1, w4 and more.
    const outcome = accept(before, { type: 'cluster.create', id: 'c1', title: 'Verbinding', noteIds: ['w0', 'w5'] }, FACILITATOR);
    history.record(outcome.changes);
    const state = outcome.state;
    expectNoneOverlap(state);
    expectBoxesExact(state);
    expectSidesKept(state);
    expect(state.notes.w0?.y).toBe(state.notes.w5?.y);
    // The others stay where the facilitator put them.
    for (const id of ['w1', 'w2', 'w3', 'w4']) expect(state.notes[id]).toEqual(before.notes[id]);
    const undo = history.undo(state);
    if (!undo.ok) throw new Error(undo.message);
    const undone = applyChanges(state, undo.changes);
    expect(placesOf(undone.notes)).toEqual(placesOf(before.notes));
    expect(undone.clusters.c1).toBeUndefined();
  });

  it('gathers a group out of a pile, and a second group clear of the first', () => {
    let state = emptied();
    for (let index = 0; index < 10; index++) state = step(state, { type: 'note.add', id: `n${index}`, zoneId: 'wij', text: `Notitie ${index}`, x: 480 + (index % 3) * 11, y: 480 + (index % 4) * 9 });
    state = step(state, { type: 'cluster.create', id: 'c1', title: 'Eén', noteIds: ['n0', 'n3', 'n6', 'n9'] });
    state = step(state, { type: 'cluster.create', id: 'c2', title: 'Twee', noteIds: ['n1', 'n4', 'n7'] });
    const members = (id: string) => Object.values(state.notes).filter((note) => note.clusterId === id);
    for (const id of ['c1', 'c2']) {
      const own = members(id);
      for (const [index, one] of own.entries()) for (const other of own.slice(index + 1)) expect(boxesOverlap(box(one), box(other))).toBe(false);
    }
    const regions = clusterRegions(state.clusters, state.notes);
    expect(regions).toHaveLength(2);
    const [first, second] = regions;
    if (!first || !second) throw new Error('a box is missing');
    expect(boxesOverlap(first, second)).toBe(false);
    // The loose notes of the pile are still a pile (tidying them is "Netjes leggen"), but none lies in a group's box.
    for (const note of Object.values(state.notes).filter((one) => one.clusterId === null)) {
      for (const region of regions) expect(boxesOverlap(box(note), region), `${note.id} in ${region.title}`).toBe(false);
    }
    expectSidesKept(state);
  });

  it('brings a note of another side into the side of the group it joins', () => {
    const state = step(seededState(), { type: 'cluster.create', id: 'c1', title: 'Samen', noteIds: ['n3', 'n1'] });
    // n3 is in HET, n1 in WIJ: the group is HET's, so n1 now lies in HET too.
    expect(state.clusters.c1?.zoneId).toBe('het');
    expect(state.notes.n1?.zoneId).toBe('het');
    expectSidesKept(state);
    expectBoxesExact(state);
  });
});

describe('a phone note and the groups', () => {
  it('never lands in a group’s box, nor on a side’s name', () => {
    let state = emptied();
    state = step(state, { type: 'note.add', id: 'f1', zoneId: 'wij', text: 'In het midden', x: 420, y: 500 });
    // One note: its box is wider than the note (a group's least width) and has its title band above.
    state = step(state, { type: 'cluster.create', id: 'c1', title: 'Midden', noteIds: ['f1'] });
    for (let index = 0; index < 12; index++) state = step(state, { type: 'note.add', id: `p${index}`, zoneId: 'wij', text: `Telefoon ${index}` }, PARTICIPANT);
    expectNoneOverlap(state);
    expectBoxesExact(state);
    expectSidesKept(state);
  });
});

describe('"Netjes leggen" of a selection (notes.tidy with noteIds)', () => {
  it('lays the picked notes and their whole groups out without overlap, leaving the rest alone, as one undo step', () => {
    let before = spreadWij();
    before = step(before, { type: 'cluster.create', id: 'c1', title: 'Groep', noteIds: ['w1', 'w2'] });
    // Three notes dropped on one another, on top of the group's box.
    for (let index = 0; index < 3; index++) before = step(before, { type: 'note.add', id: `p${index}`, zoneId: 'wij', text: `Stapel ${index}`, x: 500 + index * 8, y: 420 + index * 6 });
    const history = new UndoHistory();
    // One note of the group picked: the whole group moves with it.
    const outcome = accept(before, { type: 'notes.tidy', noteIds: ['p0', 'p1', 'p2', 'w1'] }, FACILITATOR);
    expect(outcome.undoable).toBe(true);
    history.record(outcome.changes);
    const state = outcome.state;
    expectNoneOverlap(state);
    expectBoxesExact(state);
    expectSidesKept(state);
    for (const id of ['w0', 'w3', 'w4', 'w5']) expect(state.notes[id]).toEqual(before.notes[id]);
    expect(state.notes.w2?.clusterId).toBe('c1');
    const undo = history.undo(state);
    if (!undo.ok) throw new Error(undo.message);
    const undone = applyChanges(state, undo.changes);
    expect(placesOf(undone.notes)).toEqual(placesOf(before.notes));
    expect(undone.clusters).toEqual(before.clusters);
  });

  it('tidies each side of a selection in its own side', () => {
    let state = seededState();
    state = step(state, { type: 'note.add', id: 'x1', zoneId: 'het', text: 'Op n3', x: 1210, y: 505 });
    state = step(state, { type: 'notes.tidy', noteIds: ['n1', 'n2', 'n3', 'x1'] });
    expectNoneOverlap(state);
    expectSidesKept(state);
    expect(state.notes.n1?.zoneId).toBe('wij');
    expect(state.notes.x1?.zoneId).toBe('het');
  });

  it('refuses, changing nothing: an unknown note, a side and a selection at once, an empty selection, a participant', () => {
    const state = seededState();
    expectRefused(state, { type: 'notes.tidy', noteIds: ['n1', 'ghost'] }, FACILITATOR, 'not_found');
    expectRefused(state, { type: 'notes.tidy', zoneId: 'wij', noteIds: ['n1'] } as never, FACILITATOR, 'invalid_payload');
    expectRefused(state, { type: 'notes.tidy', noteIds: [] }, FACILITATOR, 'invalid_payload');
    expectRefused(state, { type: 'notes.tidy', noteIds: ['n2'] }, PARTICIPANT, 'forbidden');
  });
});
