import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECENT, parseRecentList, RecentSessions, toRecentSession, withRecent } from '../../../../electron/shell/recent';
import { app, resetFakes } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

beforeEach(resetFakes);

describe('recent sessions, as data', () => {
  it('accepts only host-style ids and a one-line title', () => {
    expect(toRecentSession('s_1-A', '  Stuurgroep\n2025 ')).toEqual({ id: 's_1-A', title: 'Stuurgroep 2025' });
    expect(toRecentSession('s1', '')).toEqual({ id: 's1', title: 's1' });
    expect(toRecentSession('s1', 'x'.repeat(500))?.title).toHaveLength(200);
    for (const id of ['', '../etc', 'a b', 'x'.repeat(65), 'https://e.org', 42, null]) expect(toRecentSession(id, 'T'), String(id)).toBeNull();
    expect(toRecentSession('s1', { title: 'x' })).toBeNull();
  });

  it('puts the newest first, once, and keeps at most eight', () => {
    let list = [{ id: 'a', title: 'A' }];
    list = withRecent(list, { id: 'b', title: 'B' });
    list = withRecent(list, { id: 'a', title: 'A2' });
    expect(list).toEqual([{ id: 'a', title: 'A2' }, { id: 'b', title: 'B' }]);
    for (let i = 0; i < 20; i++) list = withRecent(list, { id: `s${i}`, title: `S${i}` });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.id).toBe('s19');
  });

  it('reads back only what is valid from a file someone edited', () => {
    expect(parseRecentList(null)).toEqual([]);
    expect(parseRecentList({ sessions: 'x' })).toEqual([]);
    expect(parseRecentList({ sessions: [{ id: 'a', title: 'A' }, { id: '../x', title: 'B' }, { id: 'a', title: 'dup' }, 7] })).toEqual([{ id: 'a', title: 'A' }]);
  });
});

describe('RecentSessions', () => {
  it('keeps the list in userData across starts and tells the menu about each change', () => {
    const changed = vi.fn();
    const recent = new RecentSessions(app.userData, changed);
    expect(recent.sessions).toEqual([]);
    expect(recent.opened('s1', 'Programmateam')).toBe(true);
    expect(recent.opened('s2', 'Stuurgroep')).toBe(true);
    expect(recent.opened('s2', 'Stuurgroep')).toBe(true);
    expect(changed).toHaveBeenCalledTimes(2);
    expect(recent.opened('../../x', 'evil')).toBe(false);
    expect(changed).toHaveBeenCalledTimes(2);
    const file = join(app.userData, 'recent-sessions.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ sessions: [{ id: 's2', title: 'Stuurgroep' }, { id: 's1', title: 'Programmateam' }] });
    expect(new RecentSessions(app.userData).sessions.map((session) => session.id)).toEqual(['s2', 's1']);
    recent.clear();
    expect(new RecentSessions(app.userData).sessions).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it('starts empty from a damaged file', () => {
    writeFileSync(join(app.userData, 'recent-sessions.json'), '{"sessions": [');
    expect(new RecentSessions(app.userData).sessions).toEqual([]);
  });
});
