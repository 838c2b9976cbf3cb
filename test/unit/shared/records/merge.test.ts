import { describe, expect, it } from 'vitest';
import { recordFor } from '../../../../shared/records/index';
import { mergeRecord, type StampedRecord, visibleConflicts } from '../../../../shared/records/merge';
import { makeRevision } from '../../../../shared/records/revision';

const notes = recordFor('session', 'notes');
const votes = recordFor('session', 'votes');
const A = 'daaaaaaa';
const B = 'dbbbbbbb';
const C = 'dccccccc';
const base = makeRevision(100, 0, A);
const note = (text: string, rev: string, vv: Record<string, string>, extra: object = {}): StampedRecord => ({
  key: 'notes',
  id: 'n1',
  value: { id: 'n1', zoneId: 'ik', text, x: 0, y: 0, color: null, authorId: null, authorName: null, clusterId: null, createdAt: 1, ...extra },
  kept: null,
  rev,
  vv,
});
const tombstone = (rev: string, vv: Record<string, string>): StampedRecord => ({ key: 'notes', id: 'n1', value: null, kept: {}, rev, vv });

describe('merging one record', () => {
  const original = note('Eerst', base, { [A]: base });
  const onA = note('Van A', makeRevision(200, 0, A), { [A]: makeRevision(200, 0, A) });
  const onB = note('Van B', makeRevision(300, 0, B), { [A]: base, [B]: makeRevision(300, 0, B) });
  const onC = note('Van C', makeRevision(250, 0, C), { [A]: base, [C]: makeRevision(250, 0, C) });

  it('adds what was not here, and keeps a tombstone of what was deleted elsewhere', () => {
    expect(mergeRecord(notes, undefined, original)).toEqual({ result: original, effect: 'added' });
    const gone = tombstone(makeRevision(150, 0, B), { [A]: base, [B]: makeRevision(150, 0, B) });
    expect(mergeRecord(notes, undefined, gone)).toEqual({ result: gone, effect: 'none' });
    expect(mergeRecord(notes, original, gone)).toEqual({ result: gone, effect: 'deleted' });
  });

  it('takes a copy that has seen ours, and ignores one we have seen', () => {
    expect(mergeRecord(notes, original, onB)).toEqual({ result: onB, effect: 'updated' });
    expect(mergeRecord(notes, onB, original)).toEqual({ result: null, effect: 'none' });
    expect(mergeRecord(notes, onB, onB)).toEqual({ result: null, effect: 'none' });
  });

  it('keeps the newer of two changes that did not see each other, and the other text beside it', () => {
    const merged = mergeRecord(notes, onA, onB);
    expect(merged.effect).toBe('conflict');
    expect(merged.result?.value).toMatchObject({ text: 'Van B', conflicts: [{ rev: onA.rev, text: 'Van A' }] });
    expect(merged.result?.vv).toEqual({ [A]: onA.rev, [B]: onB.rev });
    // The same from the other side.
    expect(mergeRecord(notes, onB, onA).result).toEqual(merged.result);
  });

  it('gives the same record for three crossing changes in every order', () => {
    const orders = [
      [onA, onB, onC],
      [onA, onC, onB],
      [onB, onA, onC],
      [onB, onC, onA],
      [onC, onA, onB],
      [onC, onB, onA],
    ];
    const results = orders.map(([first, ...rest]) => rest.reduce((local, incoming) => mergeRecord(notes, local, incoming as StampedRecord).result ?? local, first as StampedRecord));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(visibleConflicts(results[0], 'text').map((entry) => entry.text)).toEqual(['Van C', 'Van A']);
  });

  it('keeps a crossing edit’s text in a tombstone, so a later copy shows it whatever the order', () => {
    const deleted = tombstone(makeRevision(280, 0, B), { [A]: base, [B]: makeRevision(280, 0, B) });
    const moved = note('Eerst', makeRevision(400, 0, C), { [A]: base, [C]: makeRevision(400, 0, C) });
    const first = mergeRecord(notes, mergeRecord(notes, onA, deleted).result ?? onA, moved).result;
    const second = mergeRecord(notes, mergeRecord(notes, onA, moved).result ?? onA, deleted).result;
    expect(first).toEqual(second);
    expect(visibleConflicts(first ?? undefined, 'text').map((entry) => entry.text)).toEqual(['Van A']);
  });

  it('lets the newer of a deletion and a crossing vote win, without conflicts for records without text', () => {
    const vote = { key: 'votes', id: 'v1', value: { id: 'v1', attentionPointId: 'a1', participantId: 'p1' }, kept: null, rev: makeRevision(200, 0, A), vv: { [A]: makeRevision(200, 0, A) } };
    const gone = { ...vote, value: null, kept: {}, rev: makeRevision(300, 0, B), vv: { [B]: makeRevision(300, 0, B) } };
    expect(mergeRecord(votes, vote, gone)).toMatchObject({ result: { value: null }, effect: 'deleted' });
    expect(mergeRecord(votes, gone, vote)).toMatchObject({ result: { value: null }, effect: 'none' });
  });
});
