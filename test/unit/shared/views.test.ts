import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { recordFor, SESSION_COLLECTION_KEYS } from '../../../shared/records/index';
import { ANY_PARTICIPANT, EXISTED_BEFORE, HIDDEN_TEXT, isNoteHidden, ownersOfChanges, ownersOfSession, viewOfChanges, viewOfSession, visibilityChangedIn, visibilityKey } from '../../../shared/views';
import { accept, deepFreeze, defined, FACILITATOR, OTHER, PARTICIPANT, PROJECTOR, seededState, STRANGER, step } from './fixtures';

/** Notes hidden until reveal, names kept, with one dot each from p1 (a1) and p2 (a2). */
function hiddenState(): SessionState {
  let state = seededState({ hideNotesUntilReveal: true, anonymous: false });
  state = step(state, { type: 'voting.open', open: true });
  state = step(state, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
  state = step(state, { type: 'vote.cast', id: 'v2', attentionPointId: 'a2' }, OTHER);
  return state;
}

describe('isNoteHidden', () => {
  it('hides nothing when the setting is off', () => {
    const state = seededState({ hideNotesUntilReveal: false });
    expect(Object.values(state.notes).some((n) => isNoteHidden(state, n))).toBe(false);
  });

  it('hides notes of zones that are not revealed', () => {
    const state = step(hiddenState(), {
      type: 'notes.reveal',
      zoneId: 'het',
      revealed: true,
    });
    expect(isNoteHidden(state, defined(state.notes.n1))).toBe(true);
    expect(isNoteHidden(state, defined(state.notes.n3))).toBe(false);
  });
});

describe('viewOfSession', () => {
  it('gives the facilitator the state itself', () => {
    const state = hiddenState();
    expect(viewOfSession(state, FACILITATOR)).toBe(state);
  });

  it('does not mutate the state', () => {
    const state = deepFreeze(hiddenState());
    viewOfSession(state, PROJECTOR);
    viewOfSession(state, PARTICIPANT);
    expect(state).toEqual(hiddenState());
  });

  it('sends hidden notes with empty text and no author to the projector', () => {
    const view = viewOfSession(hiddenState(), PROJECTOR);
    for (const note of Object.values(view.notes)) {
      expect(note.text).toBe(HIDDEN_TEXT);
      expect(note.authorId).toBeNull();
      expect(note.authorName).toBeNull();
    }
    expect(HIDDEN_TEXT).toBe('');
    // Position and zone stay, so the projector can show that a note is there.
    expect(view.notes.n2).toMatchObject({ x: 450, y: 520, zoneId: 'wij' });
    expect(JSON.stringify(view)).not.toContain('Korte lijnen');
    expect(JSON.stringify(view.notes)).not.toContain('Bram');
  });

  it('sends a participant their own hidden notes in full, and others’ with empty text', () => {
    const state = hiddenState();
    const view = viewOfSession(state, PARTICIPANT);
    expect(view.notes.n2).toEqual(state.notes.n2);
    expect(view.notes.n4).toEqual(state.notes.n4);
    expect(view.notes.n2?.text).toBe('Korte lijnen');
    expect(view.notes.n3?.text).toBe('');
    expect(view.notes.n1?.text).toBe('');
    expect(JSON.stringify(view.notes)).not.toContain('Monitoring ontbreekt');
  });

  it('does not treat the facilitator’s notes as own for a participant connection without an id', () => {
    const view = viewOfSession(hiddenState(), { role: 'participant', participantId: null });
    expect(view.notes.n1?.text).toBe('');
    expect(JSON.stringify(view.notes)).not.toContain('Gedeelde visie');
  });

  it('shows revealed zones’ notes but never other people’s author ids', () => {
    const state = step(hiddenState(), {
      type: 'notes.reveal',
      zoneId: 'het',
      revealed: true,
    });
    const projector = viewOfSession(state, PROJECTOR);
    expect(projector.notes.n3).toMatchObject({
      text: 'Monitoring ontbreekt',
      authorId: null,
      authorName: 'Chris',
    });
    expect(projector.notes.n2?.text).toBe('');
    const phone = viewOfSession(state, PARTICIPANT);
    expect(phone.notes.n3).toMatchObject({
      text: 'Monitoring ontbreekt',
      authorId: null,
    });
  });

  it('shows authors’ names only while the session is not anonymous', () => {
    const named = seededState({ anonymous: false });
    expect(viewOfSession(named, PROJECTOR).notes.n2?.authorName).toBe('Bram');
    // Turned anonymous later: names written earlier are no longer shown to others.
    const anonymous = step(named, { type: 'settings.update', anonymous: true });
    expect(viewOfSession(anonymous, PROJECTOR).notes.n2?.authorName).toBeNull();
    expect(viewOfSession(anonymous, OTHER).notes.n2?.authorName).toBeNull();
    expect(viewOfSession(anonymous, PARTICIPANT).notes.n2?.authorName).toBe('Bram');
    expect(viewOfSession(anonymous, FACILITATOR).notes.n2?.authorName).toBe('Bram');
    const outcome = accept(anonymous, { type: 'note.edit', id: 'n2', text: 'Nieuw' });
    expect(JSON.stringify(viewOfChanges(outcome.state, outcome.changes, PROJECTOR))).not.toContain('Bram');
  });

  it('shows all notes when hiding is off', () => {
    const state = seededState();
    const view = viewOfSession(state, PROJECTOR);
    expect(
      Object.values(view.notes)
        .map((n) => n.text)
        .sort(),
    ).toEqual(
      Object.values(state.notes)
        .map((n) => n.text)
        .sort(),
    );
  });

  it('hides every vote from the projector until they are revealed', () => {
    const state = hiddenState();
    expect(viewOfSession(state, PROJECTOR).votes).toEqual({});
    const revealed = step(state, { type: 'voting.reveal', revealed: true });
    const view = viewOfSession(revealed, PROJECTOR);
    expect(Object.keys(view.votes).sort()).toEqual(['v1', 'v2']);
    // Totals, not who voted what.
    expect(Object.values(view.votes).every((vote) => vote.participantId === '')).toBe(true);
    expect(view.votes.v1?.attentionPointId).toBe('a1');
  });

  it('gives a participant only their own votes before the reveal', () => {
    const view = viewOfSession(hiddenState(), PARTICIPANT);
    expect(view.votes).toEqual({
      v1: { id: 'v1', attentionPointId: 'a1', participantId: 'p1' },
    });
    expect(viewOfSession(hiddenState(), OTHER).votes).toEqual({
      v2: { id: 'v2', attentionPointId: 'a2', participantId: 'p2' },
    });
  });

  it('gives a participant their own votes plus anonymous others after the reveal', () => {
    const revealed = step(hiddenState(), {
      type: 'voting.reveal',
      revealed: true,
    });
    const view = viewOfSession(revealed, PARTICIPANT);
    expect(view.votes).toEqual({
      v1: { id: 'v1', attentionPointId: 'a1', participantId: 'p1' },
      v2: { id: 'v2', attentionPointId: 'a2', participantId: '' },
    });
  });

  it('does not give participants the participants list; the projector gets it', () => {
    const state = hiddenState();
    expect(viewOfSession(state, PARTICIPANT).participants).toEqual({});
    expect(viewOfSession(state, PROJECTOR).participants).toEqual(state.participants);
  });

  it('leaves everything else as it is', () => {
    const state = hiddenState();
    const view = viewOfSession(state, PROJECTOR);
    expect(view.attentionPoints).toBe(state.attentionPoints);
    expect(view.flow).toBe(state.flow);
    expect(view.settings).toBe(state.settings);
    expect(view.ingredients).toBe(state.ingredients);
  });
});

describe('viewOfChanges', () => {
  it('gives the facilitator the changes as they are', () => {
    const outcome = accept(hiddenState(), { type: 'note.add', id: 'n9', zoneId: 'wij', text: 'Geheim' }, PARTICIPANT);
    expect(viewOfChanges(outcome.state, outcome.changes, FACILITATOR)).toBe(outcome.changes);
  });

  it('redacts a hidden note for the projector and other phones but not for its author', () => {
    const outcome = accept(hiddenState(), { type: 'note.add', id: 'n9', zoneId: 'wij', text: 'Geheim' }, PARTICIPANT);
    const projector = viewOfChanges(outcome.state, outcome.changes, PROJECTOR);
    expect(projector).toHaveLength(1);
    expect(projector[0]).toMatchObject({
      key: 'notes',
      id: 'n9',
      before: null,
      after: { text: '', authorId: null, authorName: null },
    });
    const other = viewOfChanges(outcome.state, outcome.changes, OTHER);
    expect(JSON.stringify(other)).not.toContain('Geheim');
    const own = viewOfChanges(outcome.state, outcome.changes, PARTICIPANT);
    expect(own).toEqual(outcome.changes);
  });

  it('redacts both sides of a hidden note edit', () => {
    const outcome = accept(hiddenState(), { type: 'note.edit', id: 'n3', text: 'Nieuw geheim' }, OTHER);
    const [change] = viewOfChanges(outcome.state, outcome.changes, PROJECTOR);
    expect(change).toMatchObject({ before: EXISTED_BEFORE, after: { text: '' } });
    expect(JSON.stringify(change)).not.toContain('geheim');
    expect(JSON.stringify(change)).not.toContain('Monitoring');
  });

  it('sends phones and the projector only whether a value was there, and the facilitator the value itself', () => {
    const moved = accept(hiddenState(), { type: 'note.move', moves: [{ id: 'n1', x: 333, y: 444 }] });
    const [facilitatorChange] = viewOfChanges(moved.state, moved.changes, FACILITATOR);
    expect(facilitatorChange?.before).toMatchObject({ id: 'n1' });
    for (const actor of [PROJECTOR, PARTICIPANT, OTHER]) {
      const [change] = viewOfChanges(moved.state, moved.changes, actor);
      expect(change).toMatchObject({ key: 'notes', id: 'n1', before: EXISTED_BEFORE, after: { x: 333, y: 444 } });
    }
    // New to them: before stays null, so a client can tell an addition from a change.
    const added = accept(hiddenState(), { type: 'note.add', id: 'n-new', zoneId: 'wij', text: 'Nieuw' });
    expect(viewOfChanges(added.state, added.changes, PROJECTOR)[0]?.before).toBeNull();
  });

  it('drops votes the subscriber may not see', () => {
    const outcome = accept(hiddenState(), { type: 'vote.cast', id: 'v3', attentionPointId: 'a3' }, PARTICIPANT);
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR)).toEqual([]);
    expect(viewOfChanges(outcome.state, outcome.changes, OTHER)).toEqual([]);
    expect(viewOfChanges(outcome.state, outcome.changes, PARTICIPANT)).toEqual(outcome.changes);
  });

  it('sends vote changes anonymised once votes are revealed', () => {
    // (Opening voting again hides the totals, so a revealed vote changes when the facilitator removes its point.)
    const state = step(hiddenState(), { type: 'voting.reveal', revealed: true });
    const outcome = accept(state, { type: 'attention.delete', id: 'a1' });
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR).filter((change) => change.key === 'votes')).toEqual([
      {
        key: 'votes',
        id: 'v1',
        before: EXISTED_BEFORE,
        after: null,
      },
    ]);
  });

  it('keeps only the visible changes of a mixed command', () => {
    // Deleting a1 removes ingredient i1, p1's vote v1 and the point itself.
    const outcome = accept(hiddenState(), {
      type: 'attention.delete',
      id: 'a1',
    });
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR).map((c) => `${c.key}/${c.id}`)).toEqual([
      'ingredients/i1',
      'attentionPoints/a1',
    ]);
    expect(viewOfChanges(outcome.state, outcome.changes, PARTICIPANT).map((c) => `${c.key}/${c.id}`)).toEqual([
      'ingredients/i1',
      'votes/v1',
      'attentionPoints/a1',
    ]);
  });

  it('drops participant changes for participants, not for the projector', () => {
    const outcome = accept(
      hiddenState(),
      { type: 'participant.join', id: 'p9', name: 'Dirk' },
      { role: 'participant', participantId: 'p9' },
    );
    expect(viewOfChanges(outcome.state, outcome.changes, PARTICIPANT)).toEqual([]);
    expect(
      viewOfChanges(outcome.state, outcome.changes, {
        role: 'participant',
        participantId: 'p9',
      }),
    ).toEqual([]);
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR)).toEqual(outcome.changes);
  });

  it('passes singleton changes through', () => {
    const outcome = accept(hiddenState(), {
      type: 'timer.control',
      action: 'set',
      durationMs: 1000,
    });
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR)).toEqual(outcome.changes);
    expect(viewOfChanges(outcome.state, outcome.changes, PARTICIPANT)).toEqual(outcome.changes);
  });

  it('does not mutate the changes it is given', () => {
    const outcome = accept(hiddenState(), {
      type: 'note.edit',
      id: 'n3',
      text: 'X',
    });
    const changes = deepFreeze(structuredClone(outcome.changes));
    viewOfChanges(outcome.state, changes, PROJECTOR);
    expect(changes).toEqual(outcome.changes);
  });
});

