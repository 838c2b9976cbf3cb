import { describe, expect, it } from 'vitest';
import { applyChanges, applyChangesInPlace, type Change, currentValue, entitiesWhere, entityCount, entityValues, invertChanges, keepEntityMaps, sameJson, Transaction } from '../../../shared/changes';
import { deepFreeze } from './fixtures';

interface Item {
  id: string;
  label: string;
}
interface TestState {
  items: Record<string, Item>;
  others: Record<string, Item>;
  config: { mode: string };
}

const base = (): TestState => ({
  items: { a: { id: 'a', label: 'A' }, b: { id: 'b', label: 'B' } },
  others: { x: { id: 'x', label: 'X' } },
  config: { mode: 'one' },
});

describe('applyChanges', () => {
  it('returns the very same state for no changes', () => {
    const state = base();
    expect(applyChanges(state, [])).toBe(state);
  });

  it('adds, replaces and deletes entities without touching the input', () => {
    const state = deepFreeze(base());
    const next = applyChanges(state, [
      { key: 'items', id: 'c', before: null, after: { id: 'c', label: 'C' } },
      {
        key: 'items',
        id: 'a',
        before: { id: 'a', label: 'A' },
        after: { id: 'a', label: 'A2' },
      },
      { key: 'items', id: 'b', before: { id: 'b', label: 'B' }, after: null },
    ]);
    expect(next.items).toEqual({
      a: { id: 'a', label: 'A2' },
      c: { id: 'c', label: 'C' },
    });
    expect(Object.keys(next.items)).not.toContain('b');
    expect(state).toEqual(base());
  });

  it('replaces a singleton', () => {
    const state = deepFreeze(base());
    const next = applyChanges(state, [
      {
        key: 'config',
        id: null,
        before: { mode: 'one' },
        after: { mode: 'two' },
      },
    ]);
    expect(next.config).toEqual({ mode: 'two' });
    expect(state.config).toEqual({ mode: 'one' });
  });

  it('shares untouched collections and copies touched ones', () => {
    const state = base();
    const next = applyChanges(state, [
      {
        key: 'items',
        id: 'a',
        before: state.items.a,
        after: { id: 'a', label: 'Z' },
      },
    ]);
    expect(next).not.toBe(state);
    expect(next.others).toBe(state.others);
    expect(next.items).not.toBe(state.items);
    expect(next.items.b).toBe(state.items.b);
  });

  it('applies several changes to one entity in order', () => {
    const next = applyChanges(base(), [
      { key: 'items', id: 'a', before: null, after: { id: 'a', label: '1' } },
      { key: 'items', id: 'a', before: null, after: { id: 'a', label: '2' } },
    ]);
    expect(next.items.a?.label).toBe('2');
  });

  it('deleting a missing entity is harmless', () => {
    const next = applyChanges(base(), [{ key: 'items', id: 'zz', before: null, after: null }]);
    expect(next.items).toEqual(base().items);
  });
});

describe('invertChanges', () => {
  it('swaps before and after and reverses the order', () => {
    const changes: Change[] = [
      { key: 'items', id: 'a', before: null, after: { id: 'a', label: '1' } },
      {
        key: 'config',
        id: null,
        before: { mode: 'one' },
        after: { mode: 'two' },
      },
    ];
    expect(invertChanges(changes)).toEqual([
      {
        key: 'config',
        id: null,
        before: { mode: 'two' },
        after: { mode: 'one' },
      },
      { key: 'items', id: 'a', before: { id: 'a', label: '1' }, after: null },
    ]);
  });

  it('does not modify its input', () => {
    const changes = deepFreeze([{ key: 'items', id: 'a', before: 1, after: 2 }] as Change[]);
    invertChanges(changes);
    expect(changes[0]).toEqual({ key: 'items', id: 'a', before: 1, after: 2 });
  });

  it('applied after the changes restores the state exactly', () => {
    const state = base();
    const tx = new Transaction(state);
    tx.put('items', { id: 'c', label: 'C' });
    tx.put('items', { id: 'a', label: 'A!' });
    tx.remove('items', 'b');
    tx.set('config', { mode: 'three' });
    const after = applyChanges(state, tx.changes);
    expect(after).toEqual(tx.state);
    expect(applyChanges(after, invertChanges(tx.changes))).toEqual(base());
  });

  it('inverting twice gives the original changes', () => {
    const changes: Change[] = [
      { key: 'items', id: 'a', before: 1, after: 2 },
      { key: 'items', id: 'b', before: null, after: 3 },
    ];
    expect(invertChanges(invertChanges(changes))).toEqual(changes);
  });
});

