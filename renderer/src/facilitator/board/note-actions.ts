import type { CommandOf } from '../../../../shared/commands/index';
import type { CommandInput } from '../../client';
import { nanoid } from 'nanoid';
import type { Id, Note, SessionState } from '../../../../shared/domain';
import { zoneAt } from '../../../../shared/templates';
import { clusterAnchor } from '../../canvas/cluster-geometry';
import { PALETTE } from '../../canvas/palette';

/**
 * The commands behind the board's actions, as pure functions of the session: what a button, a
 * shortcut and a gesture send is decided in one place, and each is one command (one undo step).
 */

export type Command = CommandInput;

const existing = (session: SessionState, ids: readonly Id[]): Note[] => ids.flatMap((id) => session.notes[id] ?? []);

/** One note.move for all notes moved by the same distance, rounded to whole world units. */
export function moveCommand(session: SessionState, ids: readonly Id[], dx: number, dy: number): Command | null {
  const moves = existing(session, ids).map((note) => ({ id: note.id, x: Math.round(note.x + dx), y: Math.round(note.y + dy) }));
  return moves.length > 0 && (dx !== 0 || dy !== 0) ? { type: 'note.move', moves } : null;
}

/** The next colour of the palette after the first selected note's, for the C key. */
export function nextColor(session: SessionState, ids: readonly Id[]): string | null {
  const first = existing(session, ids)[0];
  const index = PALETTE.findIndex((entry) => entry.color === (first?.color ?? null));
  return PALETTE[(index + 1) % PALETTE.length]?.color ?? null;
}

export function recolorCommand(session: SessionState, ids: readonly Id[], color: string | null): Command | null {
  const notes = existing(session, ids);
  return notes.length > 0 ? { type: 'note.recolor', ids: notes.map((note) => note.id), color } : null;
}

export function deleteCommand(session: SessionState, ids: readonly Id[]): Command | null {
  const notes = existing(session, ids);
  return notes.length > 0 ? { type: 'note.delete', ids: notes.map((note) => note.id) } : null;
}

/** A new group of the selected notes, its title band right above them. */
export function clusterCommand(session: SessionState, ids: readonly Id[], title: string): CommandOf<'cluster.create'> | null {
  const notes = existing(session, ids);
  if (notes.length === 0 || title.trim() === '') return null;
  return { type: 'cluster.create', id: nanoid(), title: title.trim(), noteIds: notes.map((note) => note.id), ...clusterAnchor(notes) };
}

/**
 * An attention point of the note's or cluster's side, carrying its words (attention.add with
 * fromNoteId / fromClusterId); the title is returned for the confirmation on screen.
 */
export function promoteCommand(session: SessionState, target: { noteId: Id } | { clusterId: Id }): { command: Command; title: string } | null {
  if ('noteId' in target) {
    const note = session.notes[target.noteId];
    if (!note || note.text === '') return null;
    return { command: { type: 'attention.add', id: nanoid(), zoneId: note.zoneId, fromNoteId: note.id }, title: note.text };
  }
  const cluster = session.clusters[target.clusterId];
  if (!cluster) return null;
  return { command: { type: 'attention.add', id: nanoid(), zoneId: cluster.zoneId, fromClusterId: cluster.id }, title: cluster.title };
}

/**
 * Where the N key puts a new note: at the pointer when it is over a side, else in the middle of
 * the keyboard cursor's side, else of the side the projector shows, else of the side in the
 * middle of the screen.
 */
export function newNoteSpot(
  session: SessionState,
  pointer: { x: number; y: number } | null,
  viewCentre: { x: number; y: number },
  cursorZoneId: Id | null = null,
): { zoneId: Id; x: number; y: number } | null {
  const template = session.template;
  const atPointer = pointer ? zoneAt(template, pointer.x, pointer.y) : null;
  if (atPointer && pointer) return { zoneId: atPointer.id, x: Math.round(pointer.x), y: Math.round(pointer.y) };
  const byId = (id: Id | null) => template.zones.find((zone) => zone.id === id);
  const focused = byId(cursorZoneId) ?? byId(session.flow.focusZoneId) ?? zoneAt(template, viewCentre.x, viewCentre.y);
  if (!focused) return null;
  // Not exactly on the middle each time, so a row of new notes does not hide one another.
  const crowd = Object.values(session.notes).filter((note) => note.zoneId === focused.id).length;
  const angle = crowd * 2.4;
  const reach = Math.min(0.55, 0.12 * Math.sqrt(crowd));
  return {
    zoneId: focused.id,
    x: Math.round(focused.area.x + Math.cos(angle) * reach * focused.area.rx),
    y: Math.round(focused.area.y + Math.sin(angle) * reach * focused.area.ry),
  };
}
