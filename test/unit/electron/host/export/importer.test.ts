import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../../../electron/host/export/archive-read';
import { createDemo } from '../../../../../electron/host/export/demo';
import { ExportError } from '../../../../../electron/host/export/errors';
import { importArchiveBytes, programmeArchive, sessionArchive } from '../../../../../electron/host/export/exporter';
import { importArchive } from '../../../../../electron/host/export/importer';
import type { Actor } from '../../../../../shared/domain';
import { V1_ARCHIVE_FIXTURE as V1_FIXTURE } from '../../../../support/fixtures';
import { listener, send, type TempEngine, tempEngine } from './temp-engine';

const count = (temp: TempEngine, sql: string) => (temp.db.prepare(sql).get() as { n: number }).n;
const S = 'demo-avk-stuurgroep';
/**
 * Every row of the data folder as it must agree across laptops: not this laptop's own write counter,
 * nor a session's copy of its list entry (`meta`), and each value with its fields in sorted order.
 */
const rows = (temp: TempEngine) =>
  (temp.db.prepare("SELECT stream, key, id, data, deleted, v, rev, vv FROM entities WHERE key != 'meta' ORDER BY stream, key, id").all() as { data: string }[]).map((row) => ({
    ...row,
    data: canonical(JSON.parse(row.data)),
  }));
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item) => (item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item));

function refusedWith(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof ExportError) return error.message;
    throw error;
  }
  return 'not refused';
}

