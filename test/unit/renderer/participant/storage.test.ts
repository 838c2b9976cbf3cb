import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../../../renderer/src/participant/join-api';
import { forgetJoin, memoryStore, readJoin, readQueue, writeJoin, writeQueue } from '../../../../renderer/src/participant/storage';

const JOIN = { token: 't'.repeat(48), participantId: 'p-1', sessionId: 's1', code: 'ABC234' };

describe('what the phone keeps', () => {
  it('keeps the join and the queue across a reload, and forgets both together', () => {
    const store = memoryStore();
    writeJoin(store, JOIN);
    writeQueue(store, 'p-1', [{ id: 'c1', stream: 's1', command: { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Hoi' } }]);
    expect(readJoin(store)).toEqual(JOIN);
    expect(readQueue(store, 'p-1')).toHaveLength(1);
    forgetJoin(store);
    expect(readJoin(store)).toBeNull();
    expect(readQueue(store, 'p-1')).toEqual([]);
  });

  it('never sends another participant’s queue', () => {
    const store = memoryStore();
    writeQueue(store, 'p-1', [{ id: 'c1', stream: 's1', command: { type: 'note.add' } }]);
    expect(readQueue(store, 'p-2')).toEqual([]);
  });

  it('survives damaged or foreign contents', () => {
    const store = memoryStore();
    store.setItem('eiland.participant.join', '{not json');
    store.setItem('eiland.participant.queue', JSON.stringify({ participantId: 'p-1', items: [{ id: 1 }, null, { id: 'c2', stream: 's1', command: { type: 'vote.cast' } }] }));
    expect(readJoin(store)).toBeNull();
    expect(readQueue(store, 'p-1').map((item) => item.id)).toEqual(['c2']);
    store.setItem('eiland.participant.join', JSON.stringify({ ...JOIN, token: 42 }));
    expect(readJoin(store)).toBeNull();
  });

  it('does not break when the storage is full', () => {
    const full = { ...memoryStore(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writeQueue(full, 'p-1', [])).toBe(false);
    expect(() => writeJoin(full, JOIN)).not.toThrow();
  });
});

describe('normaliseCode', () => {
  it('accepts what people type off a beamer', () => {
    expect(normaliseCode(' abc 234 ')).toBe('ABC234');
    expect(normaliseCode('abc-234')).toBe('ABC234');
    expect(normaliseCode('')).toBe('');
  });
});