describe('sameJson', () => {
  it.each([
    [1, 1],
    ['a', 'a'],
    [null, null],
    [true, true],
    [
      { a: 1, b: [1, 2, { c: 'd' }] },
      { b: [1, 2, { c: 'd' }], a: 1 },
    ],
    [[], []],
    [{}, {}],
  ])('treats %j and %j as equal', (a, b) => {
    expect(sameJson(a, b)).toBe(true);
  });

  it.each([
    [1, 2],
    [1, '1'],
    [null, {}],
    [{}, null],
    [null, 0],
    [[], {}],
    [{}, []],
    [
      [1, 2],
      [2, 1],
    ],
    [[1], [1, 1]],
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { a: 1, b: 2 }],
    [{ a: { b: 1 } }, { a: { b: '1' } }],
    [{ a: null }, { a: {} }],
  ])('treats %j and %j as different', (a, b) => {
    expect(sameJson(a, b)).toBe(false);
  });

  it('does not match objects with the same number of keys but different key names', () => {
    expect(sameJson({ a: undefined, b: 1 }, { b: 1, c: 2 })).toBe(false);
    expect(sameJson({ b: 1, c: 2 }, { a: undefined, b: 1 })).toBe(false);
    expect(sameJson({ x: 1 }, { y: 1 })).toBe(false);
  });
});

describe('currentValue', () => {
  const state = base();
  it('reads an entity, a missing entity as null, and a singleton', () => {
    expect(currentValue(state, { key: 'items', id: 'a', before: null, after: null })).toBe(state.items.a);
    expect(
      currentValue(state, {
        key: 'items',
        id: 'nope',
        before: null,
        after: null,
      }),
    ).toBeNull();
    expect(
      currentValue(state, {
        key: 'config',
        id: null,
        before: null,
        after: null,
      }),
    ).toBe(state.config);
  });
});

describe('Transaction', () => {
  it('records put, remove and set with their before values', () => {
    const state = deepFreeze(base());
    const tx = new Transaction(state);
    tx.put('items', { id: 'a', label: 'A2' });
    tx.put('items', { id: 'n', label: 'N' });
    tx.remove('items', 'b');
    tx.set('config', { mode: 'two' });
    expect(tx.changes).toEqual([
      {
        key: 'items',
        id: 'a',
        before: { id: 'a', label: 'A' },
        after: { id: 'a', label: 'A2' },
      },
      { key: 'items', id: 'n', before: null, after: { id: 'n', label: 'N' } },
      { key: 'items', id: 'b', before: { id: 'b', label: 'B' }, after: null },
      {
        key: 'config',
        id: null,
        before: { mode: 'one' },
        after: { mode: 'two' },
      },
    ]);
    expect(tx.state.items).toEqual({
      a: { id: 'a', label: 'A2' },
      n: { id: 'n', label: 'N' },
    });
    expect(tx.state.config).toEqual({ mode: 'two' });
    expect(state).toEqual(base());
  });

  it('lets later steps read earlier writes, and records the intermediate value as before', () => {
    const tx = new Transaction(base());
    tx.put('items', { id: 'a', label: 'one' });
    expect(tx.state.items.a?.label).toBe('one');
    tx.put('items', { id: 'a', label: 'two' });
    expect(tx.changes[1]?.before).toEqual({ id: 'a', label: 'one' });
  });

  it('records nothing when removing an entity that does not exist', () => {
    const state = base();
    const tx = new Transaction(state);
    tx.remove('items', 'ghost');
    expect(tx.changes).toEqual([]);
    expect(tx.state).toBe(state);
  });

  it('starts empty with the given state', () => {
    const state = base();
    const tx = new Transaction(state);
    expect(tx.state).toBe(state);
    expect(tx.changes).toEqual([]);
  });
});

