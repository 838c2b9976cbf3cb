import { describe, expect, it } from 'vitest';
import { LIMITS, type Note, type SessionState } from '../../../shared/domain';
import {
  acceptFrozen,
  emptyState,
  defined,
  expectRefused,
  FACILITATOR,
  joinedState,
  NOW,
  OTHER,
  PARTICIPANT,
  PROJECTOR,
  STRANGER,
  seededState,
  step,
  text,
} from './fixtures';

const add = (fields: Record<string, unknown> = {}) => ({
  type: 'note.add',
  id: 'n9',
  zoneId: 'wij',
  text: 'Nieuw',
  ...fields,
});

describe('note.add', () => {
  it('adds a note without a place of its own at its side’s first free spot, with defaults', () => {
    const outcome = acceptFrozen(emptyState(), add());
    const note = outcome.state.notes.n9;
    expect(note).toEqual({
      id: 'n9',
      zoneId: 'wij',
      text: 'Nieuw',
      // WIJ (centre 420, 500; 300 × 270): the first row of notes lies one note's height above the
      // middle line, and starts where that row's chord begins, at 219 (the note's middle at 307).
      x: 307,
      y: 362,
      color: null,
      authorId: null,
      authorName: null,
      clusterId: null,
      createdAt: NOW,
    } satisfies Note);
    expect(outcome.changes).toEqual([{ key: 'notes', id: 'n9', before: null, after: note }]);
    expect(outcome.undoable).toBe(true);
  });

  it('keeps given coordinates and colour, and trims the text', () => {
    const outcome = acceptFrozen(emptyState(), add({ x: 12.5, y: -3, color: '#009E73', text: '  Ruimte  ' }));
    expect(outcome.state.notes.n9).toMatchObject({
      x: 12.5,
      y: -3,
      color: '#009E73',
      text: 'Ruimte',
    });
  });

  it('accepts an explicit null colour', () => {
    expect(acceptFrozen(emptyState(), add({ color: null })).state.notes.n9?.color).toBeNull();
  });

  it('stores the participant as author, without name in an anonymous session', () => {
    const note = acceptFrozen(joinedState({ anonymous: true }), add(), PARTICIPANT).state.notes.n9;
    expect(note?.authorId).toBe('p1');
    expect(note?.authorName).toBeNull();
  });

  it('stores the participant’s name when the session is not anonymous', () => {
    const note = acceptFrozen(joinedState({ anonymous: false }), add(), PARTICIPANT).state.notes.n9;
    expect(note?.authorId).toBe('p1');
    expect(note?.authorName).toBe('Bram');
  });

  it('accepts text of exactly the limit', () => {
    expect(acceptFrozen(emptyState(), add({ text: text(LIMITS.noteText) })).state.notes.n9?.text).toHaveLength(LIMITS.noteText);
  });

  it('accepts an id of 64 characters with - and _', () => {
    const id = `${text(62, 'a')}-_`;
    expect(acceptFrozen(emptyState(), add({ id })).state.notes[id]).toBeDefined();
  });

  it('keeps untrusted text as text', () => {
    const html = '<img src=x onerror=alert(1)> & <b>vet</b>';
    expect(acceptFrozen(emptyState(), add({ text: html })).state.notes.n9?.text).toBe(html);
  });

  describe('refuses an invalid payload', () => {
    it.each([
      ['missing id', { id: undefined }],
      ['missing zoneId', { zoneId: undefined }],
      ['missing text', { text: undefined }],
      ['text as number', { text: 42 }],
      ['empty text', { text: '' }],
      ['whitespace-only text', { text: '   \n ' }],
      ['text over the limit', { text: text(LIMITS.noteText + 1) }],
      ['id with a space', { id: 'n 9' }],
      ['id with a slash', { id: '../n9' }],
      ['empty id', { id: '' }],
      ['id over 64 characters', { id: text(65, 'a') }],
      ['id as number', { id: 9 }],
      ['zone id with a dot', { zoneId: 'wij.x' }],
      ['x is NaN', { x: Number.NaN }],
      ['y is Infinity', { y: Number.POSITIVE_INFINITY }],
      ['x is -Infinity', { x: Number.NEGATIVE_INFINITY }],
      ['x as string', { x: '10' }],
      ['x far outside the world', { x: 10001 }],
      ['colour without #', { color: 'E69F00' }],
      ['short colour', { color: '#fff' }],
      ['colour name', { color: 'red' }],
      ['colour with bad hex', { color: '#GGGGGG' }],
    ])('%s', (_label, fields) => {
      expectRefused(emptyState(), add(fields), FACILITATOR, 'invalid_payload');
    });
  });

  it('refuses a projector', () => {
    expectRefused(emptyState(), add(), PROJECTOR, 'forbidden');
  });

  it('refuses an unknown zone', () => {
    expectRefused(emptyState(), add({ zoneId: 'zij' }), FACILITATOR, 'rule_violation', 'unknown_zone');
  });

  it('refuses a duplicate id, from anyone', () => {
    const state = seededState();
    expectRefused(state, add({ id: 'n1' }), FACILITATOR, 'rule_violation', 'duplicate_id');
    expectRefused(state, add({ id: 'n3' }), PARTICIPANT, 'rule_violation', 'duplicate_id');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the inherited object key %s as an id', (id) => {
    expectRefused(emptyState(), add({ id }), FACILITATOR, 'invalid_payload');
  });

  it('refuses a note beyond the per-session limit', () => {
    const state = emptyState();
    const notes: SessionState['notes'] = {};
    for (let i = 0; i < LIMITS.notesPerSession; i++) {
      notes[`m${i}`] = {
        id: `m${i}`,
        zoneId: 'wij',
        text: 't',
        x: 0,
        y: 0,
        color: null,
        authorId: null,
        authorName: null,
        clusterId: null,
        createdAt: 0,
      };
    }
    const full = { ...state, notes };
    const outcome = expectRefused(full, add(), FACILITATOR, 'rule_violation', 'too_many_notes');
    expect(outcome.message).toContain(String(LIMITS.notesPerSession));
    // One less is fine.
    const { m0: _dropped, ...rest } = notes;
    expect(step({ ...state, notes: rest }, add()).notes.n9).toBeDefined();
  });
});

