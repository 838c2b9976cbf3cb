import { afterEach, describe, expect, it } from 'vitest';
import { importArchiveBytes, sessionArchive } from '../../../electron/host/export/exporter';
import type { Actor } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * Plan-do-check-act across laptops, on real SQLite files: laptop A runs session 1 and makes three
 * actions; laptop B reads A's archive in, runs session 2 of the same programme, which opens with
 * their review, and decides on each. A third and fourth laptop merge both archives (in either
 * order) and must have the same actions with the same statuses as B.
 */
const P = 'prog-pdca';
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
const PHONE: Actor = { role: 'participant', participantId: 'p1' };

let counter = 0;
function run(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }, actor: Actor = FACILITATOR) {
  return temp.engine.handle({ t: 'command', id: `pdca-${++counter}`, stream, command }, actor);
}
function ok(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }) {
  const reply = run(temp, stream, command);
  if (reply.t !== 'ack') throw new Error(`${command.type}: ${JSON.stringify(reply)}`);
}

const statuses = (temp: TempEngine) =>
  Object.fromEntries(Object.values(temp.engine.workspace.actions).map((action) => [action.id, `${action.status}:${action.note}`]));

describe('actions across sessions and laptops', () => {
  const temps: TempEngine[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });
  const fresh = () => {
    const temp = tempEngine();
    temps.push(temp);
    return temp;
  };

  /** Laptop A: programme, session 1 with a point, three ingredients and three actions. */
  function laptopA(): TempEngine {
    const a = fresh();
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie' });
    ok(a, WORKSPACE_STREAM, { type: 'session.create', id: 's1', templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: 'Programmateam', group: 'Programmateam', date: '2025-03-12' });
    ok(a, 's1', { type: 'attention.add', id: 'a1', zoneId: 'het', title: 'Monitoring' });
    for (const n of [1, 2, 3]) {
      ok(a, 's1', { type: 'ingredient.add', id: `i${n}`, attentionPointId: 'a1', text: `Ingrediënt ${n}` });
      ok(a, WORKSPACE_STREAM, { type: 'action.create', id: `act${n}`, programmeId: P, sessionId: 's1', ingredientId: `i${n}`, owner: `Eigenaar ${n}` });
    }
    return a;
  }

  it('reviews in the next session: done, ongoing, dropped; undoable; persisted; merged alike everywhere', () => {
    const a = laptopA();
    const archive1 = sessionArchive(a.engine, 's1');

    let b = fresh();
    importArchiveBytes(b.engine, archive1);
    expect(Object.keys(b.engine.workspace.actions).sort()).toEqual(['act1', 'act2', 'act3']);
    ok(b, WORKSPACE_STREAM, { type: 'session.create', id: 's2', templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: 'Managers', group: 'Managers', date: '2025-05-20' });
    const s2 = b.engine.session('s2');
    expect(s2?.flow.phases[0]?.kind).toBe('review');
    expect(s2?.flow.currentPhaseId).toBe('review');
    expect(Object.values(s2?.reviews ?? {}).map((row) => row.id)).toEqual(['act1', 'act2', 'act3']);

    // A phone may react, but never decide.
    expect(run(b, 's2', { type: 'participant.join', id: 'p1', name: null }, PHONE)).toMatchObject({ t: 'ack' });
    const phoneSet = run(b, 's2', { type: 'review.set', actionId: 'act1', status: 'done' }, PHONE);
    expect(phoneSet).toMatchObject({ t: 'error', code: 'forbidden' });
    const phoneUpdate = run(b, WORKSPACE_STREAM, { type: 'action.update', id: 'act1', status: 'done' }, PHONE);
    expect(phoneUpdate).toMatchObject({ t: 'error', code: 'forbidden' });
    expect(run(b, 's2', { type: 'review.react', id: 'r1', actionId: 'act1', thumb: 'up', text: 'Goed bezig' }, PHONE)).toMatchObject({ t: 'ack' });
    expect(statuses(b).act1).toBe('open:');

    ok(b, 's2', { type: 'review.set', actionId: 'act1', status: 'done', note: 'Dashboard staat' });
    ok(b, 's2', { type: 'review.set', actionId: 'act2', status: 'ongoing', note: 'Loopt' });
    ok(b, 's2', { type: 'review.set', actionId: 'act3', status: 'done' });
    expect(statuses(b).act3).toBe('done:');
    // Undo takes the last decision back, and the action with it; redo and a new decision.
    ok(b, 's2', { type: 'history.undo' });
    expect(statuses(b).act3).toBe('open:');
    ok(b, 's2', { type: 'review.set', actionId: 'act3', status: 'dropped', note: 'Geen tijd' });
    const expected = { act1: 'done:Dashboard staat', act2: 'ongoing:Loopt', act3: 'dropped:Geen tijd' };
    expect(statuses(b)).toEqual(expected);

    // Persisted: a restart reads the same from disk.
    b = b.reopen();
    temps.push(b);
    expect(statuses(b)).toEqual(expected);
    expect(b.engine.session('s2')?.reviews.act3).toMatchObject({ status: 'dropped', previousStatus: 'open' });

    const archive2 = sessionArchive(b.engine, 's2');
    for (const order of [
      [archive1, archive2],
      [archive2, archive1],
    ]) {
      const c = fresh();
      for (const bytes of order) importArchiveBytes(c.engine, bytes);
      expect(statuses(c)).toEqual(expected);
      expect(c.engine.session('s2')?.reviews.act2?.status).toBe('ongoing');
      // Merging again changes nothing.
      importArchiveBytes(c.engine, archive1);
      expect(statuses(c)).toEqual(expected);
    }
    // Laptop A learns the outcome of session 2 too.
    importArchiveBytes(a.engine, archive2);
    expect(statuses(a)).toEqual(expected);
  });
});