describe('entitiesWhere', () => {
  type Dot = { id: string; participantId: string };
  const ids = (found: Dot[]) => found.map((dot) => dot.id).sort();

  it('keeps its grouping in step with every in-place write: commands, rollback, replayed changes', () => {
    const state: { votes: Record<string, Dot> } = { votes: { v1: { id: 'v1', participantId: 'p1' }, v2: { id: 'v2', participantId: 'p2' } } };
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v1']);
    const tx = new Transaction(state, true);
    tx.put('votes', { id: 'v3', participantId: 'p1' });
    tx.remove('votes', 'v1');
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v3']);
    tx.rollback();
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v1']);
    // A dot that changes hands (an undo writing an older value) moves between groups.
    applyChangesInPlace(state, [{ key: 'votes', id: 'v2', before: state.votes.v2, after: { id: 'v2', participantId: 'p1' } }]);
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v1', 'v2']);
    expect(entitiesWhere(state.votes, 'participantId', 'p2')).toEqual([]);
    expect(entitiesWhere(state.votes, 'participantId', 'p9')).toEqual([]);
  });

  it('starts afresh on a copied collection and leaves the original as it was', () => {
    const state = deepFreeze({ votes: { v1: { id: 'v1', participantId: 'p1' } } as Record<string, Dot> });
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v1']);
    const next = applyChanges(state, [{ key: 'votes', id: 'v2', before: null, after: { id: 'v2', participantId: 'p1' } }]);
    expect(ids(entitiesWhere(next.votes, 'participantId', 'p1'))).toEqual(['v1', 'v2']);
    expect(ids(entitiesWhere(state.votes, 'participantId', 'p1'))).toEqual(['v1']);
  });
});

describe('keepEntityMaps', () => {
  type Item = { id: string; label: string };
  const read = (collection: Record<string, Item>) => [...entityValues(collection)];

  it('keeps a kept collection read the same as the object, entries and order, through every in-place write', () => {
    const state: { items: Record<string, Item> } = { items: { a: { id: 'a', label: 'A' }, b: { id: 'b', label: 'B' } } };
    keepEntityMaps(state, ['items']);
    const tx = new Transaction(state, true);
    tx.put('items', { id: 'c', label: 'C' });
    tx.put('items', { id: 'a', label: 'A2' });
    tx.remove('items', 'b');
    expect(read(state.items)).toEqual(Object.values(state.items));
    expect(read(state.items)).toEqual([{ id: 'a', label: 'A2' }, { id: 'c', label: 'C' }]);
    expect(entityCount(state.items)).toBe(2);
    tx.rollback();
    expect(read(state.items)).toEqual([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]);
    // Removed and written again: it goes to the end, as in the object's own order.
    applyChangesInPlace(state, [
      { key: 'items', id: 'a', before: state.items.a, after: null },
      { key: 'items', id: 'a', before: null, after: { id: 'a', label: 'A3' } },
    ]);
    expect(read(state.items)).toEqual(Object.values(state.items));
    expect(read(state.items).map((item) => item.id)).toEqual(['b', 'a']);
    expect(entityCount(state.items)).toBe(2);
  });

  it('reads a collection nobody keeps, and a copy of a kept one, from the object itself', () => {
    const state = deepFreeze({ items: { a: { id: 'a', label: 'A' } } as Record<string, Item> });
    keepEntityMaps(state, ['items']);
    const next = applyChanges(state, [{ key: 'items', id: 'b', before: null, after: { id: 'b', label: 'B' } }]);
    expect(read(next.items).map((item) => item.id)).toEqual(['a', 'b']);
    expect(entityCount(next.items)).toBe(2);
    expect(read(state.items).map((item) => item.id)).toEqual(['a']);
    expect(entityCount({ x: { id: 'x', label: 'X' } })).toBe(1);
  });
});
