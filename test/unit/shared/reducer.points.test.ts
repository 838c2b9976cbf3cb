import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/domain';
import { acceptFrozen, expectRefused, FACILITATOR, OTHER, PARTICIPANT, PROJECTOR, seededState, step, text, votingState } from './fixtures';

describe('attention.add', () => {
  it('adds a point to a side, ordered after its siblings', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'attention.add',
      id: 'a9',
      zoneId: 'wij',
      title: ' Cultuur ',
    });
    expect(outcome.state.attentionPoints.a9).toEqual({
      id: 'a9',
      zoneId: 'wij',
      title: 'Cultuur',
      order: 3,
      chosen: false,
      themeKey: null,
    });
    expect(outcome.changes).toEqual([
      {
        key: 'attentionPoints',
        id: 'a9',
        before: null,
        after: outcome.state.attentionPoints.a9,
      },
    ]);
  });

  it('numbers whole-session points separately from side points', () => {
    const state = seededState();
    expect(state.attentionPoints.a1?.order).toBe(1);
    expect(state.attentionPoints.a2?.order).toBe(2);
    expect(state.attentionPoints.a3?.order).toBe(1);
    expect(step(state, { type: 'attention.add', id: 'a9', zoneId: null, title: 'X' }).attentionPoints.a9?.order).toBe(2);
    expect(
      step(state, {
        type: 'attention.add',
        id: 'a9',
        zoneId: 'het',
        title: 'X',
      }).attentionPoints.a9?.order,
    ).toBe(1);
  });

  it('orders after the highest existing order, not the count', () => {
    const state = step(seededState(), {
      type: 'attention.edit',
      id: 'a2',
      order: 10,
    });
    expect(
      step(state, {
        type: 'attention.add',
        id: 'a9',
        zoneId: 'wij',
        title: 'X',
      }).attentionPoints.a9?.order,
    ).toBe(11);
  });

  it('keeps a carried-over theme key', () => {
    const state = step(seededState(), {
      type: 'attention.add',
      id: 'a9',
      zoneId: null,
      title: 'X',
      themeKey: 'visie',
    });
    expect(state.attentionPoints.a9?.themeKey).toBe('visie');
  });

  it('takes the title from a note', () => {
    expect(
      step(seededState(), {
        type: 'attention.add',
        id: 'a9',
        zoneId: 'het',
        fromNoteId: 'n3',
      }).attentionPoints.a9?.title,
    ).toBe('Monitoring ontbreekt');
  });

  it('cuts a long note to the title limit', () => {
    const long = text(LIMITS.noteText, 'y');
    let state = step(seededState(), {
      type: 'note.add',
      id: 'n9',
      zoneId: 'het',
      text: long,
    });
    state = step(state, {
      type: 'attention.add',
      id: 'a9',
      zoneId: 'het',
      fromNoteId: 'n9',
    });
    expect(state.attentionPoints.a9?.title).toBe(text(LIMITS.title, 'y'));
  });

  it('takes the title from a cluster, before a note', () => {
    let state = step(seededState(), {
      type: 'cluster.create',
      id: 'c1',
      title: 'Samenwerking',
      noteIds: ['n1'],
    });
    state = step(state, {
      type: 'attention.add',
      id: 'a9',
      zoneId: 'wij',
      fromClusterId: 'c1',
      fromNoteId: 'n1',
    });
    expect(state.attentionPoints.a9?.title).toBe('Samenwerking');
  });

  it('prefers a typed title over the source', () => {
    const state = step(seededState(), {
      type: 'attention.add',
      id: 'a9',
      zoneId: 'het',
      title: 'Eigen',
      fromNoteId: 'n3',
    });
    expect(state.attentionPoints.a9?.title).toBe('Eigen');
  });

  it('refuses a point without title or source', () => {
    expectRefused(seededState(), { type: 'attention.add', id: 'a9', zoneId: null }, FACILITATOR, 'rule_violation', 'empty_cluster');
  });

  it('refuses an unknown source note or cluster', () => {
    expectRefused(seededState(), { type: 'attention.add', id: 'a9', zoneId: null, fromNoteId: 'ghost' }, FACILITATOR, 'not_found');
    expectRefused(seededState(), { type: 'attention.add', id: 'a9', zoneId: null, fromClusterId: 'ghost' }, FACILITATOR, 'not_found');
  });

  it('refuses an unknown zone', () => {
    expectRefused(
      seededState(),
      { type: 'attention.add', id: 'a9', zoneId: 'zij', title: 'X' },
      FACILITATOR,
      'rule_violation',
      'unknown_zone',
    );
  });

  it('refuses a duplicate id', () => {
    expectRefused(
      seededState(),
      { type: 'attention.add', id: 'a1', zoneId: null, title: 'X' },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it.each([
    ['missing zoneId', { zoneId: undefined }],
    ['title too long', { title: text(LIMITS.title + 1) }],
    ['empty title', { title: ' ' }],
    ['theme key too long', { themeKey: text(LIMITS.shortText + 1) }],
    ['bad id', { id: 'a 9' }],
    ['bad source note id', { fromNoteId: '' }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'attention.add', id: 'a9', zoneId: null, title: 'X', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants', () => {
    expectRefused(seededState(), { type: 'attention.add', id: 'a9', zoneId: null, title: 'X' }, PARTICIPANT, 'forbidden');
  });
});

describe('attention.edit', () => {
  it('changes only the given fields', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'attention.edit',
      id: 'a1',
      chosen: true,
    });
    expect(outcome.state.attentionPoints.a1).toEqual({
      ...seededState().attentionPoints.a1,
      chosen: true,
    });
    const renamed = step(outcome.state, {
      type: 'attention.edit',
      id: 'a1',
      title: 'Nieuw',
      order: 0,
    });
    expect(renamed.attentionPoints.a1).toMatchObject({
      title: 'Nieuw',
      order: 0,
      chosen: true,
    });
  });

  it('can unchoose a point', () => {
    const state = step(seededState(), {
      type: 'attention.edit',
      id: 'a1',
      chosen: true,
    });
    expect(step(state, { type: 'attention.edit', id: 'a1', chosen: false }).attentionPoints.a1?.chosen).toBe(false);
  });

  it('refuses an unknown point', () => {
    expectRefused(seededState(), { type: 'attention.edit', id: 'ghost', chosen: true }, FACILITATOR, 'not_found');
  });

  it.each([
    ['negative order', { order: -1 }],
    ['fractional order', { order: 1.5 }],
    ['order too large', { order: 10001 }],
    ['chosen as string', { chosen: 'yes' }],
    ['empty title', { title: '' }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'attention.edit', id: 'a1', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('attention.link', () => {
  it('links a point to a theme and unlinks it again', () => {
    const outcome = acceptFrozen(seededState(), { type: 'attention.link', id: 'a1', themeKey: ' visie ' });
    expect(outcome.state.attentionPoints.a1).toEqual({ ...seededState().attentionPoints.a1, themeKey: 'visie' });
    expect(outcome.undoable).toBe(true);
    expect(step(outcome.state, { type: 'attention.link', id: 'a1', themeKey: null }).attentionPoints.a1?.themeKey).toBeNull();
  });

  it('refuses an unknown point', () => {
    expectRefused(seededState(), { type: 'attention.link', id: 'ghost', themeKey: 'visie' }, FACILITATOR, 'not_found');
  });

  it.each([
    ['empty theme', { themeKey: '' }],
    ['blank theme', { themeKey: '   ' }],
    ['theme too long', { themeKey: text(LIMITS.shortText + 1) }],
    ['missing theme', { themeKey: undefined }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'attention.link', id: 'a1', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants', () => {
    expectRefused(seededState(), { type: 'attention.link', id: 'a1', themeKey: 'visie' }, PARTICIPANT, 'forbidden');
  });
});

describe('attention.delete', () => {
  it('deletes the point with its ingredients and dots, but nothing else', () => {
    let state = step(votingState(), { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
    state = step(state, { type: 'vote.cast', id: 'v2', attentionPointId: 'a2' }, PARTICIPANT);
    state = step(state, {
      type: 'ingredient.add',
      id: 'i2',
      attentionPointId: 'a2',
      text: 'Y',
    });
    const outcome = acceptFrozen(state, { type: 'attention.delete', id: 'a1' });
    expect(Object.keys(outcome.state.attentionPoints).sort()).toEqual(['a2', 'a3']);
    expect(Object.keys(outcome.state.ingredients)).toEqual(['i2']);
    expect(Object.keys(outcome.state.votes)).toEqual(['v2']);
    expect(outcome.changes.map((c) => `${c.key}/${c.id}`)).toEqual(['ingredients/i1', 'votes/v1', 'attentionPoints/a1']);
    expect(outcome.changes.every((c) => c.after === null)).toBe(true);
    expect(outcome.undoable).toBe(true);
  });

  it('refuses an unknown point', () => {
    expectRefused(seededState(), { type: 'attention.delete', id: 'ghost' }, FACILITATOR, 'not_found');
  });

  it('refuses participants', () => {
    expectRefused(seededState(), { type: 'attention.delete', id: 'a1' }, PARTICIPANT, 'forbidden');
  });
});

describe('ingredient.add', () => {
  it('adds an ingredient numbered per point', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'ingredient.add',
      id: 'i2',
      attentionPointId: 'a1',
      text: 'Actie',
    });
    expect(outcome.state.ingredients.i2).toEqual({
      id: 'i2',
      attentionPointId: 'a1',
      text: 'Actie',
      order: 2,
    });
    const other = step(seededState(), {
      type: 'ingredient.add',
      id: 'i2',
      attentionPointId: 'a2',
      text: 'Actie',
    });
    expect(other.ingredients.i2?.order).toBe(1);
  });

  it('lets participants add ingredients', () => {
    expect(
      acceptFrozen(seededState(), { type: 'ingredient.add', id: 'i2', attentionPointId: 'a3', text: 'X' }, OTHER).state.ingredients.i2,
    ).toBeDefined();
  });

  it('refuses an unknown point', () => {
    expectRefused(
      seededState(),
      {
        type: 'ingredient.add',
        id: 'i2',
        attentionPointId: 'ghost',
        text: 'X',
      },
      PARTICIPANT,
      'not_found',
    );
  });

  it('refuses an inherited object key as point id', () => {
    expectRefused(
      seededState(),
      {
        type: 'ingredient.add',
        id: 'i2',
        attentionPointId: 'toString',
        text: 'X',
      },
      PARTICIPANT,
      'invalid_payload',
    );
  });

  it('refuses a duplicate id', () => {
    expectRefused(
      seededState(),
      { type: 'ingredient.add', id: 'i1', attentionPointId: 'a1', text: 'X' },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it.each([
    ['text too long', { text: text(LIMITS.noteText + 1) }],
    ['empty text', { text: '' }],
    ['missing point', { attentionPointId: undefined }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(
      seededState(),
      {
        type: 'ingredient.add',
        id: 'i2',
        attentionPointId: 'a1',
        text: 'X',
        ...fields,
      },
      FACILITATOR,
      'invalid_payload',
    );
  });

  it('refuses the projector', () => {
    expectRefused(seededState(), { type: 'ingredient.add', id: 'i2', attentionPointId: 'a1', text: 'X' }, PROJECTOR, 'forbidden');
  });
});

describe('ingredient.edit and ingredient.delete', () => {
  it('edits the text and keeps the order', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'ingredient.edit',
      id: 'i1',
      text: 'Anders',
    });
    expect(outcome.state.ingredients.i1).toEqual({
      id: 'i1',
      attentionPointId: 'a1',
      text: 'Anders',
      order: 1,
    });
  });

  it('deletes an ingredient', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'ingredient.delete',
      id: 'i1',
    });
    expect(outcome.state.ingredients).toEqual({});
    expect(outcome.changes).toEqual([
      {
        key: 'ingredients',
        id: 'i1',
        before: seededState().ingredients.i1,
        after: null,
      },
    ]);
  });

  it('refuses unknown ingredients', () => {
    expectRefused(seededState(), { type: 'ingredient.edit', id: 'ghost', text: 'X' }, FACILITATOR, 'not_found');
    expectRefused(seededState(), { type: 'ingredient.delete', id: 'ghost' }, FACILITATOR, 'not_found');
  });

  it('refuses an oversized edit', () => {
    expectRefused(seededState(), { type: 'ingredient.edit', id: 'i1', text: text(LIMITS.noteText + 1) }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants', () => {
    expectRefused(seededState(), { type: 'ingredient.edit', id: 'i1', text: 'X' }, PARTICIPANT, 'forbidden');
    expectRefused(seededState(), { type: 'ingredient.delete', id: 'i1' }, PARTICIPANT, 'forbidden');
  });
});

describe('other.add and other.delete', () => {
  it('adds an other point to a side or the whole session', () => {
    const outcome = acceptFrozen(seededState(), { type: 'other.add', id: 'o2', zoneId: null, text: 'Ook gezegd' }, PARTICIPANT);
    expect(outcome.state.otherPoints.o2).toEqual({
      id: 'o2',
      zoneId: null,
      text: 'Ook gezegd',
      order: 1,
    });
    expect(seededState().otherPoints.o1).toEqual({
      id: 'o1',
      zoneId: 'het',
      text: 'Meer tijd voor reflectie',
      order: 1,
    });
  });

  it('numbers other points per side in the order they are entered, whatever their ids', () => {
    const second = acceptFrozen(seededState(), { type: 'other.add', id: 'a0', zoneId: 'het', text: 'Later gezegd' }, PARTICIPANT);
    expect(second.state.otherPoints.a0?.order).toBe(2);
    const third = acceptFrozen(second.state, { type: 'other.add', id: '00', zoneId: 'het', text: 'Nog later' }, PARTICIPANT);
    expect(third.state.otherPoints['00']?.order).toBe(3);
  });

  it('refuses an unknown zone and a duplicate id', () => {
    expectRefused(
      seededState(),
      { type: 'other.add', id: 'o2', zoneId: 'nowhere', text: 'X' },
      FACILITATOR,
      'rule_violation',
      'unknown_zone',
    );
    expectRefused(seededState(), { type: 'other.add', id: 'o1', zoneId: null, text: 'X' }, FACILITATOR, 'rule_violation', 'duplicate_id');
  });

  it.each([
    ['text too long', { text: text(LIMITS.noteText + 1) }],
    ['missing zone', { zoneId: undefined }],
    ['text as object', { text: { a: 1 } }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(seededState(), { type: 'other.add', id: 'o2', zoneId: null, text: 'X', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('deletes an other point, facilitator only', () => {
    expect(acceptFrozen(seededState(), { type: 'other.delete', id: 'o1' }).state.otherPoints).toEqual({});
    expectRefused(seededState(), { type: 'other.delete', id: 'o1' }, PARTICIPANT, 'forbidden');
    expectRefused(seededState(), { type: 'other.delete', id: 'o2' }, FACILITATOR, 'not_found');
  });
});

describe('observation.set', () => {
  it('sets and replaces the observation of a side, keyed by the zone', () => {
    const first = acceptFrozen(seededState(), {
      type: 'observation.set',
      zoneId: 'wij',
      text: 'Goede sfeer',
    });
    expect(first.state.observations).toEqual({
      wij: { id: 'wij', text: 'Goede sfeer' },
    });
    const second = acceptFrozen(first.state, {
      type: 'observation.set',
      zoneId: 'wij',
      text: '',
    });
    expect(second.state.observations.wij?.text).toBe('');
    expect(second.changes[0]?.before).toEqual({
      id: 'wij',
      text: 'Goede sfeer',
    });
  });

  it('accepts long text up to the limit and refuses more', () => {
    expect(
      step(seededState(), {
        type: 'observation.set',
        zoneId: 'het',
        text: text(LIMITS.longText),
      }).observations.het?.text,
    ).toHaveLength(LIMITS.longText);
    expectRefused(
      seededState(),
      {
        type: 'observation.set',
        zoneId: 'het',
        text: text(LIMITS.longText + 1),
      },
      FACILITATOR,
      'invalid_payload',
    );
  });

  it('refuses an unknown zone', () => {
    expectRefused(seededState(), { type: 'observation.set', zoneId: 'zij', text: 'X' }, FACILITATOR, 'rule_violation', 'unknown_zone');
  });

  it('refuses participants', () => {
    expectRefused(seededState(), { type: 'observation.set', zoneId: 'wij', text: 'X' }, PARTICIPANT, 'forbidden');
  });
});
