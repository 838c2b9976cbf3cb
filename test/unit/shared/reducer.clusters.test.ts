import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/domain';
import { clusterAnchor } from '../../../shared/geometry/clusters';
import { acceptFrozen, expectRefused, FACILITATOR, PARTICIPANT, PROJECTOR, seededState, step, text } from './fixtures';

/** seededState with cluster c1 holding n1 and n2 (both WIJ). */
const clustered = () =>
  step(seededState(), {
    type: 'cluster.create',
    id: 'c1',
    title: 'Samenwerking',
    noteIds: ['n1', 'n2'],
    x: 430,
    y: 380,
  });

describe('cluster.create', () => {
  it('groups notes under a title in the zone of the first note, gathering notes that lay on each other', () => {
    const outcome = acceptFrozen(seededState(), {
      type: 'cluster.create',
      id: 'c1',
      title: ' Samenwerking ',
      noteIds: ['n1', 'n2'],
      x: 430,
      y: 380,
    });
    const { n1, n2 } = outcome.state.notes;
    if (!n1 || !n2) throw new Error('a note is missing');
    // n1 (400, 450) and n2 (450, 520) covered each other: now side by side, the title on top of them.
    expect(n1.y).toBe(n2.y);
    expect(Math.abs(n1.x - n2.x)).toBeGreaterThanOrEqual(176);
    expect(outcome.state.clusters.c1).toEqual({ id: 'c1', zoneId: 'wij', title: 'Samenwerking', ...clusterAnchor([n1, n2]) });
    expect(outcome.state.notes.n1?.clusterId).toBe('c1');
    expect(outcome.state.notes.n2?.clusterId).toBe('c1');
    expect(outcome.state.notes.n3?.clusterId).toBeNull();
    expect(outcome.changes.map((c) => `${c.key}/${c.id}`)).toEqual(['clusters/c1', 'notes/n1', 'notes/n2']);
    expect(outcome.undoable).toBe(true);
  });

  it('leaves notes that already lie apart where they are, with the title right above them', () => {
    const state = step(seededState(), { type: 'cluster.create', id: 'c1', title: 'T', noteIds: ['n3'] });
    // n3 is alone at (1200, 500) in HET: its box holds nothing else.
    expect(state.notes.n3).toMatchObject({ x: 1200, y: 500 });
    expect(state.clusters.c1).toEqual({ id: 'c1', zoneId: 'het', title: 'T', x: 1200, y: 500 - 62 - 72 });
  });

  it('moves a note from one cluster into a new one', () => {
    const state = step(clustered(), {
      type: 'cluster.create',
      id: 'c2',
      title: 'Ander',
      noteIds: ['n2'],
    });
    expect(state.notes.n2?.clusterId).toBe('c2');
    expect(state.notes.n1?.clusterId).toBe('c1');
  });

  it('refuses a duplicate cluster id', () => {
    expectRefused(
      clustered(),
      { type: 'cluster.create', id: 'c1', title: 'T', noteIds: ['n3'] },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it('refuses an unknown note', () => {
    const outcome = expectRefused(
      seededState(),
      {
        type: 'cluster.create',
        id: 'c1',
        title: 'T',
        noteIds: ['n1', 'ghost'],
      },
      FACILITATOR,
      'not_found',
    );
    expect(outcome.message).toContain('ghost');
  });

  it.each([
    ['no notes', { noteIds: [] }],
    ['missing notes', { noteIds: undefined }],
    ['empty title', { title: '  ' }],
    ['title too long', { title: text(LIMITS.title + 1) }],
    ['title as number', { title: 7 }],
    ['bad cluster id', { id: 'c/1' }],
    ['bad note id', { noteIds: ['n 1'] }],
    ['NaN x', { x: Number.NaN }],
    ['Infinity y', { y: Number.NEGATIVE_INFINITY }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(
      seededState(),
      {
        type: 'cluster.create',
        id: 'c1',
        title: 'T',
        noteIds: ['n1'],
        ...fields,
      },
      FACILITATOR,
      'invalid_payload',
    );
  });

  it('accepts a title of exactly the limit', () => {
    const state = step(seededState(), {
      type: 'cluster.create',
      id: 'c1',
      title: text(LIMITS.title),
      noteIds: ['n1'],
    });
    expect(state.clusters.c1?.title).toHaveLength(LIMITS.title);
  });

  it('refuses participants and the projector', () => {
    const command = {
      type: 'cluster.create',
      id: 'c1',
      title: 'T',
      noteIds: ['n2'],
    };
    expectRefused(seededState(), command, PARTICIPANT, 'forbidden');
    expectRefused(seededState(), command, PROJECTOR, 'forbidden');
  });
});

describe('cluster.rename', () => {
  it('renames a cluster and touches nothing else', () => {
    const state = clustered();
    const outcome = acceptFrozen(state, {
      type: 'cluster.rename',
      id: 'c1',
      title: 'Visie',
    });
    expect(outcome.state.clusters.c1).toEqual({
      ...state.clusters.c1,
      title: 'Visie',
    });
    expect(outcome.changes).toEqual([
      {
        key: 'clusters',
        id: 'c1',
        before: state.clusters.c1,
        after: outcome.state.clusters.c1,
      },
    ]);
    expect(outcome.state.notes).toEqual(state.notes);
  });

  it('refuses an unknown cluster', () => {
    expectRefused(clustered(), { type: 'cluster.rename', id: 'c2', title: 'Visie' }, FACILITATOR, 'not_found');
  });

  it('refuses an empty title', () => {
    expectRefused(clustered(), { type: 'cluster.rename', id: 'c1', title: '' }, FACILITATOR, 'invalid_payload');
  });
});

describe('cluster.move', () => {
  it('moves the cluster and its notes by the same distance', () => {
    const outcome = acceptFrozen(clustered(), {
      type: 'cluster.move',
      id: 'c1',
      x: 530,
      y: 330,
    });
    const before = clustered();
    const was = { c1: before.clusters.c1, n1: before.notes.n1, n2: before.notes.n2 };
    if (!was.c1 || !was.n1 || !was.n2) throw new Error('the cluster is missing');
    const by = { x: 530 - was.c1.x, y: 330 - was.c1.y };
    expect(outcome.state.clusters.c1).toMatchObject({ x: 530, y: 330 });
    expect(outcome.state.notes.n1).toMatchObject({ x: was.n1.x + by.x, y: was.n1.y + by.y });
    expect(outcome.state.notes.n2).toMatchObject({ x: was.n2.x + by.x, y: was.n2.y + by.y });
    expect(outcome.state.notes.n3).toMatchObject({ x: 1200, y: 500 });
    expect(outcome.changes.map((c) => `${c.key}/${c.id}`).sort()).toEqual(['clusters/c1', 'notes/n1', 'notes/n2']);
  });

  it('refuses an unknown cluster', () => {
    expectRefused(clustered(), { type: 'cluster.move', id: 'ghost', x: 1, y: 1 }, FACILITATOR, 'not_found');
  });

  it.each([
    ['NaN', { x: Number.NaN, y: 1 }],
    ['Infinity', { x: 1, y: Number.POSITIVE_INFINITY }],
    ['missing y', { x: 1 }],
    ['string x', { x: '1', y: 1 }],
  ])('refuses %s coordinates', (_label, fields) => {
    expectRefused(clustered(), { type: 'cluster.move', id: 'c1', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('cluster.ungroup', () => {
  it('removes the cluster and frees its notes, keeping the notes', () => {
    const outcome = acceptFrozen(clustered(), {
      type: 'cluster.ungroup',
      id: 'c1',
    });
    expect(outcome.state.clusters).toEqual({});
    expect(outcome.state.notes.n1?.clusterId).toBeNull();
    expect(outcome.state.notes.n2?.clusterId).toBeNull();
    expect(Object.keys(outcome.state.notes)).toHaveLength(4);
    expect(outcome.changes.at(-1)).toMatchObject({
      key: 'clusters',
      id: 'c1',
      after: null,
    });
  });

  it('refuses an unknown cluster', () => {
    expectRefused(seededState(), { type: 'cluster.ungroup', id: 'c1' }, FACILITATOR, 'not_found');
  });

  it('refuses a bad id', () => {
    expectRefused(clustered(), { type: 'cluster.ungroup', id: '' }, FACILITATOR, 'invalid_payload');
  });

  it('refuses participants', () => {
    expectRefused(clustered(), { type: 'cluster.ungroup', id: 'c1' }, PARTICIPANT, 'forbidden');
  });
});