describe('note.edit', () => {
  it('lets the facilitator edit any note', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.edit',
      id: 'n3',
      text: ' Nieuwe tekst ',
    });
    expect(outcome.state.notes.n3?.text).toBe('Nieuwe tekst');
    expect(outcome.state.notes.n3?.authorId).toBe('p2');
    expect(outcome.changes).toHaveLength(1);
    expect(outcome.changes[0]?.before).toMatchObject({
      text: 'Monitoring ontbreekt',
    });
  });

  it('lets a participant edit their own note', () => {
    expect(acceptFrozen(seededState(), { type: 'note.edit', id: 'n2', text: 'Mijn tekst' }, PARTICIPANT).state.notes.n2?.text).toBe(
      'Mijn tekst',
    );
  });

  it('refuses a participant editing another participant’s note', () => {
    expectRefused(seededState(), { type: 'note.edit', id: 'n3', text: 'x' }, PARTICIPANT, 'rule_violation', 'not_own_note');
  });

  it('refuses a participant editing the facilitator’s note', () => {
    expectRefused(seededState(), { type: 'note.edit', id: 'n1', text: 'x' }, OTHER, 'rule_violation', 'not_own_note');
  });

  it('refuses a participant who never joined editing someone’s note', () => {
    expectRefused(seededState(), { type: 'note.edit', id: 'n2', text: 'x' }, STRANGER, 'rule_violation', 'not_own_note');
  });

  it('refuses a participant connection without an id editing the facilitator’s note', () => {
    // n1 has no author (the facilitator wrote it); a missing participant id must not count as "same author".
    const anonymousPhone = { role: 'participant', participantId: null } as const;
    expectRefused(seededState(), { type: 'note.edit', id: 'n1', text: 'x' }, anonymousPhone, 'rule_violation', 'not_own_note');
    expectRefused(seededState(), { type: 'note.delete', ids: ['n1'] }, anonymousPhone, 'rule_violation', 'not_own_note');
  });

  it('refuses an unknown note', () => {
    const outcome = expectRefused(seededState(), { type: 'note.edit', id: 'ghost', text: 'x' }, FACILITATOR, 'not_found');
    expect(outcome.message).toContain('ghost');
  });

  it('refuses inherited object keys as ids instead of treating them as notes', () => {
    expectRefused(seededState(), { type: 'note.edit', id: 'constructor', text: 'x' }, FACILITATOR, 'invalid_payload');
  });

  it.each([
    ['empty text', { text: '' }],
    ['text too long', { text: text(LIMITS.noteText + 1) }],
    ['missing text', { text: undefined }],
    ['bad id', { id: 'a b' }],
    ['text as array', { text: ['a'] }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'note.edit', id: 'n1', text: 'ok', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses a projector', () => {
    expectRefused(seededState(), { type: 'note.edit', id: 'n1', text: 'x' }, PROJECTOR, 'forbidden');
  });
});

