import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandQueue, type CommandResult } from '../../../../electron/host/command-queue';
import { EventStore } from '../../../../electron/host/db/event-store';
import { openDatabase } from '../../../../electron/host/db/open';
import { Engine } from '../../../../electron/host/engine';
import type { Actor } from '../../../../shared/domain';
import type { CommandMessage } from '../../../../shared/protocol';
import { listener, send } from './export/temp-engine';

const facilitator: Actor = { role: 'facilitator', participantId: null };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-group-'));
  dirs.push(dir);
  const { db } = openDatabase(dir);
  const engine = new Engine(new EventStore(db));
  send(engine, 'workspace', { type: 'session.create', id: 's1', programmeId: null, title: 'Sessie', group: 'Team', date: '2024-06-02', templateId: 'lemniscaat-ik-wij-het' });
  const note = (id: string, text = 'Tekst'): { message: CommandMessage; actor: Actor } => ({
    message: { t: 'command', id: `c-${id}`, stream: 's1', command: { type: 'note.add', id, zoneId: 'ik', text } },
    actor: facilitator,
  });
  const events = () => (db.prepare("SELECT count(*) AS n FROM events WHERE stream = 's1'").get() as { n: number }).n;
  return { db, engine, note, events, reopen: () => new Engine(new EventStore(db)) };
}

describe('group commit', () => {
  it('commits a group in one transaction; a refused command in the middle changes nothing of the others', () => {
    const { engine, note, events, reopen } = setUp();
    const window = listener();
    engine.subscribe(window, 's1');
    const outcomes = engine.handleGroup([note('a'), note('b', ''), note('c')]);
    expect(outcomes.map((o) => ('reply' in o ? o.reply.t : 'failed'))).toEqual(['ack', 'error', 'ack']);
    expect(outcomes[1]).toMatchObject({ reply: { code: 'invalid_payload' } });
    // Nothing was broadcast before the commit; the effects run when the caller sends the acks.
    expect(window.messages.filter((m) => m.t === 'event')).toHaveLength(0);
    for (const outcome of outcomes) if ('effects' in outcome) for (const effect of outcome.effects) effect();
    expect(window.messages.filter((m) => m.t === 'event').map((m) => m.t === 'event' && m.seq)).toEqual([1, 2]);
    expect(events()).toBe(2);
    expect(Object.keys(reopen().session('s1')?.notes ?? {}).sort()).toEqual(['a', 'c']);
  });

  it('lets a command whose write fails fail alone, in its own savepoint', () => {
    const { db, engine, note, events } = setUp();
    db.exec("CREATE TRIGGER refuse BEFORE INSERT ON events WHEN new.command_id = 'c-b' BEGIN SELECT RAISE(ABORT, 'the disk said no'); END");
    const outcomes = engine.handleGroup([note('a'), note('b'), note('c')]);
    expect(outcomes.map((o) => ('reply' in o ? o.reply.t : 'failed'))).toEqual(['ack', 'failed', 'ack']);
    expect(Object.keys(engine.session('s1')?.notes ?? {}).sort()).toEqual(['a', 'c']);
    expect(events()).toBe(2);
  });

  it('acknowledges nothing of a group whose commit fails, and puts memory back as on disk', () => {
    const { db, engine, note, events, reopen } = setUp();
    // A deferred foreign key is checked only at COMMIT: every savepoint succeeds, the commit does not.
    db.exec(`CREATE TABLE poison (stream TEXT REFERENCES streams(id) DEFERRABLE INITIALLY DEFERRED);
             CREATE TRIGGER poisoned AFTER INSERT ON events WHEN new.command_id = 'c-b' BEGIN INSERT INTO poison VALUES ('no-such-stream'); END`);
    const before = structuredClone(engine.session('s1'));
    const outcomes = engine.handleGroup([note('a'), note('b'), note('c')]);
    expect(outcomes.every((o) => 'error' in o)).toBe(true);
    expect(engine.session('s1')).toEqual(before);
    expect(engine.seqOf('s1')).toBe(0);
    expect(events()).toBe(0);
    expect(reopen().session('s1')?.notes).toEqual({});
    // The engine goes on: the next group commits.
    db.exec('DROP TRIGGER poisoned');
    expect(engine.handleGroup([note('d')]).map((o) => 'reply' in o && o.reply.t)).toEqual(['ack']);
    expect(engine.seqOf('s1')).toBe(1);
  });

  it('groups what arrives in one turn of the loop and answers in arrival order, a lone command without waiting for more', async () => {
    const { engine, note, events } = setUp();
    const queue = new CommandQueue(engine);
    const answers: string[] = [];
    const answer = (id: string) => (result: CommandResult) => answers.push(`${id}:${'reply' in result ? result.reply.t : 'error'}`);
    for (const id of ['a', 'b', 'c']) queue.submit(note(id).message, facilitator, answer(id));
    expect(answers).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers).toEqual(['a:ack', 'b:ack', 'c:ack']);
    queue.submit(note('d').message, facilitator, answer('d'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answers.at(-1)).toBe('d:ack');
    expect(events()).toBe(4);
  });
});
