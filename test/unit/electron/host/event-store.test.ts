import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore } from '../../../../electron/host/db/event-store';
import { migrate } from '../../../../electron/host/db/migrations';
import { openDatabase } from '../../../../electron/host/db/open';
import { Engine } from '../../../../electron/host/engine';
import { deviceOf, isRevision } from '../../../../shared/records/revision';
import { listener, send } from './export/temp-engine';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the event store keeps revisions', () => {
  it('migration 4 stamps the rows of an older database, and old shapes are brought forward as they are read', () => {
    const path = join(tempDir(), 'old.sqlite');
    const db = new Database(path);
    migrate(db, 3);
    db.prepare("INSERT INTO streams (id, kind, seq) VALUES ('workspace', 'workspace', 1), ('s1', 'session', 3)").run();
    const meta = { id: 's1', programmeId: null, title: 'Oud', group: 'Team', date: '2024-01-01', facilitator: '', createdAt: 1, updatedAt: 1, archived: false };
    db.prepare("INSERT INTO entities (stream, key, id, data) VALUES ('workspace', 'sessions', 's1', ?)").run(JSON.stringify(meta));
    // A version-1 settings row: written before moderation existed.
    db.prepare("INSERT INTO entities (stream, key, id, data) VALUES ('s1', 'settings', '', ?)").run(JSON.stringify({ dotsPerParticipant: 3, maxDotsPerItem: null, anonymous: true, hideNotesUntilReveal: false }));
    expect(migrate(db, 4, 1_700_000_000_000)).toEqual([4]);
    const device = (db.prepare('SELECT id FROM device').get() as { id: string }).id;
    const rows = db.prepare('SELECT rev, vv, deleted, v FROM entities').all() as { rev: string; vv: string; deleted: number; v: number }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(isRevision(row.rev) && deviceOf(row.rev) === device).toBe(true);
      expect(JSON.parse(row.vv)).toEqual({ [device]: row.rev });
      expect(row).toMatchObject({ deleted: 0, v: 1 });
    }
    const engine = new Engine(new EventStore(db));
    expect(engine.session('s1')?.settings).toEqual({ dotsPerParticipant: 3, maxDotsPerItem: null, anonymous: true, hideNotesUntilReveal: false, moderation: false });
    db.close();
  });

  it('stamps each change with this device’s clock, advances the version vector and leaves tombstones', () => {
    const { db } = openDatabase(tempDir());
    const store = new EventStore(db);
    const engine = new Engine(store);
    send(engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Sessie', group: 'Team', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
    send(engine, 's1', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Eerst' });
    const first = engine.recordRows('s1').find((row) => row.id === 'n1');
    send(engine, 's1', { type: 'note.edit', id: 'n1', text: 'Daarna' });
    const second = engine.recordRows('s1').find((row) => row.id === 'n1');
    expect(first && second && second.rev > first.rev).toBe(true);
    expect(second?.vv).toEqual({ [store.deviceId]: second?.rev });
    send(engine, 's1', { type: 'note.delete', ids: ['n1'] });
    expect(engine.recordRows('s1').find((row) => row.id === 'n1')).toMatchObject({ value: null, kept: {} });
    expect(engine.session('s1')?.notes.n1).toBeUndefined();
    // After a restart the clock goes on from the newest stamp it finds.
    const newest = engine.recordRows('s1').map((row) => row.rev).sort().at(-1) ?? '';
    expect(new EventStore(db).revisions.next(0) > newest).toBe(true);
    db.close();
  });
});

describe('a deleted session', () => {
  it('is told to its subscribers only after the deletion is on disk', () => {
    const { db } = openDatabase(tempDir());
    const engine = new Engine(new EventStore(db));
    send(engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Sessie', group: 'Team', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
    const phone = listener();
    engine.subscribe(phone, 's1');
    // A real SQLite failure inside the transaction, where a full disk would strike.
    db.exec("CREATE TRIGGER refuse BEFORE DELETE ON streams BEGIN SELECT RAISE(ABORT, 'the disk said no'); END");
    const facilitator = { role: 'facilitator', participantId: null } as const;
    const remove = (id: string) => engine.handle({ t: 'command', id, stream: 'workspace', command: { type: 'session.delete', id: 's1', confirmTitle: 'Sessie' } }, facilitator);
    expect(() => remove('del-1')).toThrow(/the disk said no/);
    expect(phone.messages.some((message) => message.t === 'error')).toBe(false);
    expect(engine.session('s1')).toBeDefined();
    // Still subscribed: the next change reaches the phone.
    send(engine, 's1', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Nog hier' });
    expect(phone.messages.at(-1)).toMatchObject({ t: 'event', stream: 's1' });
    db.exec('DROP TRIGGER refuse');
    expect(remove('del-2')).toMatchObject({ t: 'ack' });
    expect(phone.messages.at(-1)).toMatchObject({ t: 'error', code: 'not_found' });
  });
});
