import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/changes';
import type { SessionState } from '../../../shared/domain';
import { UndoHistory } from '../../../shared/history';
import type { CommandInput } from '../../../shared/reducer';
import { accept, deepFreeze, FACILITATOR, PARTICIPANT, seededState, step, votingState } from './fixtures';

/** Runs a facilitator command like the host does: apply, then record when undoable. */
function act(history: UndoHistory, state: SessionState, command: CommandInput, actor = FACILITATOR): SessionState {
  const outcome = accept(state, command, actor);
  if (outcome.undoable) history.record(outcome.changes);
  return outcome.state;
}

function undo(history: UndoHistory, state: SessionState): SessionState {
  const outcome = history.undo(state);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return applyChanges(state, outcome.changes);
}

function redo(history: UndoHistory, state: SessionState): SessionState {
  const outcome = history.redo(state);
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return applyChanges(state, outcome.changes);
}

const roundTrips: [string, CommandInput, (s: SessionState) => SessionState][] = [
  ['note.add', { type: 'note.add', id: 'n9', zoneId: 'het', text: 'Nieuw' }, (s) => s],
  ['note.edit', { type: 'note.edit', id: 'n2', text: 'Anders' }, (s) => s],
  [
    'note.move across zones',
    {
      type: 'note.move',
      moves: [
        { id: 'n1', x: 1180, y: 500 },
        { id: 'n3', x: 420, y: 500 },
      ],
    },
    (s) => s,
  ],
  [
    'note.move of one note twice',
    {
      type: 'note.move',
      moves: [
        { id: 'n1', x: 1180, y: 500 },
        { id: 'n1', x: 800, y: 500 },
      ],
    },
    (s) => s,
  ],
  ['note.delete', { type: 'note.delete', ids: ['n1', 'n2'] }, (s) => s],
  ['cluster.create', { type: 'cluster.create', id: 'c1', title: 'T', noteIds: ['n1', 'n2'] }, (s) => s],
  [
    'cluster.ungroup',
    { type: 'cluster.ungroup', id: 'c1' },
    (s) =>
      step(s, {
        type: 'cluster.create',
        id: 'c1',
        title: 'T',
        noteIds: ['n1', 'n2'],
      }),
  ],
  [
    'attention.delete with dots and ingredients',
    { type: 'attention.delete', id: 'a1' },
    (s) => step(step(s, { type: 'voting.open', open: true }), { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT),
  ],
  [
    'votes.clear',
    { type: 'votes.clear' },
    (s) => step(votingStateFrom(s), { type: 'vote.cast', id: 'v1', attentionPointId: 'a2' }, PARTICIPANT),
  ],
  ['settings.update', { type: 'settings.update', dotsPerParticipant: 7, anonymous: false }, (s) => s],
  ['zone.update', { type: 'zone.update', id: 'wij', name: 'WIJ', color: '#0072B2' }, (s) => s],
  ['notes.reveal', { type: 'notes.reveal', zoneId: null, revealed: true }, (s) => s],
  ['observation.set', { type: 'observation.set', zoneId: 'ik', text: 'Veel energie' }, (s) => s],
];

function votingStateFrom(state: SessionState): SessionState {
  return step(state, { type: 'voting.open', open: true });
}

describe('UndoHistory round trips', () => {
  it.each(roundTrips)('undo then redo of %s restores each state exactly', (_label, command, prepare) => {
    const history = new UndoHistory();
    const before = deepFreeze(prepare(seededState()));
    const after = deepFreeze(act(history, before, command));
    expect(after).not.toEqual(before);
    const undone = deepFreeze(undo(history, after));
    expect(undone).toEqual(before);
    const redone = redo(history, undone);
    expect(redone).toEqual(after);
    // And once more, to show the stacks swap cleanly.
    expect(undo(history, redone)).toEqual(before);
  });

  it('undoes several commands in reverse order', () => {
    const history = new UndoHistory();
    const s0 = seededState();
    const s1 = act(history, s0, { type: 'note.edit', id: 'n1', text: 'Een' });
    const s2 = act(history, s1, { type: 'note.edit', id: 'n1', text: 'Twee' });
    const s3 = act(history, s2, {
      type: 'note.move',
      moves: [{ id: 'n1', x: 1180, y: 500 }],
    });
    expect(undo(history, s3)).toEqual(s2);
    expect(undo(history, s2)).toEqual(s1);
    expect(undo(history, s1)).toEqual(s0);
    expect(history.canUndo).toBe(false);
    expect(redo(history, redo(history, redo(history, s0)))).toEqual(s3);
  });
});

describe('UndoHistory refusals', () => {
  it('reports nothing to undo or redo on a new history', () => {
    const history = new UndoHistory();
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
    expect(history.undo(seededState())).toEqual({
      ok: false,
      code: 'nothing_to_undo',
      message: 'Nothing to undo',
    });
    expect(history.redo(seededState())).toEqual({
      ok: false,
      code: 'nothing_to_undo',
      message: 'Nothing to redo',
    });
  });

  it('ignores an empty record', () => {
    const history = new UndoHistory();
    history.record([]);
    expect(history.canUndo).toBe(false);
  });

  it('refuses to undo when the entity changed since, and drops that entry', () => {
    const history = new UndoHistory();
    const s0 = seededState();
    const s1 = act(history, s0, {
      type: 'note.edit',
      id: 'n2',
      text: 'Door begeleider',
    });
    // The participant edits the same note afterwards from their phone.
    const s2 = step(s1, { type: 'note.edit', id: 'n2', text: 'Door deelnemer' }, PARTICIPANT);
    const frozen = deepFreeze(structuredClone(s2));
    const outcome = history.undo(frozen);
    expect(outcome).toMatchObject({ ok: false, code: 'conflict' });
    expect(frozen).toEqual(s2);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
  });

  it('refuses to undo a note.add when the note was deleted since', () => {
    const history = new UndoHistory();
    let state = act(history, seededState(), {
      type: 'note.add',
      id: 'n9',
      zoneId: 'wij',
      text: 'X',
    });
    state = step(state, { type: 'note.delete', ids: ['n9'] });
    expect(history.undo(state)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('after a conflict, the older entry can still be undone', () => {
    const history = new UndoHistory();
    const s0 = seededState();
    const s1 = act(history, s0, { type: 'note.edit', id: 'n1', text: 'A' });
    const s2 = act(history, s1, { type: 'note.edit', id: 'n2', text: 'B' });
    const s3 = step(s2, { type: 'note.edit', id: 'n2', text: 'C' }, PARTICIPANT);
    expect(history.undo(s3)).toMatchObject({ ok: false, code: 'conflict' });
    const undone = undo(history, s3);
    expect(undone.notes.n1?.text).toBe('Gedeelde visie');
    expect(undone.notes.n2?.text).toBe('C');
  });

  it('refuses to redo when the entity changed since the undo', () => {
    const history = new UndoHistory();
    const s1 = act(history, seededState(), {
      type: 'note.edit',
      id: 'n2',
      text: 'X',
    });
    const s2 = undo(history, s1);
    const s3 = step(s2, { type: 'note.edit', id: 'n2', text: 'Y' }, PARTICIPANT);
    expect(history.redo(s3)).toMatchObject({ ok: false, code: 'conflict' });
    expect(history.canRedo).toBe(false);
  });

  it('changes to other entities do not block an undo', () => {
    const history = new UndoHistory();
    const s1 = act(history, seededState(), {
      type: 'note.edit',
      id: 'n1',
      text: 'X',
    });
    const s2 = step(s1, { type: 'note.edit', id: 'n2', text: 'Y' }, PARTICIPANT);
    const undone = undo(history, s2);
    expect(undone.notes.n1?.text).toBe('Gedeelde visie');
    expect(undone.notes.n2?.text).toBe('Y');
  });

  it('a new record clears the redo stack', () => {
    const history = new UndoHistory();
    const s1 = act(history, seededState(), {
      type: 'note.edit',
      id: 'n1',
      text: 'X',
    });
    const s2 = undo(history, s1);
    expect(history.canRedo).toBe(true);
    act(history, s2, { type: 'note.edit', id: 'n3', text: 'Z' });
    expect(history.canRedo).toBe(false);
    expect(history.redo(s2)).toMatchObject({
      ok: false,
      code: 'nothing_to_undo',
    });
  });

  it('keeps at most the given number of entries, dropping the oldest', () => {
    const history = new UndoHistory(2);
    let state = votingState();
    state = act(history, state, { type: 'note.edit', id: 'n1', text: '1' });
    state = act(history, state, { type: 'note.edit', id: 'n1', text: '2' });
    state = act(history, state, { type: 'note.edit', id: 'n1', text: '3' });
    state = undo(history, state);
    state = undo(history, state);
    expect(state.notes.n1?.text).toBe('1');
    expect(history.canUndo).toBe(false);
    expect(history.undo(state)).toMatchObject({
      ok: false,
      code: 'nothing_to_undo',
    });
  });

  it('returns the inverse changes in reverse order', () => {
    const history = new UndoHistory();
    const outcome = accept(seededState(), {
      type: 'cluster.create',
      id: 'c1',
      title: 'T',
      noteIds: ['n1', 'n2'],
    });
    history.record(outcome.changes);
    const undoOutcome = history.undo(outcome.state);
    expect(undoOutcome.ok).toBe(true);
    if (!undoOutcome.ok) return;
    expect(undoOutcome.changes.map((c) => `${c.key}/${c.id}`)).toEqual(['notes/n2', 'notes/n1', 'clusters/c1']);
    expect(undoOutcome.changes[2]).toMatchObject({
      before: outcome.state.clusters.c1,
      after: null,
    });
  });
});

describe('a history rebuilt from the log', () => {
  it('offers the same undo and redo as the history that was live', () => {
    const live = new UndoHistory();
    const log: { type: string; role: string; changes: import('../../../shared/changes').Change[] }[] = [];
    let state = seededState();
    const perform = (command: CommandInput) => {
      const outcome = accept(state, command, FACILITATOR);
      if (outcome.undoable) live.record(outcome.changes);
      log.push({ type: command.type, role: 'facilitator', changes: outcome.changes });
      state = outcome.state;
    };
    perform({ type: 'note.add', id: 'n9', zoneId: 'het', text: 'Nieuw' });
    perform({ type: 'note.edit', id: 'n9', text: 'Anders' });
    const undone = live.undo(state);
    if (!undone.ok) throw new Error(undone.message);
    log.push({ type: 'history.undo', role: 'facilitator', changes: undone.changes });
    state = applyChanges(state, undone.changes);
    // A phone's note is in the log, never in the facilitator's history.
    const phone = accept(state, { type: 'note.add', id: 'p1', zoneId: 'wij', text: 'Telefoon' }, PARTICIPANT);
    log.push({ type: 'note.add', role: 'participant', changes: phone.changes });
    state = phone.state;

    const rebuilt = new UndoHistory();
    for (const event of log) rebuilt.replay(event, event.type.startsWith('note.'));
    const redoLive = live.redo(state);
    const redoRebuilt = rebuilt.redo(state);
    expect(redoRebuilt).toEqual(redoLive);
    if (!redoLive.ok) throw new Error(redoLive.message);
    state = applyChanges(state, redoLive.changes);
    expect(state.notes.n9?.text).toBe('Anders');
    expect(rebuilt.undo(state)).toEqual(live.undo(state));
    expect(rebuilt.undo(state)).toEqual(live.undo(state));
    expect(rebuilt.canUndo).toBe(false);
    expect(state.notes.p1?.text).toBe('Telefoon');
  });

  it('keeps only the newest steps a long log holds, and an undo of a step before the window still gives its redo', () => {
    const history = new UndoHistory(2);
    const change = (id: string) => [{ key: 'notes', id, before: null, after: { id } }] as unknown as import('../../../shared/changes').Change[];
    history.replay({ type: 'history.undo', role: 'facilitator', changes: change('old') }, false);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
    for (const id of ['a', 'b', 'c']) history.replay({ type: 'note.add', role: 'facilitator', changes: change(id) }, true);
    expect(history.canRedo).toBe(false);
    let undos = 0;
    while (history.canUndo) {
      history.undo({ notes: { a: { id: 'a' }, b: { id: 'b' }, c: { id: 'c' } } } as never);
      undos += 1;
    }
    expect(undos).toBe(2);
  });
});
