import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { zoneAt } from '../../../shared/templates';
import { linkedThemeId, themeZoneId, workMode } from '../../../shared/zones';
import { startTestHost, TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { openRoom, TestClient } from '../../support/ws-client';

/**
 * Working per side, per theme or both (zones.arrange) through a real host: commands over the
 * WebSocket, a real SQLite file in a data folder that is opened again after a stop. What a phone
 * writes into a theme's zone, what undo gives back, and what the host refuses without changing anything.
 */
type Host = Awaited<ReturnType<typeof startTestHost>>;
const P = 'zones-prog';
const VISION = 'Samen handen en voeten geven aan een visie';
const MONITORING = 'Monitoring, effectiviteit en ervaringen';

interface Laptop {
  host: Host;
  facilitator: TestClient;
  must(stream: string, command: Record<string, unknown> & { type: string }): Promise<void>;
  session(id: string): Promise<SessionState>;
  workspace(): Promise<WorkspaceState>;
}

async function connect(host: Host): Promise<Laptop> {
  const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
  const read = async (stream: string) => {
    const reader = await TestClient.facilitator(host.url, TEST_TOKEN);
    const snapshot = await reader.subscribe(stream);
    reader.close();
    if (snapshot.t !== 'snapshot') throw new Error(JSON.stringify(snapshot));
    return snapshot.state;
  };
  return {
    host,
    facilitator,
    async must(stream, command) {
      const answer = await facilitator.command(stream, command);
      expect(answer, `${command.type}: ${JSON.stringify(answer)}`).toMatchObject({ t: 'ack' });
    },
    session: async (id) => (await read(id)) as SessionState,
    workspace: async () => (await read(WORKSPACE_STREAM)) as WorkspaceState,
  };
}

/** A programme with two themes, another programme with one, and two sessions of the first. */
async function programme(laptop: Laptop): Promise<void> {
  const { must } = laptop;
  await must(WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
  await must(WORKSPACE_STREAM, { type: 'programme.create', id: 'elders', name: 'Ander programma' });
  await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: VISION });
  await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'mon', programmeId: P, title: MONITORING });
  await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'vreemd', programmeId: 'elders', title: 'Elders' });
  for (const [id, group] of [
    ['s1', 'Programmateam'],
    ['s2', 'Managers'],
  ] as const) {
    await must(WORKSPACE_STREAM, { type: 'session.create', id, templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: group, group, date: '2025-03-12' });
  }
}

