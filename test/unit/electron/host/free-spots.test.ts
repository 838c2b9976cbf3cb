import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../../shared/domain';
import { NOTE } from '../../../../shared/geometry/model';
import { send, type TempEngine, tempEngine } from './export/temp-engine';

/**
 * A phone's note takes the first free spot of its side, read from the host's kept copy of the
 * session's notes (keepEntityMaps). These go through the real engine and its SQLite file: if that
 * copy missed a write (an undo, a deletion, a session read back from disk), a new note would land
 * on an existing one or leave a freed spot unused.
 */
const SESSION = 'spots';
let opened: TempEngine | null = null;
afterEach(() => {
  opened?.cleanup();
  opened = null;
});

function start(): TempEngine {
  opened = tempEngine();
  send(opened.engine, 'workspace', { type: 'session.create', id: SESSION, programmeId: null, title: 'Plekken', group: 'Team', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
  return opened;
}

const notesOf = (t: TempEngine): Note[] => Object.values(t.engine.session(SESSION)?.notes ?? {});
const phoneNote = (t: TempEngine, id: string) => send(t.engine, SESSION, { type: 'note.add', id, zoneId: 'ik', text: `Idee ${id}` });
const spot = (t: TempEngine, id: string) => {
  const note = notesOf(t).find((candidate) => candidate.id === id);
  if (!note) throw new Error(`note ${id} is missing`);
  return { x: note.x, y: note.y };
};

function expectNoOverlap(notes: readonly Note[]): void {
  for (const [i, a] of notes.entries()) {
    for (const b of notes.slice(i + 1)) {
      const apart = Math.abs(a.x - b.x) >= NOTE.width || Math.abs(a.y - b.y) >= NOTE.height;
      expect(apart, `${a.id} at ${a.x},${a.y} lies on ${b.id} at ${b.x},${b.y}`).toBe(true);
    }
  }
}

describe('free spots for phone notes on the host', () => {
  it('keep clear of a note an undo brought back', () => {
    const t = start();
    for (const id of ['a', 'b', 'c']) phoneNote(t, id);
    const bSpot = spot(t, 'b');
    send(t.engine, SESSION, { type: 'note.delete', ids: ['b'] });
    send(t.engine, SESSION, { type: 'history.undo' });
    expect(spot(t, 'b')).toEqual(bSpot);
    phoneNote(t, 'd');
    expect(spot(t, 'd')).not.toEqual(bSpot);
    expectNoOverlap(notesOf(t));
  });

  it('reuse the spot of a deleted note', () => {
    const t = start();
    for (const id of ['a', 'b', 'c']) phoneNote(t, id);
    const bSpot = spot(t, 'b');
    send(t.engine, SESSION, { type: 'note.delete', ids: ['b'] });
    phoneNote(t, 'd');
    expect(spot(t, 'd')).toEqual(bSpot);
    expectNoOverlap(notesOf(t));
  });

  it('keep clear of every note of a session read back from its file', () => {
    let t = start();
    for (const id of ['a', 'b', 'c', 'd']) phoneNote(t, id);
    t = t.reopen();
    opened = t;
    phoneNote(t, 'e');
    phoneNote(t, 'f');
    expect(notesOf(t)).toHaveLength(6);
    expectNoOverlap(notesOf(t));
  });
});
