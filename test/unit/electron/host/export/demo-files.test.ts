import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemo } from '../../../../../electron/host/export/demo';
import { ExportError } from '../../../../../electron/host/export/errors';
import { readArchiveFile, writeFileAtomically } from '../../../../../electron/host/export/files';
import { THEME_MONITORING, THEME_VISION } from '../../../../../shared/demo/avk-data';
import { DEMO_SESSION_IDS } from '../../../../../shared/demo/script';
import { rankPoints } from '../../../../../shared/voting';
import { type TempEngine, tempEngine } from './temp-engine';

describe('the demo programme', () => {
  let temp: TempEngine;
  afterEach(() => temp?.cleanup());

  it('is made by real commands: three sessions with notes, clusters, points, dots and ingredients', () => {
    temp = tempEngine();
    const result = createDemo(temp.engine);
    expect(result.created).toEqual([...DEMO_SESSION_IDS]);
    const metas = DEMO_SESSION_IDS.map((id) => temp.engine.workspace.sessions[id]);
    expect(metas.map((m) => [m?.group, m?.date])).toEqual([
      ['Programmateam', '2024-06-02'],
      ['Managers/leidinggevenden', '2024-06-05'],
      ['Stuurgroep', '2024-06-11'],
    ]);
    const team = temp.engine.session('demo-avk-programmateam');
    if (!team) throw new Error('no programme team');
    expect(Object.keys(team.observations).sort()).toEqual(['het', 'ik', 'wij']);
    expect(rankPoints(team, 'het').map((r) => [team.attentionPoints[r.attentionPointId]?.title, r.dots])).toEqual([
      ['Monitoring, effectiviteit en ervaringen', 5],
      ['Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, uitvoering', 2],
    ]);
    expect(Object.keys(team.participants)).toHaveLength(6);
    expect(Object.keys(team.votes)).toHaveLength(18);
    expect(team.flow.votesRevealed).toBe(true);
    // Every event is in the log, as after a real session.
    const events = temp.db.prepare("SELECT count(*) AS n FROM events WHERE stream = 'demo-avk-programmateam'").get() as { n: number };
    expect(events.n).toBeGreaterThan(80);
  });

  it('carries the two themes from the managers into the steering group', () => {
    temp = tempEngine();
    createDemo(temp.engine);
    for (const id of ['demo-avk-managers', 'demo-avk-stuurgroep']) {
      const keys = Object.values(temp.engine.session(id)?.attentionPoints ?? {}).map((p) => p.themeKey);
      expect(keys).toContain(THEME_VISION);
      expect(keys).toContain(THEME_MONITORING);
      expect(Object.values(temp.engine.session(id)?.attentionPoints ?? {}).every((p) => p.zoneId === null)).toBe(true);
    }
  });

  it('is never made twice, also after a restart, and comes back when a session was deleted', () => {
    temp = tempEngine();
    createDemo(temp.engine);
    const rows = (temp.db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n;
    temp = temp.reopen();
    expect(createDemo(temp.engine).created).toEqual([]);
    expect((temp.db.prepare('SELECT count(*) AS n FROM entities').get() as { n: number }).n).toBe(rows);
    const reply = temp.engine.handle(
      { t: 'command', id: 'del', stream: 'workspace', command: { type: 'session.delete', id: 'demo-avk-managers', confirmTitle: 'Eiland van reflectie managers' } },
      { role: 'facilitator', participantId: null },
    );
    expect(reply.t).toBe('ack');
    expect(createDemo(temp.engine).created).toEqual(['demo-avk-managers']);
  });
});

describe('files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eiland-files-'));
  afterEach(() => {
    for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
  });

  it('writes whole files and leaves no temporary file', async () => {
    await writeFileAtomically(join(dir, 'a.pdf'), Buffer.from('%PDF'));
    expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('says plainly why it cannot write, and leaves what was there', async () => {
    await expect(writeFileAtomically(join(dir, 'missing', 'a.pdf'), 'x')).rejects.toThrow('Kan niet schrijven naar');
    await expect(writeFileAtomically(join(dir, 'missing', 'a.pdf'), 'x')).rejects.toThrow('de map bestaat niet');
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileAtomically(join(dir, 'folder'), 'x')).rejects.toBeInstanceOf(ExportError);
    expect(readdirSync(dir)).toEqual(['folder']);
  });

  it('reads an archive file, or says why not', async () => {
    writeFileSync(join(dir, 'x.sqlite'), 'bytes');
    expect((await readArchiveFile(join(dir, 'x.sqlite'))).toString()).toBe('bytes');
    await expect(readArchiveFile(join(dir, 'nope.sqlite'))).rejects.toThrow('het bestand bestaat niet');
    expect(existsSync(join(dir, 'nope.sqlite'))).toBe(false);
  });
});