describe('zones.arrange through the host', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function laptop(dataDir = tempDataDir('eiland-zones-')): Promise<Laptop> {
    const host = await startTestHost(dataDir);
    const connected = await connect(host);
    cleanups.push(async () => {
      connected.facilitator.close();
      await host.stop();
    });
    return connected;
  }

  it('takes a phone’s note in a theme’s zone, undoes an arrangement exactly, and keeps it after a restart', async () => {
    const dataDir = tempDataDir('eiland-zones-');
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let a = await laptop(dataDir);
    await programme(a);
    await a.must('s1', { type: 'note.add', id: 'side', zoneId: 'wij', text: 'Korte lijnen', x: 300, y: 400 });
    await a.must('s1', { type: 'zones.arrange', mode: 'both', themeIds: ['visie', 'mon'] });
    const both = await a.session('s1');
    expect(workMode(both.template)).toBe('both');
    expect(both.template.zones.filter((zone) => zone.whole).map((zone) => [zone.id, zone.name, zone.themeId])).toEqual([
      [themeZoneId('visie'), VISION, 'visie'],
      [themeZoneId('mon'), MONITORING, 'mon'],
    ]);
    expect(both.flow.phases.map((phase) => phase.id)).toContain(`notes-${themeZoneId('mon')}`);

    // A phone writes into the theme's zone: the note lies inside it and counts as linked to the theme.
    const code = await openRoom(a.facilitator, 's1');
    const phone = await TestClient.phone(a.host.url, code, 'Anna');
    cleanups.push(() => phone.close());
    expect(await phone.command('s1', { type: 'note.add', id: 'van-telefoon', zoneId: themeZoneId('visie'), text: 'Mandaat van bestuurders' })).toMatchObject({ t: 'ack' });
    const written = await a.session('s1');
    const note = written.notes['van-telefoon'];
    if (!note) throw new Error('the phone’s note is missing');
    expect(note.zoneId).toBe(themeZoneId('visie'));
    expect(zoneAt(written.template, note.x, note.y)?.id).toBe(themeZoneId('visie'));
    expect(linkedThemeId(written, note)).toBe('visie');
    // Undoing the arrangement now would leave the phone's note in no zone: refused, nothing changes.
    const refusedUndo = await a.facilitator.command('s1', { type: 'history.undo' });
    expect(refusedUndo).toMatchObject({ t: 'error', code: 'conflict', message: expect.stringContaining(`"${VISION}"`) });
    expect(await a.session('s1')).toEqual(written);

    // Per theme only, on a session whose sides are empty: the theme zones move to fill the world,
    // their notes along; undo gives back template, phases and notes exactly, redo the arrangement.
    await a.must('s2', { type: 'zones.arrange', mode: 'both', themeIds: ['visie', 'mon'] });
    await a.must('s2', { type: 'zone.update', id: 'wij', question: 'Hoe werken we samen als managers?' });
    await a.must('s2', { type: 'note.add', id: 'z1', zoneId: themeZoneId('visie'), text: 'Visie eigen maken' });
    await a.must('s2', { type: 'note.add', id: 'z2', zoneId: themeZoneId('mon'), text: 'Framework maken' });
    await a.must('s2', { type: 'cluster.create', id: 'k1', title: 'Meten', noteIds: ['z2'] });
    const beforeThemes = await a.session('s2');
    await a.must('s2', { type: 'zones.arrange', mode: 'themes', themeIds: ['visie', 'mon'] });
    const themes = await a.session('s2');
    expect(workMode(themes.template)).toBe('themes');
    expect(themes.template.setAside?.map((zone) => zone.id)).toEqual(['wij', 'ik', 'het']);
    expect(themes.template.setAside?.find((zone) => zone.id === 'wij')?.question).toBe('Hoe werken we samen als managers?');
    expect(themes.flow.phases.some((phase) => phase.zoneId === 'wij')).toBe(false);
    for (const id of ['z1', 'z2']) {
      const moved = themes.notes[id];
      if (!moved) throw new Error(`note ${id} is missing`);
      expect(moved).not.toMatchObject({ x: beforeThemes.notes[id]?.x, y: beforeThemes.notes[id]?.y });
      expect(zoneAt(themes.template, moved.x, moved.y)?.id).toBe(moved.zoneId);
    }
    expect(themes.clusters.k1).not.toMatchObject({ x: beforeThemes.clusters.k1?.x, y: beforeThemes.clusters.k1?.y });

    await a.must('s2', { type: 'history.undo' });
    const undone = await a.session('s2');
    expect(undone.template).toEqual(beforeThemes.template);
    expect(undone.flow.phases).toEqual(beforeThemes.flow.phases);
    expect(undone.notes).toEqual(beforeThemes.notes);
    expect(undone.clusters).toEqual(beforeThemes.clusters);
    await a.must('s2', { type: 'history.redo' });
    const redone = await a.session('s2');
    expect(redone.template).toEqual(themes.template);
    expect(redone.notes).toEqual(themes.notes);

    // Acknowledged means kept: the data folder opened again holds both arrangements and the notes.
    a.facilitator.close();
    phone.close();
    await a.host.stop();
    a = await laptop(dataDir);
    const reopened1 = await a.session('s1');
    expect(reopened1.template).toEqual(written.template);
    expect(reopened1.notes).toEqual(written.notes);
    const reopened2 = await a.session('s2');
    expect(reopened2.template).toEqual(themes.template);
    expect(reopened2.flow.phases).toEqual(themes.flow.phases);
    expect(reopened2.notes).toEqual(themes.notes);
    // The undo history came along too: per side again after the restart brings the sides back as they were.
    await a.must('s2', { type: 'history.undo' });
    expect((await a.session('s2')).template).toEqual(beforeThemes.template);
  });

  it('refuses a phone, another programme’s theme and dropping a zone that holds notes, changing nothing', async () => {
    const a = await laptop();
    await programme(a);
    await a.must('s1', { type: 'zones.arrange', mode: 'both', themeIds: ['visie'] });
    await a.must('s1', { type: 'note.add', id: 'z1', zoneId: themeZoneId('visie'), text: 'Visie eigen maken' });
    await a.must('s2', { type: 'note.add', id: 'w1', zoneId: 'wij', text: 'Korte lijnen' });
    const code = await openRoom(a.facilitator, 's1');
    const phone = await TestClient.phone(a.host.url, code, 'Bram');
    cleanups.push(() => phone.close());
    const before = { s1: await a.session('s1'), s2: await a.session('s2'), seq1: a.host.engine.seqOf('s1'), seq2: a.host.engine.seqOf('s2') };

    const refusals: [TestClient, string, Record<string, unknown>, Record<string, unknown>][] = [
      [phone, 's1', { mode: 'both', themeIds: ['visie', 'mon'] }, { code: 'forbidden' }],
      [a.facilitator, 's1', { mode: 'both', themeIds: ['visie', 'vreemd'] }, { code: 'rule_violation', reason: 'theme_wrong_programme' }],
      // Dropping the theme's zone while it holds a note, and setting sides aside that hold one.
      [a.facilitator, 's1', { mode: 'both', themeIds: ['mon'] }, { code: 'rule_violation', reason: 'zone_not_empty' }],
      [a.facilitator, 's1', { mode: 'sides', themeIds: [] }, { code: 'rule_violation', reason: 'zone_not_empty' }],
      [a.facilitator, 's2', { mode: 'themes', themeIds: ['visie'] }, { code: 'rule_violation', reason: 'zone_not_empty' }],
      [a.facilitator, 's1', { mode: 'sideways', themeIds: [] }, { code: 'invalid_payload' }],
    ];
    for (const [client, stream, payload, refusal] of refusals) {
      const answer = await client.command(stream, { type: 'zones.arrange', ...payload });
      expect(answer, JSON.stringify(payload)).toMatchObject({ t: 'error', ...refusal });
      expect(answer.t === 'error' && answer.message.length).toBeGreaterThan(10);
    }
    expect(await a.session('s1')).toEqual(before.s1);
    expect(await a.session('s2')).toEqual(before.s2);
    expect(a.host.engine.seqOf('s1')).toBe(before.seq1);
    expect(a.host.engine.seqOf('s2')).toBe(before.seq2);
  });

  it('prepares the next session with a theme’s zone, and refuses one with more than 12 zones', async () => {
    const a = await laptop();
    await programme(a);
    // One theme linked by hand, the other only by a note in its zone.
    await a.must('s1', { type: 'attention.add', id: 'p1', zoneId: 'wij', title: 'Visie eigen maken in alle organisaties' });
    await a.must('s1', { type: 'theme.link', target: 'point', id: 'p1', themeId: 'visie' });
    await a.must('s1', { type: 'zones.arrange', mode: 'both', themeIds: ['mon'] });
    await a.must('s1', { type: 'note.add', id: 'in-zone', zoneId: themeZoneId('mon'), text: 'Framework maken' });
    await a.must(WORKSPACE_STREAM, {
      type: 'session.duplicate',
      id: 's3',
      sourceId: 's1',
      title: 'Stuurgroep',
      group: 'Stuurgroep',
      date: '2025-04-01',
      themes: [
        { themeId: 'visie', carry: 'whole' },
        { themeId: 'mon', carry: 'whole' },
      ],
    });
    const next = await a.session('s3');
    expect(workMode(next.template)).toBe('both');
    for (const [themeId, title] of [
      ['visie', VISION],
      ['mon', MONITORING],
    ] as const) {
      const zone = next.template.zones.find((candidate) => candidate.themeId === themeId);
      expect(zone).toMatchObject({ id: themeZoneId(themeId), name: title, whole: true });
      expect(next.flow.phases.filter((phase) => phase.zoneId === themeZoneId(themeId)).map((phase) => phase.kind)).toEqual(['observation', 'notes', 'clustering', 'attention']);
    }
    expect(next.notes).toEqual({});
    expect(next.template.zones.filter((candidate) => !candidate.whole).map((candidate) => candidate.id)).toEqual(['wij', 'ik', 'het']);

    // Three sides and ten themes for the whole session do not fit in one model of 12 zones.
    const many = Array.from({ length: 9 }, (_, index) => `extra${index}`);
    for (const id of many) {
      await a.must(WORKSPACE_STREAM, { type: 'theme.create', id, programmeId: P, title: `Thema ${id}` });
      await a.must('s1', { type: 'note.add', id: `note-${id}`, zoneId: 'ik', text: `Over ${id}` });
      await a.must('s1', { type: 'theme.link', target: 'note', id: `note-${id}`, themeId: id });
    }
    const workspaceSeq = a.host.engine.seqOf(WORKSPACE_STREAM);
    const sessionsBefore = Object.keys((await a.workspace()).sessions).sort();
    const refused = await a.facilitator.command(WORKSPACE_STREAM, {
      type: 'session.duplicate',
      id: 's4',
      sourceId: 's1',
      title: 'Te vol',
      date: '2025-04-15',
      themes: ['mon', ...many].map((themeId) => ({ themeId, carry: 'whole' })),
    });
    expect(refused).toMatchObject({ t: 'error', code: 'rule_violation', reason: 'too_many_zones' });
    expect(Object.keys((await a.workspace()).sessions).sort()).toEqual(sessionsBefore);
    expect(a.host.engine.session('s4')).toBeUndefined();
    expect(a.host.engine.seqOf(WORKSPACE_STREAM)).toBe(workspaceSeq);
    expect(await TestClient.facilitator(a.host.url, TEST_TOKEN).then(async (reader) => {
      const answer = await reader.subscribe('s4');
      reader.close();
      return answer.t;
    })).toBe('error');
  });
});