describe('note.move', () => {
  it('moves a note inside its own zone', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.move',
      moves: [{ id: 'n1', x: 300, y: 400 }],
    });
    expect(outcome.state.notes.n1).toMatchObject({
      x: 300,
      y: 400,
      zoneId: 'wij',
    });
  });

  it('a note taken to another side leaves its cluster; the last one out removes the cluster', () => {
    const clustered = step(seededState(), { type: 'cluster.create', id: 'c1', title: 'Samen', noteIds: ['n1', 'n2'] });
    const within = acceptFrozen(clustered, { type: 'note.move', moves: [{ id: 'n1', x: 300, y: 420 }] });
    expect(within.state.notes.n1?.clusterId).toBe('c1');
    const first = acceptFrozen(clustered, { type: 'note.move', moves: [{ id: 'n1', x: 1180, y: 500 }] });
    expect(first.state.notes.n1).toMatchObject({ zoneId: 'het', clusterId: null });
    expect(first.state.notes.n2?.clusterId).toBe('c1');
    expect(first.state.clusters.c1).toBeDefined();
    const last = acceptFrozen(first.state, { type: 'note.move', moves: [{ id: 'n2', x: 1180, y: 560 }] });
    expect(last.state.notes.n2?.clusterId).toBeNull();
    expect(last.state.clusters.c1).toBeUndefined();
  });

  it('moving a note into another zone’s ellipse changes its zone', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.move',
      moves: [{ id: 'n1', x: 1180, y: 500 }],
    });
    expect(outcome.state.notes.n1).toMatchObject({
      x: 1180,
      y: 500,
      zoneId: 'het',
    });
    expect(outcome.changes[0]?.before).toMatchObject({ zoneId: 'wij' });
  });

  it('moving into the overlap of two ellipses picks the smaller zone', () => {
    // (700, 500) is inside both WIJ (large) and IK (small).
    expect(
      step(seededState(), {
        type: 'note.move',
        moves: [{ id: 'n1', x: 700, y: 500 }],
      }).notes.n1?.zoneId,
    ).toBe('ik');
  });

  it('moving outside all zones keeps the zone', () => {
    const state = step(seededState(), {
      type: 'note.move',
      moves: [{ id: 'n3', x: 20, y: 20 }],
    });
    expect(state.notes.n3).toMatchObject({ x: 20, y: 20, zoneId: 'het' });
    const far = step(seededState(), {
      type: 'note.move',
      moves: [{ id: 'n3', x: -5000, y: 9000 }],
    });
    expect(far.notes.n3?.zoneId).toBe('het');
  });

  it('moves several notes in one command, each judged by its own position', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.move',
      moves: [
        { id: 'n1', x: 800, y: 500 },
        { id: 'n3', x: 1400, y: 450 },
      ],
    });
    expect(outcome.state.notes.n1?.zoneId).toBe('ik');
    expect(outcome.state.notes.n3?.zoneId).toBe('het');
    expect(outcome.changes.map((c) => c.id)).toEqual(['n1', 'n3']);
  });

  it('refuses the whole move when one note does not exist', () => {
    expectRefused(
      seededState(),
      {
        type: 'note.move',
        moves: [
          { id: 'n1', x: 1, y: 1 },
          { id: 'ghost', x: 1, y: 1 },
        ],
      },
      FACILITATOR,
      'not_found',
    );
  });

  it.each([
    ['no moves', { moves: [] }],
    ['NaN x', { moves: [{ id: 'n1', x: Number.NaN, y: 1 }] }],
    ['Infinity y', { moves: [{ id: 'n1', x: 1, y: Number.POSITIVE_INFINITY }] }],
    ['missing y', { moves: [{ id: 'n1', x: 1 }] }],
    ['bad id', { moves: [{ id: '', x: 1, y: 1 }] }],
    ['moves not an array', { moves: { id: 'n1', x: 1, y: 1 } }],
    ['coordinate below the bound', { moves: [{ id: 'n1', x: -10001, y: 1 }] }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'note.move', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants, even for their own note', () => {
    expectRefused(seededState(), { type: 'note.move', moves: [{ id: 'n2', x: 1, y: 1 }] }, PARTICIPANT, 'forbidden');
  });
});