describe('importing an archive: a merge, record by record', () => {
  const temps: TempEngine[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });
  const fresh = () => {
    const temp = tempEngine();
    temps.push(temp);
    return temp;
  };
  const source = () => {
    const temp = fresh();
    createDemo(temp.engine);
    return temp;
  };
  /** A second laptop that starts from a copy of the first's programme. */
  const copyOf = (from: TempEngine) => {
    const to = fresh();
    importArchiveBytes(to.engine, programmeArchive(from.engine, 'demo-avk'));
    return to;
  };

  it('creates the programme and its sessions, persisted, equal to the original, revisions kept', () => {
    const from = source();
    let to = fresh();
    const report = importArchiveBytes(to.engine, programmeArchive(from.engine, 'demo-avk'));
    expect(report.programmes).toEqual([{ id: 'demo-avk', name: 'Alliantie van Kracht tegen Armoede', created: true }]);
    expect(report.sessions.map((s) => s.outcome)).toEqual(['created', 'created', 'created']);
    to = to.reopen();
    temps.push(to);
    for (const id of ['demo-avk-programmateam', 'demo-avk-managers', S]) {
      expect(to.engine.session(id)).toEqual(from.engine.session(id));
      expect(to.engine.workspace.sessions[id]).toEqual(from.engine.workspace.sessions[id]);
      const records = (temp: TempEngine) => temp.engine.recordRows(id).filter((row) => row.key !== 'meta');
      expect(records(to)).toEqual(records(from));
    }
    expect(to.engine.workspace.programmes['demo-avk']).toEqual(from.engine.workspace.programmes['demo-avk']);
  });

  it('round trip: demo → archive → empty data folder → archive gives the same rows', () => {
    const from = source();
    const to = fresh();
    const first = readArchive(programmeArchive(from.engine, 'demo-avk'));
    importArchive(to.engine, first);
    const second = readArchive(programmeArchive(to.engine, 'demo-avk'));
    expect(second).toEqual(first);
  });

  it('is harmless the second time: nothing duplicated, no new events', () => {
    const from = source();
    const to = fresh();
    const bytes = sessionArchive(from.engine, 'demo-avk-managers');
    importArchiveBytes(to.engine, bytes);
    const before = rows(to);
    const events = count(to, 'SELECT count(*) AS n FROM events');
    const again = importArchiveBytes(to.engine, bytes);
    expect(again.sessions).toEqual([{ id: 'demo-avk-managers', title: 'Eiland van reflectie managers', outcome: 'unchanged', added: 0, updated: 0, deleted: 0, conflicts: 0 }]);
    expect(again.programmes[0]?.created).toBe(false);
    expect(rows(to)).toEqual(before);
    expect(count(to, 'SELECT count(*) AS n FROM events')).toBe(events);
  });

  it('brings over what the other laptop added, edited, moved and deleted, and keeps what was done here', () => {
    const a = source();
    const b = copyOf(a);
    const notes = Object.keys(a.engine.session(S)?.notes ?? {});
    const [edited, deleted, moved, keptHere] = notes as [string, string, string, string];
    send(b.engine, S, { type: 'note.add', id: 'from-b', zoneId: 'ik', text: 'Op laptop B' });
    send(b.engine, S, { type: 'note.edit', id: edited, text: 'Op B herschreven' });
    send(b.engine, S, { type: 'note.delete', ids: [deleted] });
    send(b.engine, S, { type: 'note.move', moves: [{ id: moved, x: 300, y: 420 }] });
    send(a.engine, S, { type: 'note.edit', id: keptHere, text: 'Hier aangepast' });
    const window = listener();
    a.engine.subscribe(window, S);
    const report = importArchiveBytes(a.engine, programmeArchive(b.engine, 'demo-avk'));
    expect(report.sessions.find((s) => s.id === S)).toMatchObject({ outcome: 'merged', added: 1, updated: 2, deleted: 1, conflicts: 0 });
    const state = a.engine.session(S);
    expect(state?.notes['from-b']?.text).toBe('Op laptop B');
    expect(state?.notes[edited]?.text).toBe('Op B herschreven');
    expect(state?.notes[deleted]).toBeUndefined();
    expect(state?.notes[moved]).toMatchObject({ x: 300, y: 420 });
    expect(state?.notes[keptHere]?.text).toBe('Hier aangepast');
    // Open windows hear of it like of any command.
    expect(window.messages.at(-1)).toMatchObject({ t: 'event', type: 'archive.import' });
    // And the other way round both laptops end with the same rows.
    importArchiveBytes(b.engine, programmeArchive(a.engine, 'demo-avk'));
    expect(rows(b)).toEqual(rows(a));
  });

  it('keeps both texts visible when two laptops changed the same note, the newer one shown', () => {
    const a = source();
    const b = copyOf(a);
    const note = Object.keys(a.engine.session(S)?.notes ?? {})[0] as string;
    send(a.engine, S, { type: 'note.edit', id: note, text: 'Tekst van A' });
    send(b.engine, S, { type: 'note.edit', id: note, text: 'Tekst van B' });
    const report = importArchiveBytes(a.engine, programmeArchive(b.engine, 'demo-avk'));
    importArchiveBytes(b.engine, programmeArchive(a.engine, 'demo-avk'));
    const onA = a.engine.session(S)?.notes[note];
    expect(onB(b, note)).toEqual(onA);
    const texts = [onA?.text, ...(onA?.conflicts ?? []).map((c) => c.text)];
    expect(texts.sort()).toEqual(['Tekst van A', 'Tekst van B']);
    expect(report.conflicts).toEqual([{ sessionId: S, key: 'notes', id: note, shown: onA?.text, others: [texts.find((t) => t !== onA?.text)] }]);
    expect(report.sessions.find((s) => s.id === S)?.conflicts).toBe(1);
  });

  it('carries a deleted session to the laptops of its programme', () => {
    const a = source();
    const b = copyOf(a);
    send(b.engine, 'workspace', { type: 'session.delete', id: 'demo-avk-managers', confirmTitle: 'Eiland van reflectie managers' });
    const window = listener();
    a.engine.subscribe(window, 'demo-avk-managers');
    const report = importArchiveBytes(a.engine, programmeArchive(b.engine, 'demo-avk'));
    expect(report.sessions.find((s) => s.id === 'demo-avk-managers')).toMatchObject({ outcome: 'deleted' });
    expect(a.engine.session('demo-avk-managers')).toBeUndefined();
    expect(window.messages.at(-1)).toMatchObject({ t: 'error', code: 'not_found' });
    // An older copy of the session does not bring it back.
    importArchiveBytes(a.engine, readFileSync(V1_FIXTURE));
    expect(a.engine.session('demo-avk-managers')).toBeUndefined();
  });

  it('says so, and does not bring it back, when a session deleted here comes in an older archive', () => {
    const a = source();
    const bytes = sessionArchive(a.engine, 'demo-avk-managers');
    send(a.engine, 'workspace', { type: 'session.delete', id: 'demo-avk-managers', confirmTitle: 'Eiland van reflectie managers' });
    const report = importArchiveBytes(a.engine, bytes);
    expect(report.sessions).toEqual([expect.objectContaining({ id: 'demo-avk-managers', outcome: 'stays_deleted' })]);
    expect(a.engine.session('demo-avk-managers')).toBeUndefined();
  });

  it('tells the sessions list of a new session in one workspace event', () => {
    const from = source();
    const to = fresh();
    const window = listener();
    to.engine.subscribe(window, 'workspace');
    importArchiveBytes(to.engine, sessionArchive(from.engine, 'demo-avk-managers'));
    const event = window.messages.find((m) => m.t === 'event');
    expect(event).toMatchObject({ type: 'archive.import', seq: 1 });
    // The programme's actions travel with every archive of it, a session's too.
    const actions = Object.keys(from.engine.workspace.actions).sort().map((id) => `actions/${id}`);
    expect(actions).toHaveLength(6);
    expect(event?.t === 'event' && event.changes.map((c) => `${c.key}/${c.id}`).sort()).toEqual(['programmes/demo-avk', 'sessions/demo-avk-managers', ...actions].sort());
  });

  it('imports a version-1 archive, which fills gaps and overwrites nothing', () => {
    const to = fresh();
    const bytes = readFileSync(V1_FIXTURE);
    const report = importArchiveBytes(to.engine, bytes);
    expect(report.sessions.map((s) => s.outcome)).toEqual(['created', 'created', 'created']);
    const inFile = readArchive(bytes).sessions.find((s) => s.id === 'demo-avk-managers')?.records.filter((r) => r.key === 'notes');
    expect(Object.keys(to.engine.session('demo-avk-managers')?.notes ?? {})).toHaveLength(inFile?.length ?? -1);
    const note = Object.keys(to.engine.session(S)?.notes ?? {})[0] as string;
    send(to.engine, S, { type: 'note.edit', id: note, text: 'Na het inlezen aangepast' });
    const before = rows(to);
    expect(importArchiveBytes(to.engine, bytes).sessions.map((s) => s.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(rows(to)).toEqual(before);
  });

  it('refuses an archive that would put a participant over the dot budget, changing nothing', () => {
    const a = source();
    const b = copyOf(a);
    const phone: Actor = { role: 'participant', participantId: 'p-real' };
    const point = Object.keys(a.engine.session(S)?.attentionPoints ?? {})[0] as string;
    send(a.engine, S, { type: 'participant.join', id: 'p-real', name: null }, phone);
    const content = readArchive(programmeArchive(a.engine, 'demo-avk'));
    const session = content.sessions.find((s) => s.id === S);
    const participant = session?.records.find((r) => r.key === 'participants' && r.id === 'p-real');
    if (!session || !participant) throw new Error('the archive has the participant');
    for (let i = 0; i < 40; i++) session.records.push({ ...participant, key: 'votes', id: `forged-${i}`, value: { id: `forged-${i}`, attentionPointId: point, participantId: 'p-real' } });
    const before = rows(b);
    expect(refusedWith(() => importArchive(b.engine, content))).toMatch(/meer stippen|stippen krijgen/);
    expect(rows(b)).toEqual(before);
  });

  it('holds a session that voted side by side to the budget per side: honest dots come in, one dot over a side is refused', () => {
    const a = fresh();
    const phone: Actor = { role: 'participant', participantId: 'p1' };
    send(a.engine, 'workspace', { type: 'session.create', id: 'sides', templateId: 'lemniscaat-ik-wij-het', programmeId: null, title: 'Per kant', group: 'Team', date: '2025-03-04' });
    const phases = [
      { id: 'voting-wij', kind: 'voting', zoneId: 'wij' },
      { id: 'voting-het', kind: 'voting', zoneId: 'het' },
    ];
    send(a.engine, 'sides', { type: 'phases.configure', phases });
    for (const [id, zoneId] of [['w1', 'wij'], ['w2', 'wij'], ['h1', 'het'], ['h2', 'het']]) send(a.engine, 'sides', { type: 'attention.add', id, zoneId, title: `Punt ${id}` });
    send(a.engine, 'sides', { type: 'participant.join', id: 'p1', name: null }, phone);
    let dot = 0;
    for (const [phase, points] of [['voting-wij', ['w1', 'w1', 'w2']], ['voting-het', ['h1', 'h2', 'h2']]] as const) {
      send(a.engine, 'sides', { type: 'phase.set', phaseId: phase });
      send(a.engine, 'sides', { type: 'voting.open', open: true });
      for (const point of points) send(a.engine, 'sides', { type: 'vote.cast', id: `v${dot++}`, attentionPointId: point }, phone);
      send(a.engine, 'sides', { type: 'voting.open', open: false });
    }
    // Six dots, three per side: what the rules allowed, so the archive comes in whole.
    const honest = fresh();
    importArchiveBytes(honest.engine, sessionArchive(a.engine, 'sides'));
    expect(Object.keys(honest.engine.session('sides')?.votes ?? {})).toHaveLength(6);
    // A forged fourth dot on one side is over that side's budget.
    const content = readArchive(sessionArchive(a.engine, 'sides'));
    const session = content.sessions.find((s) => s.id === 'sides');
    const vote = session?.records.find((r) => r.key === 'votes');
    if (!session || !vote) throw new Error('the archive has the votes');
    session.records.push({ ...vote, id: 'forged', value: { ...(vote.value as object), id: 'forged', attentionPointId: 'w2' } });
    const other = fresh();
    const before = rows(other);
    expect(refusedWith(() => importArchive(other.engine, content))).toMatch(/4 stippen krijgen, terwijl er 3 mogen/);
    expect(rows(other)).toEqual(before);
  });

  it('refuses notes or votes under a participant of this laptop that the archive does not truly share', () => {
    const a = source();
    const content = readArchive(programmeArchive(copyOf(a).engine, 'demo-avk'));
    // Anna joins on this laptop after the other laptop took its copy.
    const phone: Actor = { role: 'participant', participantId: 'p-here' };
    send(a.engine, S, { type: 'participant.join', id: 'p-here', name: 'Anna' }, phone);
    const session = content.sessions.find((s) => s.id === S);
    const template = session?.records.find((r) => r.key === 'notes');
    if (!session || !template?.value) throw new Error('the demo has notes');
    const forged = { ...(template.value as object), id: 'under-anna', authorId: 'p-here', authorName: 'Anna' };
    session.records.push({ ...template, id: 'under-anna', value: forged });
    const before = rows(a);
    expect(refusedWith(() => importArchive(a.engine, content))).toMatch(/niet in het archief/);
    // Naming Anna in the file with a made-up join time does not help either.
    session.records.push({ ...template, key: 'participants', id: 'p-here', value: { id: 'p-here', name: 'Anna', joinedAt: 1 } });
    expect(refusedWith(() => importArchive(a.engine, content))).toMatch(/deelnemer van deze laptop/);
    expect(rows(a)).toEqual(before);
  });
});

function onB(b: TempEngine, note: string) {
  return b.engine.session(S)?.notes[note];
}