describe('visibilityKey', () => {
  it('changes exactly when what others may see changes', () => {
    const state = hiddenState();
    const key = visibilityKey(state);
    expect(visibilityKey(step(state, { type: 'note.edit', id: 'n1', text: 'X' }))).toBe(key);
    expect(visibilityKey(step(state, { type: 'notes.reveal', zoneId: 'wij', revealed: true }))).not.toBe(key);
    expect(visibilityKey(step(state, { type: 'voting.reveal', revealed: true }))).not.toBe(key);
    expect(visibilityKey(step(state, { type: 'settings.update', hideNotesUntilReveal: false }))).not.toBe(key);
    expect(visibilityKey(step(state, { type: 'settings.update', anonymous: true }))).not.toBe(key);
  });
});

describe('moderation in views', () => {
  /** Moderation on; p1 wrote n9, which waits for approval. */
  function pendingState(): SessionState {
    const state = seededState({ moderation: true });
    return step(state, { type: 'note.add', id: 'n9', zoneId: 'wij', text: 'Onaardig' }, PARTICIPANT);
  }

  it('a pending note exists only for its author and the facilitator', () => {
    const state = pendingState();
    expect(viewOfSession(state, FACILITATOR).notes.n9?.text).toBe('Onaardig');
    expect(viewOfSession(state, PARTICIPANT).notes.n9).toMatchObject({ text: 'Onaardig', pending: true });
    expect(viewOfSession(state, PROJECTOR).notes).not.toHaveProperty('n9');
    expect(viewOfSession(state, OTHER).notes).not.toHaveProperty('n9');
    expect(JSON.stringify(viewOfSession(state, PROJECTOR))).not.toContain('Onaardig');
  });

  it('the add of a pending note reaches only its author', () => {
    const outcome = accept(seededState({ moderation: true }), { type: 'note.add', id: 'n9', zoneId: 'wij', text: 'Onaardig' }, PARTICIPANT);
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR)).toEqual([]);
    expect(viewOfChanges(outcome.state, outcome.changes, OTHER)).toEqual([]);
    expect(viewOfChanges(outcome.state, outcome.changes, PARTICIPANT)).toEqual(outcome.changes);
  });

  it('approval reaches the others as a new note', () => {
    const outcome = accept(pendingState(), { type: 'note.approve', ids: ['n9'] });
    const [change] = viewOfChanges(outcome.state, outcome.changes, PROJECTOR);
    expect(change).toMatchObject({ key: 'notes', id: 'n9', before: null, after: { text: 'Onaardig', authorId: null } });
    expect(change?.after).not.toHaveProperty('pending');
  });

  it('deleting a pending note is not sent to the others', () => {
    const outcome = accept(pendingState(), { type: 'note.delete', ids: ['n9'] });
    expect(viewOfChanges(outcome.state, outcome.changes, PROJECTOR)).toEqual([]);
  });

  it('an approved note edited by its author disappears for the others until approved again', () => {
    let state = step(pendingState(), { type: 'note.approve', ids: ['n9'] });
    const outcome = accept(state, { type: 'note.edit', id: 'n9', text: 'Vriendelijk' }, PARTICIPANT);
    const [change] = viewOfChanges(outcome.state, outcome.changes, PROJECTOR);
    expect(change).toMatchObject({ key: 'notes', id: 'n9', before: EXISTED_BEFORE, after: null });
    state = outcome.state;
    expect(viewOfSession(state, PROJECTOR).notes).not.toHaveProperty('n9');
  });
});

