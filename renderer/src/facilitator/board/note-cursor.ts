import type { Id, Note, SessionState } from '../../../../shared/domain';
import { NOTE } from '../../canvas/geometry';
import { readingOrder } from '../../canvas/reading-order';

/**
 * The keyboard's place on the board: one note, apart from the selection (a list box's "active
 * option"). Arrow keys move it, Space adds its note to the selection or takes it out. Pure
 * functions of the session, so the order can be tested without a screen.
 */

export type CursorStep = 'next' | 'previous' | 'up' | 'down';

/** Every side with its notes in reading order, in the model's order of sides. */
export function sidesInOrder(session: SessionState): { zoneId: Id; notes: Note[] }[] {
  const bySide = new Map<Id, Note[]>(session.template.zones.map((zone) => [zone.id, []]));
  for (const note of Object.values(session.notes)) bySide.get(note.zoneId)?.push(note);
  return session.template.zones.map((zone) => ({ zoneId: zone.id, notes: readingOrder(bySide.get(zone.id) ?? []) }));
}

/**
 * Where the cursor begins when it is on no note: the first selected note, else the first note of
 * the side the session is on (the projector's side, or the current phase's), else the first note
 * of the first side that has any.
 */
export function cursorStart(session: SessionState, selection: readonly Id[]): Id | null {
  const selected = selection.find((id) => session.notes[id] !== undefined);
  if (selected) return selected;
  const sides = sidesInOrder(session);
  const phaseZone = session.flow.phases.find((phase) => phase.id === session.flow.currentPhaseId)?.zoneId ?? null;
  const current = sides.find((side) => side.zoneId === (session.flow.focusZoneId ?? phaseZone));
  return (current?.notes[0] ?? sides.find((side) => side.notes.length > 0)?.notes[0])?.id ?? null;
}

/**
 * The note the cursor moves to. Left and right go through a side in reading order and on into the
 * next (or previous) side that has notes, so every note is reachable; up and down go to the
 * nearest note above or below in the same side, and stay put when there is none.
 */
export function stepCursor(session: SessionState, from: Id | null, step: CursorStep, selection: readonly Id[] = []): Id | null {
  const current = from ? session.notes[from] : undefined;
  if (!current) return cursorStart(session, selection);
  const sides = sidesInOrder(session);
  if (step === 'up' || step === 'down') return nearestVertically(sides.find((side) => side.zoneId === current.zoneId)?.notes ?? [], current, step)?.id ?? current.id;
  const all = sides.flatMap((side) => side.notes);
  const index = all.findIndex((note) => note.id === current.id);
  const next = all[(index + (step === 'next' ? 1 : -1) + all.length) % all.length];
  return next?.id ?? current.id;
}

/** Notes whose middles lie closer than this (vertically) read as one row. */
const ROW = NOTE.height / 2;

/** The nearest row above (or below), and in it the note nearest across: a grid's up and down. */
function nearestVertically(notes: readonly Note[], from: Note, step: 'up' | 'down'): Note | undefined {
  const sign = step === 'down' ? 1 : -1;
  const ahead = notes.filter((note) => note.id !== from.id && (note.y - from.y) * sign >= ROW);
  const nearest = Math.min(...ahead.map((note) => (note.y - from.y) * sign));
  const row = ahead.filter((note) => (note.y - from.y) * sign - nearest < ROW);
  return row.sort((a, b) => Math.abs(a.x - from.x) - Math.abs(b.x - from.x))[0];
}

/** Where the cursor's note stands among its side's, for the words a screen reader says. */
export function cursorPlace(session: SessionState, id: Id): { zoneId: Id; position: number; count: number } | null {
  const note = session.notes[id];
  if (!note) return null;
  const side = sidesInOrder(session).find((candidate) => candidate.zoneId === note.zoneId);
  if (!side) return null;
  return { zoneId: note.zoneId, position: side.notes.findIndex((candidate) => candidate.id === id) + 1, count: side.notes.length };
}
