import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { themeZoneId, workMode } from '../../../shared/zones';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';

/**
 * A programme whose sessions work per theme and both, carried to another laptop as a programme
 * archive (version 4) over the hosts' own HTTP routes: the templates (sides set aside, zones of
 * the whole session, their themes) and the notes arrive exactly as they were.
 */
type Host = Awaited<ReturnType<typeof startTestHost>>;
const P = 'zones-archief';
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const EDITED_QUESTION = 'Hoe werken wij samen als stuurgroep?';

describe('a programme archive with sessions per theme and both', () => {
  let source: Host;
  let target: Host;
  let facilitator: TestClient;
  const must = async (stream: string, command: Record<string, unknown> & { type: string }) => {
    const answer = await facilitator.command(stream, command);
    expect(answer, `${command.type}: ${JSON.stringify(answer)}`).toMatchObject({ t: 'ack' });
  };

  beforeAll(async () => {
    source = await startTestHost();
    target = await startTestHost();
    facilitator = await TestClient.facilitator(source.url, TEST_TOKEN);
    await must(WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
    await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: 'Samen handen en voeten geven aan een visie' });
    await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'mon', programmeId: P, title: 'Monitoring, effectiviteit en ervaringen' });
    for (const [id, group] of [
      ['per-thema', 'Stuurgroep'],
      ['allebei', 'Managers'],
    ] as const) {
      await must(WORKSPACE_STREAM, { type: 'session.create', id, templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: group, group, date: '2025-04-01' });
    }
    // Per theme only: the sides, one with its own question, are set aside to come back later.
    await must('per-thema', { type: 'zone.update', id: 'wij', question: EDITED_QUESTION });
    await must('per-thema', { type: 'zones.arrange', mode: 'themes', themeIds: ['visie', 'mon'] });
    await must('per-thema', { type: 'note.add', id: 't1', zoneId: themeZoneId('visie'), text: 'Visie eigen maken in alle organisaties' });
    // Both: notes on a side and in both theme zones, one clustered.
    await must('allebei', { type: 'zones.arrange', mode: 'both', themeIds: ['mon', 'visie'] });
    await must('allebei', { type: 'note.add', id: 'b1', zoneId: 'wij', text: 'Korte lijnen met de gemeente' });
    await must('allebei', { type: 'note.add', id: 'b2', zoneId: themeZoneId('visie'), text: 'Mandaat van bestuurders' });
    await must('allebei', { type: 'note.add', id: 'b3', zoneId: themeZoneId('mon'), text: 'Framework maken: wat willen we weten?' });
    await must('allebei', { type: 'note.add', id: 'b4', zoneId: themeZoneId('mon'), text: 'Deel wat werkt' });
    await must('allebei', { type: 'cluster.create', id: 'k1', title: 'Meten', noteIds: ['b3', 'b4'] });
  }, 60_000);

  afterAll(async () => {
    facilitator?.close();
    await source?.cleanup();
    await target?.cleanup();
  });

  it('arrives on a fresh laptop with the same templates and notes', async () => {
    const perTheme = source.engine.session('per-thema') as SessionState;
    expect(workMode(perTheme.template)).toBe('themes');
    expect(perTheme.template.setAside?.find((zone) => zone.id === 'wij')?.question).toBe(EDITED_QUESTION);

    const archive = await fetch(`${source.url}api/export/programme/${P}.sqlite`, { headers: auth });
    expect(archive.status).toBe(200);
    const bytes = new Uint8Array(await archive.arrayBuffer());
    const imported = await fetch(`${target.url}api/import`, { method: 'POST', headers: auth, body: bytes });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({
      sessions: expect.arrayContaining([
        expect.objectContaining({ id: 'per-thema', outcome: 'created' }),
        expect.objectContaining({ id: 'allebei', outcome: 'created' }),
      ]),
    });

    for (const id of ['per-thema', 'allebei']) {
      const before = source.engine.session(id) as SessionState;
      const after = target.engine.session(id) as SessionState;
      expect(after.template).toEqual(before.template);
      expect(after.notes).toEqual(before.notes);
      expect(after.clusters).toEqual(before.clusters);
      expect(after.flow.phases).toEqual(before.flow.phases);
    }
    const arrived = target.engine.session('per-thema') as SessionState;
    expect(arrived.template.setAside?.map((zone) => [zone.id, zone.question])).toContainEqual(['wij', EDITED_QUESTION]);
    expect(arrived.template.zones.map((zone) => [zone.id, zone.whole, zone.themeId])).toEqual([
      [themeZoneId('visie'), true, 'visie'],
      [themeZoneId('mon'), true, 'mon'],
    ]);
    const both = target.engine.session('allebei') as SessionState;
    expect(workMode(both.template)).toBe('both');
    expect(both.notes.b2?.zoneId).toBe(themeZoneId('visie'));
    expect(target.engine.workspace.themes.mon?.title).toBe('Monitoring, effectiviteit en ervaringen');

    // Per side again on the other laptop: the sides come back with the question edited on the first.
    const there = await TestClient.facilitator(target.url, TEST_TOKEN);
    expect(await there.command('per-thema', { type: 'zones.arrange', mode: 'both', themeIds: ['visie', 'mon'] })).toMatchObject({ t: 'ack' });
    there.close();
    const back = target.engine.session('per-thema') as SessionState;
    expect(back.template.zones.find((zone) => zone.id === 'wij')?.question).toBe(EDITED_QUESTION);
    expect(back.template.setAside).toBeUndefined();
    expect(back.notes.t1?.zoneId).toBe(themeZoneId('visie'));
  });
});
