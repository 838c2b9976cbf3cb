import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../../../../electron/host/export/archive-read';
import { ARCHIVE_SCHEMA_VERSION } from '../../../../../electron/host/export/archive-schema';
import { writeArchive } from '../../../../../electron/host/export/archive-write';
import { createDemo } from '../../../../../electron/host/export/demo';
import { ExportError } from '../../../../../electron/host/export/errors';
import { sessionArchive } from '../../../../../electron/host/export/exporter';
import type { SessionState } from '../../../../../shared/domain';
import { type TempEngine, tempEngine } from './temp-engine';

/** Rewrites an archive with one SQL statement applied, as a hand-edited or hostile file would be. */
function tamper(bytes: Buffer, sql: string): Buffer {
  const db = new Database(bytes);
  db.pragma('foreign_keys = OFF');
  db.exec(sql);
  const out = db.serialize();
  db.close();
  return out;
}

const code = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ExportError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('archive file', () => {
  let temp: TempEngine;
  afterEach(() => temp?.cleanup());

  const demoState = (): SessionState => {
    temp = tempEngine();
    createDemo(temp.engine);
    return temp.engine.session('demo-avk-programmateam') as SessionState;
  };

  it('reads back exactly the session it was written from', () => {
    const state = demoState();
    // Fields that are optional or null in the domain must survive too.
    const first = Object.values(state.notes)[0];
    if (!first) throw new Error('demo has notes');
    const tricky: SessionState = {
      ...state,
      settings: { ...state.settings, moderation: true },
      notes: { ...state.notes, [first.id]: { ...first, pending: true, color: '#FFCC00', text: 'ë ĳ ✓ 😀 "quotes", ‮ <b>' } },
      template: { ...state.template, background: 'data:image/png;base64,AAAA' },
    };
    const content = readArchive(writeArchive({ scope: 'session', scopeId: state.meta.id, programmes: [], sessions: [tricky] }));
    expect(content.sessions).toHaveLength(1);
    expect(content.sessions[0]).toEqual(tricky);
    expect(content).toMatchObject({ scope: 'session', scopeId: state.meta.id });
  });

  it('keeps an absent optional field absent', () => {
    const state = demoState();
    const { moderation: _dropped, ...older } = state.settings;
    const legacy = { ...state, settings: older } as SessionState;
    const [read] = readArchive(writeArchive({ scope: 'session', scopeId: 'x', programmes: [], sessions: [legacy] })).sessions;
    expect(read?.settings).toEqual(older);
    expect(Object.values(read?.notes ?? {}).some((note) => 'pending' in note)).toBe(false);
  });

  it('is a plain SQLite file with the documented tables and a ranking view', () => {
    demoState();
    const db = new Database(sessionArchive(temp.engine, 'demo-avk-managers'), { readonly: true });
    expect(db.prepare('SELECT schema_version, format, scope FROM archive').get()).toEqual({ schema_version: ARCHIVE_SCHEMA_VERSION, format: 'eiland-archive', scope: 'session' });
    expect(db.prepare('SELECT name FROM programme').all()).toEqual([{ name: 'Alliantie van Kracht tegen Armoede' }]);
    const ranking = db.prepare('SELECT title, dots FROM attention_point_dots ORDER BY dots DESC').all() as { dots: number }[];
    expect(ranking.map((row) => row.dots)).toEqual([9, 7, 6, 5, 3]);
    db.close();
  });

  it('refuses what is not an archive, with a plain message', () => {
    expect(code(() => readArchive(Buffer.from('dit is geen database'.repeat(50))))).toBe('unreadable_archive');
    expect(code(() => readArchive(Buffer.alloc(0)))).toBe('unreadable_archive');
    const other = new Database(':memory:');
    other.exec('CREATE TABLE notes (text TEXT)');
    expect(code(() => readArchive(other.serialize()))).toBe('unreadable_archive');
    expect(() => readArchive(Buffer.from('garbage'))).toThrow('Dit bestand is geen Eiland-archief.');
  });

  it('refuses an archive from a newer Eiland', () => {
    demoState();
    const bytes = sessionArchive(temp.engine, 'demo-avk-managers');
    expect(code(() => readArchive(tamper(bytes, 'UPDATE archive SET schema_version = 99')))).toBe('unsupported_archive');
  });

  it('validates every row like a command: bad ids, long texts, broken JSON, missing tables', () => {
    demoState();
    const bytes = sessionArchive(temp.engine, 'demo-avk-managers');
    expect(code(() => readArchive(tamper(bytes, "UPDATE note SET id = '__proto__' WHERE rowid = 1")))).toBe('invalid_archive');
    expect(code(() => readArchive(tamper(bytes, "UPDATE note SET text = printf('%.600c', 'x') WHERE rowid = 1")))).toBe('invalid_archive');
    expect(code(() => readArchive(tamper(bytes, "UPDATE session SET flow = '{not json'")))).toBe('invalid_archive');
    expect(code(() => readArchive(tamper(bytes, "UPDATE session SET id = 'workspace'")))).toBe('invalid_archive');
    expect(code(() => readArchive(tamper(bytes, 'DROP TABLE vote')))).toBe('invalid_archive');
    expect(() => readArchive(tamper(bytes, "UPDATE note SET zone_id = 'no such id!' WHERE rowid = 1"))).toThrow(/notitie in sessie demo-avk-managers/);
  });
});
