import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../../../electron/host/export/archive-read';
import { createDemo } from '../../../../../electron/host/export/demo';
import { importArchiveBytes, programmeArchive, sessionArchive } from '../../../../../electron/host/export/exporter';
import { importArchive } from '../../../../../electron/host/export/importer';
import { listener, send, type TempEngine, tempEngine } from './temp-engine';

const count = (temp: TempEngine, sql: string) => (temp.db.prepare(sql).get() as { n: number }).n;

describe('importing an archive through the engine', () => {
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

  it('creates the programme and its sessions, persisted and equal to the original', () => {
    const from = source();
    let to = fresh();
    const report = importArchiveBytes(to.engine, programmeArchive(from.engine, 'demo-avk'));
    expect(report.programmes).toEqual([{ id: 'demo-avk', name: 'Alliantie van Kracht tegen Armoede', created: true }]);
    expect(report.sessions.map((s) => s.outcome)).toEqual(['created', 'created', 'created']);
    to = to.reopen();
    temps.push(to);
    for (const id of ['demo-avk-programmateam', 'demo-avk-managers', 'demo-avk-stuurgroep']) {
      expect(to.engine.session(id)).toEqual(from.engine.session(id));
      expect(to.engine.workspace.sessions[id]).toEqual(from.engine.workspace.sessions[id]);
    }
    expect(to.engine.workspace.programmes['demo-avk']).toEqual(from.engine.workspace.programmes['demo-avk']);
  });

  it('is harmless the second time: nothing duplicated, no new events', () => {
    const from = source();
    const to = fresh();
    const bytes = sessionArchive(from.engine, 'demo-avk-managers');
    importArchiveBytes(to.engine, bytes);
    const rows = count(to, 'SELECT count(*) AS n FROM entities');
    const events = count(to, 'SELECT count(*) AS n FROM events');
    const again = importArchiveBytes(to.engine, bytes);
    expect(again.sessions).toEqual([{ id: 'demo-avk-managers', title: 'Eiland van reflectie managers', outcome: 'unchanged', added: 0 }]);
    expect(again.programmes[0]?.created).toBe(false);
    expect(count(to, 'SELECT count(*) AS n FROM entities')).toBe(rows);
    expect(count(to, 'SELECT count(*) AS n FROM events')).toBe(events);
  });

  it('adds what a session lacks and keeps what was typed here', () => {
    const from = source();
    const to = fresh();
    importArchiveBytes(to.engine, sessionArchive(from.engine, 'demo-avk-stuurgroep'));
    // Both laptops go on: one adds a note, the other renames one and adds another.
    send(from.engine, 'demo-avk-stuurgroep', { type: 'note.add', id: 'elsewhere', zoneId: 'ik', text: 'Op de andere laptop' });
    const local = Object.keys(to.engine.session('demo-avk-stuurgroep')?.notes ?? {})[0] as string;
    send(to.engine, 'demo-avk-stuurgroep', { type: 'note.edit', id: local, text: 'Hier aangepast' });
    send(to.engine, 'demo-avk-stuurgroep', { type: 'note.add', id: 'here', zoneId: 'ik', text: 'Hier' });
    const window = listener();
    to.engine.subscribe(window, 'demo-avk-stuurgroep');
    const report = importArchiveBytes(to.engine, sessionArchive(from.engine, 'demo-avk-stuurgroep'));
    expect(report.sessions[0]).toMatchObject({ outcome: 'merged', added: 1 });
    const notes = to.engine.session('demo-avk-stuurgroep')?.notes ?? {};
    expect(notes.elsewhere?.text).toBe('Op de andere laptop');
    expect(notes.here?.text).toBe('Hier');
    expect(notes[local]?.text).toBe('Hier aangepast');
    // Open windows hear of it like of any command.
    expect(window.messages.at(-1)).toMatchObject({ t: 'event', type: 'archive.import', changes: [{ key: 'notes', id: 'elsewhere' }] });
    expect(to.reopen().engine.session('demo-avk-stuurgroep')?.notes.elsewhere?.text).toBe('Op de andere laptop');
  });

  it('tells the sessions list of a new session in one workspace event', () => {
    const from = source();
    const to = fresh();
    const window = listener();
    to.engine.subscribe(window, 'workspace');
    importArchiveBytes(to.engine, sessionArchive(from.engine, 'demo-avk-managers'));
    const event = window.messages.find((m) => m.t === 'event');
    expect(event).toMatchObject({ type: 'archive.import', seq: 1 });
    expect(event?.t === 'event' && event.changes.map((c) => `${c.key}/${c.id}`)).toEqual(['programmes/demo-avk', 'sessions/demo-avk-managers']);
  });

  it('lets a session stand alone when its programme is neither here nor in the file', () => {
    const from = source();
    const to = fresh();
    const content = readArchive(sessionArchive(from.engine, 'demo-avk-managers'));
    importArchive(to.engine, { ...content, programmes: [] });
    expect(to.engine.session('demo-avk-managers')?.meta.programmeId).toBeNull();
  });
});
