import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { archiveColumns, defineRecord, fromColumns, migrateStored, toColumns } from '../../../../shared/records/define';
import { ARCHIVED_RECORDS, emptySessionCollections, SESSION_COLLECTION_KEYS, SESSION_RECORDS, WORKSPACE_RECORDS } from '../../../../shared/records/index';

describe('record declarations', () => {
  it('give the key lists and the empty collections, so nothing lists them by hand', () => {
    expect(SESSION_COLLECTION_KEYS).toEqual(['notes', 'clusters', 'attentionPoints', 'ingredients', 'otherPoints', 'observations', 'votes', 'participants', 'reviews', 'reactions']);
    expect(Object.keys(emptySessionCollections())).toEqual(SESSION_COLLECTION_KEYS);
    expect(ARCHIVED_RECORDS.map((record) => record.key)).not.toContain('meta');
    const keys = [...WORKSPACE_RECORDS, ...SESSION_RECORDS].map((record) => record.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('derive archive columns from the schema, and a value survives them unchanged', () => {
    const record = defineRecord({
      key: 'examples',
      scope: 'session',
      singleton: false,
      table: 'example',
      version: 1,
      migrations: [],
      schema: z.object({ id: z.string(), someText: z.string(), count: z.number().int(), share: z.number(), done: z.boolean(), maybe: z.string().nullable(), later: z.boolean().optional(), list: z.array(z.string()) }),
    });
    const columns = archiveColumns(record);
    expect(columns.map((c) => `${c.column}:${c.kind}`)).toEqual(['id:text', 'some_text:text', 'count:integer', 'share:real', 'done:boolean', 'maybe:text', 'later:boolean', 'list:json']);
    const value = { id: 'e1', someText: 'ë ✓', count: 3, share: 0.5, done: false, maybe: null, list: ['a', 'b'] };
    const row = Object.fromEntries(columns.map((column, index) => [column.column, toColumns(columns, value)[index]]));
    expect(row).toMatchObject({ done: 0, list: '["a","b"]', later: null });
    expect(fromColumns(columns, row)).toEqual(value);
  });

  it('refuse a field that is both optional and nullable, which a column could not tell apart', () => {
    expect(() =>
      defineRecord({ key: 'bad', scope: 'session', singleton: false, table: 'bad', version: 1, migrations: [], schema: z.object({ id: z.string(), x: z.string().nullable().optional() }) }),
    ).toThrow(/both optional and nullable/);
  });

  it('need one migration per earlier version, and run them in order', () => {
    expect(() => defineRecord({ key: 'bad', scope: 'session', singleton: true, table: null, version: 2, migrations: [], schema: z.object({}) })).toThrow(/needs 1 migrations/);
    const settings = SESSION_RECORDS.find((record) => record.key === 'settings');
    if (!settings) throw new Error('settings are a record');
    const old = { dotsPerParticipant: 3, maxDotsPerItem: null, anonymous: true, hideNotesUntilReveal: false };
    expect(migrateStored(settings, old, 1)).toEqual({ ...old, moderation: false });
    expect(settings.schema.safeParse(migrateStored(settings, old, 1)).success).toBe(true);
  });

  it('give other points stored before their order an order of 0', () => {
    const other = SESSION_RECORDS.find((record) => record.key === 'otherPoints');
    if (!other) throw new Error('other points are a record');
    const old = { id: 'o1', zoneId: 'het', text: 'Weten wie waar wat doet', conflicts: [] };
    expect(migrateStored(other, old, 1)).toEqual({ ...old, order: 0 });
    expect(other.schema.safeParse(migrateStored(other, old, 1)).success).toBe(true);
  });
});
