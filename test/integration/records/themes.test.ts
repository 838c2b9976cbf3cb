import { afterEach, describe, expect, it } from 'vitest';
import { importArchiveBytes, programmeArchive, sessionArchive } from '../../../electron/host/export/exporter';
import type { Actor } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * Programme themes on real SQLite files: made, written and linked through the engine, undone and
 * redone (the workspace's own history and the session's), read back after a restart, and carried
 * by a programme archive and a session archive to another laptop.
 */
const P = 'prog-themes';
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
const PHONE: Actor = { role: 'participant', participantId: 'p1' };

let counter = 0;
function run(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }, actor: Actor = FACILITATOR) {
  return temp.engine.handle({ t: 'command', id: `themes-${++counter}`, stream, command }, actor);
}
function ok(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }) {
  const reply = run(temp, stream, command);
  if (reply.t !== 'ack') throw new Error(`${command.type}: ${JSON.stringify(reply)}`);
}

describe('programme themes in the engine', () => {
  const temps: TempEngine[] = [];
  afterEach(() => {
    for (const temp of temps.splice(0)) temp.cleanup();
  });
  const fresh = () => {
    const temp = tempEngine();
    temps.push(temp);
    return temp;
  };

  function laptop(): TempEngine {
    const a = fresh();
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie' });
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: 'other', name: 'Ander' });
    ok(a, WORKSPACE_STREAM, { type: 'session.create', id: 's1', templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: 'Programmateam', group: 'Programmateam', date: '2025-03-12' });
    ok(a, 's1', { type: 'attention.add', id: 'a1', zoneId: 'wij', title: 'Visie eigen maken' });
    ok(a, 's1', { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Samen handen en voeten geven' });
    ok(a, 's1', { type: 'cluster.create', id: 'c1', title: 'Visie', noteIds: ['n1'] });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'th1', programmeId: P, title: 'Samen handen en voeten geven aan een visie' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'thx', programmeId: 'other', title: 'Elders' });
    return a;
  }

  it('links by hand, undoes and redoes it, and keeps it after a restart', () => {
    let a = laptop();
    ok(a, 's1', { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' });
    ok(a, 's1', { type: 'theme.link', target: 'cluster', id: 'c1', themeId: 'th1' });
    ok(a, 's1', { type: 'history.undo' });
    expect(a.engine.session('s1')?.clusters.c1).not.toHaveProperty('themeId');
    ok(a, 's1', { type: 'history.redo' });
    expect(a.engine.session('s1')?.clusters.c1?.themeId).toBe('th1');
    a = a.reopen();
    temps.push(a);
    expect(a.engine.session('s1')?.attentionPoints.a1?.themeId).toBe('th1');
    expect(a.engine.session('s1')?.clusters.c1?.themeId).toBe('th1');
  });

  it('refuses, changing nothing: another programme’s theme, unlinking what is not linked, a phone', () => {
    const a = laptop();
    const seq = a.engine.seqOf('s1');
    expect(run(a, 's1', { type: 'theme.link', target: 'point', id: 'a1', themeId: 'thx' })).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'theme_wrong_programme' });
    expect(run(a, 's1', { type: 'theme.unlink', target: 'note', id: 'n1' })).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'theme_not_linked' });
    expect(run(a, 's1', { type: 'participant.join', id: 'p1', name: null }, PHONE)).toMatchObject({ t: 'ack' });
    const joined = a.engine.seqOf('s1');
    expect(joined).toBe(seq + 1);
    expect(run(a, 's1', { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' }, PHONE)).toMatchObject({ t: 'error', code: 'forbidden' });
    const workspaceSeq = a.engine.seqOf(WORKSPACE_STREAM);
    expect(run(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'th9', programmeId: P, title: 'Van een telefoon' }, PHONE)).toMatchObject({ t: 'error', code: 'forbidden' });
    expect(run(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'th9', programmeId: P, title: ' ' })).toMatchObject({ t: 'error', reason: 'theme_title_empty' });
    expect(a.engine.seqOf('s1')).toBe(joined);
    expect(a.engine.seqOf(WORKSPACE_STREAM)).toBe(workspaceSeq);
    expect(a.engine.session('s1')?.attentionPoints.a1).not.toHaveProperty('themeId');
    expect(a.engine.workspace.themes.th9).toBeUndefined();
  });

  it('undoes and redoes the lead’s texts and themes on the workspace, also after a restart', () => {
    let a = laptop();
    ok(a, WORKSPACE_STREAM, { type: 'theme.summary.set', id: 'th1', text: 'Eerste versie' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.summary.set', id: 'th1', text: 'Tweede versie' });
    ok(a, WORKSPACE_STREAM, { type: 'programme.introduction.set', programmeId: P, text: 'Inleiding' });
    ok(a, WORKSPACE_STREAM, { type: 'history.undo' });
    expect(a.engine.workspace.programmes[P]?.introduction).toBeUndefined();
    ok(a, WORKSPACE_STREAM, { type: 'history.undo' });
    expect(a.engine.workspace.themes.th1?.summary).toBe('Eerste versie');
    a = a.reopen();
    temps.push(a);
    expect(a.engine.workspace.themes.th1?.summary).toBe('Eerste versie');
    ok(a, WORKSPACE_STREAM, { type: 'history.redo' });
    expect(a.engine.workspace.themes.th1?.summary).toBe('Tweede versie');
    // Deleting a theme and undoing it brings back the theme and so every link to it.
    ok(a, 's1', { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.delete', id: 'th1' });
    expect(a.engine.workspace.themes.th1).toBeUndefined();
    ok(a, WORKSPACE_STREAM, { type: 'history.undo' });
    expect(a.engine.workspace.themes.th1?.summary).toBe('Tweede versie');
    expect(a.engine.session('s1')?.attentionPoints.a1?.themeId).toBe('th1');
    // Nothing else on the workspace is undoable: undoing everything takes the themes back, never the programme.
    let undone = 0;
    while (run(a, WORKSPACE_STREAM, { type: 'history.undo' }).t === 'ack') undone += 1;
    expect(undone).toBe(4);
    expect(a.engine.workspace.themes).toEqual({});
    expect(a.engine.workspace.programmes[P]).toBeDefined();
    expect(a.engine.workspace.sessions.s1).toBeDefined();
    expect(run(a, WORKSPACE_STREAM, { type: 'history.undo' }, PHONE)).toMatchObject({ t: 'error', code: 'forbidden' });
  });

  it('carries themes, links and the lead’s texts in a programme archive and a session archive', () => {
    const earlier = laptopWithTheme();
    const a = laptop();
    ok(a, 's1', { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th1' });
    ok(a, 's1', { type: 'theme.link', target: 'note', id: 'n1', themeId: 'th1' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.summary.set', id: 'th1', text: 'Alle groepen willen de visie eigen maken.' });
    ok(a, WORKSPACE_STREAM, { type: 'programme.introduction.set', programmeId: P, text: 'Zo keken de groepen terug.' });
    for (const archive of [programmeArchive(a.engine, P), sessionArchive(a.engine, 's1')]) {
      const b = fresh();
      importArchiveBytes(b.engine, archive);
      expect(b.engine.workspace.themes.th1).toMatchObject({ programmeId: P, title: 'Samen handen en voeten geven aan een visie', summary: 'Alle groepen willen de visie eigen maken.' });
      // Another programme's theme stays home.
      expect(b.engine.workspace.themes.thx).toBeUndefined();
      expect(b.engine.workspace.programmes[P]?.introduction).toBe('Zo keken de groepen terug.');
      expect(b.engine.session('s1')?.attentionPoints.a1?.themeId).toBe('th1');
      expect(b.engine.session('s1')?.notes.n1?.themeId).toBe('th1');
      expect(b.engine.session('s1')?.clusters.c1).not.toHaveProperty('themeId');
    }
    // A deleted theme's tombstone travels too.
    ok(a, WORKSPACE_STREAM, { type: 'theme.delete', id: 'th1' });
    const b = fresh();
    importArchiveBytes(b.engine, programmeArchive(earlier.engine, P));
    expect(b.engine.workspace.themes.th1).toBeDefined();
    importArchiveBytes(b.engine, programmeArchive(a.engine, P));
    expect(b.engine.workspace.themes.th1).toBeUndefined();
  });

  function laptopWithTheme(): TempEngine {
    const c = fresh();
    ok(c, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie' });
    ok(c, WORKSPACE_STREAM, { type: 'theme.create', id: 'th1', programmeId: P, title: 'Samen handen en voeten geven aan een visie' });
    return c;
  }
});