describe('owner: who sees a value otherwise than every other participant', () => {
  /** The hidden state in every combination of what decides visibility. */
  function variants(): SessionState[] {
    const states: SessionState[] = [];
    for (const anonymous of [false, true]) {
      for (const hideNotesUntilReveal of [false, true]) {
        let state = step(hiddenState(), { type: 'settings.update', anonymous, hideNotesUntilReveal });
        // A phone's reaction in the review (made through the review's commands elsewhere; here only its redaction counts).
        const reaction = { id: 'r1', actionId: 'act1', participantId: PARTICIPANT.participantId, thumb: 'up' as const, text: 'Goed', createdAt: 0 };
        state = { ...state, reactions: { r1: reaction } };
        states.push(state);
        state = step(state, { type: 'notes.reveal', zoneId: 'het', revealed: true });
        state = step(state, { type: 'voting.reveal', revealed: true });
        states.push(state);
      }
    }
    return states;
  }

  it('is the only participant whose redaction differs from a participant who owns nothing', () => {
    let ownViewsDiffer = 0;
    for (const state of variants()) {
      for (const key of SESSION_COLLECTION_KEYS) {
        const record = recordFor('session', key);
        if (!record?.redact) continue;
        for (const value of Object.values(state[key] as Record<string, object>)) {
          const owner = record.owner?.(value) ?? null;
          const anyone = record.redact(value, { actor: ANY_PARTICIPANT, state });
          for (const actor of [PARTICIPANT, OTHER, STRANGER]) {
            const seen = record.redact(value, { actor, state });
            if (actor.participantId === owner) {
              if (JSON.stringify(seen) !== JSON.stringify(anyone)) ownViewsDiffer += 1;
              continue;
            }
            expect(seen).toEqual(anyone);
          }
        }
      }
    }
    // Not vacuous: owners do see their own notes, dots and reactions otherwise.
    expect(ownViewsDiffer).toBeGreaterThan(0);
    expect(ownersOfSession(variants()[0] as SessionState)).toContain(PARTICIPANT.participantId);
  });

  it('names the owners of changes and of a session', () => {
    const state = hiddenState();
    expect([...ownersOfSession(state)].sort()).toEqual(expect.arrayContaining(['p1', 'p2']));
    const vote = defined(state.votes.v1);
    expect([...ownersOfChanges([{ key: 'votes', id: 'v1', before: null, after: vote }])]).toEqual(['p1']);
    expect([...ownersOfChanges([{ key: 'flow', id: null, before: state.flow, after: state.flow }])]).toEqual([]);
  });
});

describe('visibilityChangedIn', () => {
  it('finds a reveal or a setting among events by walking back from the state', () => {
    const before = hiddenState();
    const revealed = step(before, { type: 'voting.reveal', revealed: true });
    const reveal = { changes: [{ key: 'flow', id: null, before: before.flow, after: revealed.flow }] };
    const note = { changes: [{ key: 'notes', id: 'nx', before: null, after: { id: 'nx' } }] };
    expect(visibilityChangedIn(revealed, [note, reveal, note])).toBe(true);
    expect(visibilityChangedIn(revealed, [note, note])).toBe(false);
    // A flow change that leaves what is visible alone (the voting phase) is not a wholesale change.
    const opened = step(before, { type: 'voting.open', open: false });
    expect(visibilityChangedIn(opened, [{ changes: [{ key: 'flow', id: null, before: before.flow, after: opened.flow }] }])).toBe(false);
    const anonymous = step(before, { type: 'settings.update', anonymous: true });
    expect(visibilityChangedIn(anonymous, [{ changes: [{ key: 'settings', id: null, before: before.settings, after: anonymous.settings }] }])).toBe(true);
  });
});