describe('note.recolor', () => {
  it('recolours several notes', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.recolor',
      ids: ['n1', 'n2'],
      color: '#D55E00',
    });
    expect(outcome.state.notes.n1?.color).toBe('#D55E00');
    expect(outcome.state.notes.n2?.color).toBe('#D55E00');
    expect(outcome.state.notes.n3?.color).toBeNull();
    expect(outcome.changes).toHaveLength(2);
  });

  it('clears the colour with null', () => {
    const state = step(seededState(), {
      type: 'note.recolor',
      ids: ['n1'],
      color: '#D55E00',
    });
    expect(step(state, { type: 'note.recolor', ids: ['n1'], color: null }).notes.n1?.color).toBeNull();
  });

  it('refuses an unknown note', () => {
    expectRefused(seededState(), { type: 'note.recolor', ids: ['n1', 'ghost'], color: '#D55E00' }, FACILITATOR, 'not_found');
  });

  it.each([
    ['bad colour', { ids: ['n1'], color: 'blue' }],
    ['colour missing', { ids: ['n1'] }],
    ['empty ids', { ids: [], color: null }],
    ['bad id', { ids: ['n 1'], color: null }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'note.recolor', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('note.delete', () => {
  it('lets the facilitator delete any notes', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'note.delete',
      ids: ['n1', 'n3'],
    });
    expect(Object.keys(outcome.state.notes).sort()).toEqual(['n2', 'n4']);
    expect(outcome.changes.map((c) => [c.id, c.after])).toEqual([
      ['n1', null],
      ['n3', null],
    ]);
  });

  it('lets a participant delete their own notes', () => {
    const outcome = acceptFrozen(seededState(), { type: 'note.delete', ids: ['n2', 'n4'] }, PARTICIPANT);
    expect(Object.keys(outcome.state.notes).sort()).toEqual(['n1', 'n3']);
  });

  it('refuses the whole delete when one note is not the participant’s own', () => {
    expectRefused(seededState(), { type: 'note.delete', ids: ['n2', 'n3'] }, PARTICIPANT, 'rule_violation', 'not_own_note');
  });

  it('refuses an unknown note', () => {
    expectRefused(seededState(), { type: 'note.delete', ids: ['ghost'] }, FACILITATOR, 'not_found');
  });

  it('refuses the same note twice in one delete', () => {
    expectRefused(seededState(), { type: 'note.delete', ids: ['n1', 'n1'] }, FACILITATOR, 'not_found');
  });

  it.each([
    ['empty ids', { ids: [] }],
    ['ids missing', {}],
    ['id as number', { ids: [1] }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'note.delete', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses a projector', () => {
    expectRefused(seededState(), { type: 'note.delete', ids: ['n1'] }, PROJECTOR, 'forbidden');
  });
});

describe('moderation (note.add, note.edit, note.approve)', () => {
  const moderated = () => seededState({ moderation: true });

  it('a phone’s note waits for approval; the facilitator’s does not', () => {
    const state = moderated();
    expect(step(state, add(), PARTICIPANT).notes.n9?.pending).toBe(true);
    expect(step(state, add()).notes.n9).not.toHaveProperty('pending');
  });

  it('without moderation, phone notes are ordinary', () => {
    expect(step(seededState(), add(), PARTICIPANT).notes.n9).not.toHaveProperty('pending');
  });

  it('an edited phone note goes back to the queue; a facilitator edit does not approve it', () => {
    let state = step(moderated(), add(), PARTICIPANT);
    state = step(state, { type: 'note.approve', ids: ['n9'] });
    expect(state.notes.n9).not.toHaveProperty('pending');
    state = step(state, { type: 'note.edit', id: 'n9', text: 'Anders' }, PARTICIPANT);
    expect(state.notes.n9?.pending).toBe(true);
    state = step(state, { type: 'note.edit', id: 'n9', text: 'Netter' });
    expect(state.notes.n9).toMatchObject({ text: 'Netter', pending: true });
  });

  it('approves several notes and leaves approved ones alone', () => {
    let state = step(moderated(), add(), PARTICIPANT);
    state = step(state, add({ id: 'n8' }), OTHER);
    const outcome = acceptFrozen(state, { type: 'note.approve', ids: ['n9', 'n8', 'n1'] });
    const { pending: _pending, ...approved } = defined(state.notes.n9);
    expect(outcome.state.notes.n9).toEqual(approved);
    expect(outcome.state.notes.n8).not.toHaveProperty('pending');
    expect(outcome.changes.map((c) => c.id)).toEqual(['n9', 'n8']);
    expect(outcome.undoable).toBe(true);
  });

  it('approving an approved note changes nothing', () => {
    expect(acceptFrozen(moderated(), { type: 'note.approve', ids: ['n1'] }).changes).toEqual([]);
  });

  it('refuses an unknown note', () => {
    expectRefused(moderated(), { type: 'note.approve', ids: ['ghost'] }, FACILITATOR, 'not_found');
  });

  it('refuses participants approving, even their own note', () => {
    const state = step(moderated(), add(), PARTICIPANT);
    expectRefused(state, { type: 'note.approve', ids: ['n9'] }, PARTICIPANT, 'forbidden');
  });

  it.each([
    ['empty ids', { ids: [] }],
    ['bad id', { ids: ['n 1'] }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(moderated(), { type: 'note.approve', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('a note with texts from another laptop (kept by an archive merge)', () => {
  const withConflict = (id: string) => {
    const state = seededState();
    const note = defined(state.notes[id]);
    return { ...state, notes: { ...state.notes, [id]: { ...note, conflicts: [{ rev: 'r', text: 'Daar' }] } } };
  };

  it('is settled when the facilitator, who sees both texts, saves it', () => {
    const saved = step(withConflict('n1'), { type: 'note.edit', id: 'n1', text: 'Daar' }, FACILITATOR);
    expect(saved.notes.n1).toMatchObject({ text: 'Daar' });
    expect(saved.notes.n1?.conflicts).toBeUndefined();
  });

  it('keeps the other text when its author edits it from a phone, who cannot see it', () => {
    const saved = step(withConflict('n2'), { type: 'note.edit', id: 'n2', text: 'Nog korter' }, PARTICIPANT);
    expect(saved.notes.n2?.conflicts).toEqual([{ rev: 'r', text: 'Daar' }]);
  });
});
