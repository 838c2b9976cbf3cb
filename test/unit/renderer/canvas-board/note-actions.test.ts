import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../../../renderer/src/canvas/palette';
import {
  clusterCommand,
  deleteCommand,
  moveCommand,
  newNoteSpot,
  nextColor,
  promoteCommand,
  recolorCommand,
} from '../../../../renderer/src/facilitator/board/note-actions';
import { zoneAreaAfter } from '../../../../renderer/src/facilitator/board/zone-edit';
import { applyCommand, SESSION_COMMANDS } from '../../../../shared/reducer';
import type { SessionState } from '../../../../shared/domain';
import { LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';
import { FACILITATOR, NOW, seededState, step } from '../../shared/fixtures';

/** Every command the board builds must be one the reducer accepts: the board and the host agree. */
function applies(state: SessionState, command: { type: string } | null): SessionState {
  if (!command) throw new Error('no command');
  const outcome = applyCommand(SESSION_COMMANDS, state, command, { actor: FACILITATOR, now: NOW });
  if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.message}`);
  return outcome.state;
}

describe('the board’s commands', () => {
  it('moves several notes with one note.move, by the same distance, rounded', () => {
    const state = seededState();
    const command = moveCommand(state, ['n1', 'n2', 'gone'], 780.4, 20.6);
    expect(command).toEqual({ type: 'note.move', moves: [{ id: 'n1', x: 1180, y: 471 }, { id: 'n2', x: 1230, y: 541 }] });
    const moved = applies(state, command);
    // Dropped in another zone: the reducer gives them the side they were dropped on.
    expect([moved.notes.n1?.zoneId, moved.notes.n2?.zoneId]).toEqual(['het', 'het']);
    expect(moveCommand(state, ['n1'], 0, 0)).toBeNull();
    expect(moveCommand(state, [], 10, 10)).toBeNull();
  });

  it('recolours, cycles through the palette and deletes only notes that exist', () => {
    const state = seededState();
    expect(nextColor(state, ['n1'])).toBe(PALETTE[1]?.color);
    const yellow = applies(state, recolorCommand(state, ['n1', 'gone'], PALETTE[1]?.color ?? null));
    expect(yellow.notes.n1?.color).toBe(PALETTE[1]?.color);
    expect(nextColor(yellow, ['n1'])).toBe(PALETTE[2]?.color);
    const last = applies(state, recolorCommand(state, ['n1'], PALETTE.at(-1)?.color ?? null));
    expect(nextColor(last, ['n1'])).toBeNull();
    expect(recolorCommand(state, ['gone'], null)).toBeNull();
    expect(Object.keys(applies(state, deleteCommand(state, ['n1', 'gone'])).notes)).not.toContain('n1');
  });

  it('groups the selected notes under a title, anchored above them', () => {
    const state = seededState();
    const command = clusterCommand(state, ['n1', 'n2'], '  Samen leren ');
    const grouped = applies(state, command);
    const cluster = Object.values(grouped.clusters)[0];
    expect(cluster).toMatchObject({ title: 'Samen leren', zoneId: 'wij' });
    expect(grouped.notes.n1?.clusterId).toBe(cluster?.id);
    expect((cluster?.y ?? 0) < Math.min(state.notes.n1?.y ?? 0, state.notes.n2?.y ?? 0)).toBe(true);
    expect(clusterCommand(state, ['n1'], '   ')).toBeNull();
  });

  it('promotes a note or a cluster to an attention point of its side, with its words', () => {
    let state = seededState();
    const fromNote = promoteCommand(state, { noteId: 'n3' });
    expect(fromNote?.title).toBe('Monitoring ontbreekt');
    state = applies(state, fromNote?.command ?? null);
    expect(Object.values(state.attentionPoints).find((point) => point.title === 'Monitoring ontbreekt')?.zoneId).toBe('het');
    state = step(state, { type: 'cluster.create', id: 'c1', title: 'Visie', noteIds: ['n1'] });
    const fromCluster = promoteCommand(state, { clusterId: 'c1' });
    state = applies(state, fromCluster?.command ?? null);
    expect(Object.values(state.attentionPoints).find((point) => point.title === 'Visie')?.zoneId).toBe('wij');
    expect(promoteCommand(state, { noteId: 'gone' })).toBeNull();
  });

  it('puts a new note (N) at the pointer over a side, else in the side on the projector', () => {
    const state = seededState();
    expect(newNoteSpot(state, { x: 1180.4, y: 520.2 }, { x: 800, y: 500 })).toEqual({ zoneId: 'het', x: 1180, y: 520 });
    const focused = step(state, { type: 'focus.set', zoneId: 'wij' });
    const spot = newNoteSpot(focused, { x: 5, y: 5 }, { x: 800, y: 500 });
    expect(spot?.zoneId).toBe('wij');
    expect(spot ? LEMNISCATE_IK_WIJ_HET.zones[0]?.area.rx : 0).toBeGreaterThan(0);
    expect(newNoteSpot(state, null, { x: 1180, y: 500 })?.zoneId).toBe('het');
    expect(newNoteSpot(state, null, { x: 5, y: 5 })).toBeNull();
    // The keyboard's cursor names a side: it wins over the projector's side, never over the pointer.
    expect(newNoteSpot(focused, null, { x: 800, y: 500 }, 'ik')?.zoneId).toBe('ik');
    expect(newNoteSpot(focused, { x: 1180, y: 520 }, { x: 800, y: 500 }, 'ik')?.zoneId).toBe('het');
    expect(newNoteSpot(focused, null, { x: 800, y: 500 }, 'no-such-side')?.zoneId).toBe('wij');
  });
});

describe('editing a zone on the canvas', () => {
  const zone = LEMNISCATE_IK_WIJ_HET.zones[0];
  if (!zone) throw new Error('no zone');
  it('moves it by its body and resizes it by its edges, never below a minimum', () => {
    expect(zoneAreaAfter(zone, 'move', 10.4, -20.6)).toEqual({ ...zone.area, x: zone.area.x + 10, y: zone.area.y - 21 });
    expect(zoneAreaAfter(zone, 'right', 40, 999)).toEqual({ ...zone.area, rx: zone.area.rx + 40 });
    expect(zoneAreaAfter(zone, 'left', 40, 0)).toEqual({ ...zone.area, rx: zone.area.rx - 40 });
    expect(zoneAreaAfter(zone, 'top', 0, 10_000).ry).toBe(30);
    expect(zoneAreaAfter(zone, 'bottom', 0, 25).ry).toBe(zone.area.ry + 25);
  });
});
