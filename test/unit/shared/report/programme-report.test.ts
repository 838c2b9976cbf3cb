import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/domain';
import { buildProgrammeReport } from '../../../../shared/report/programme-report';
import { normaliseThemeKey, pointsOutsideThemes, recurringThemes } from '../../../../shared/report/themes';
import { StateBuilder } from './build-state';

const VISION = 'Samen handen en voeten geven aan een visie';
const PROGRAMME = { id: 'prog', name: 'Alliantie van Kracht tegen Armoede', createdAt: 0 };

function programmeTeam(): SessionState {
  return new StateBuilder({ id: 'pt', group: 'Programmateam', date: '2024-06-02', title: 'Programmateam' })
    .point('pt-a1', 'wij', 'De visie eigen maken in alle organisaties', { themeKey: VISION })
    .point('pt-a2', 'het', 'Monitoring, effectiviteit en ervaringen', { themeKey: 'Monitoring' })
    .join('p1')
    .vote([
      ['p1', 'pt-a1'],
      ['p1', 'pt-a1'],
    ]).state;
}

function managers(): SessionState {
  return new StateBuilder({ id: 'mg', group: 'Managers/leidinggevenden', date: '2024-06-05', title: 'Managers' })
    .point('mg-a1', null, 'Handen en voeten geven aan de visie', { themeKey: '  samen handen en VOETEN geven aan een visie ' })
    .point('mg-a2', null, 'Mandaat krijgen vanuit het bestuur')
    .join('p1')
    .vote([['p1', 'mg-a1']]).state;
}

describe('recurring themes', () => {
  it('groups points of different sessions by theme key, ignoring case and spacing', () => {
    const themes = recurringThemes([managers(), programmeTeam()]);
    expect(themes).toHaveLength(1);
    expect(themes[0]).toMatchObject({ key: normaliseThemeKey(VISION), title: VISION, groupCount: 2 });
    // Oldest session first.
    expect(themes[0]?.points.map((p) => [p.sessionId, p.dots])).toEqual([
      ['pt', 2],
      ['mg', 1],
    ]);
  });

  it('needs two sessions: a key used in one session only is no recurring theme', () => {
    expect(recurringThemes([programmeTeam()])).toEqual([]);
  });

  it('names a theme after the point it came from when the key is that point’s id', () => {
    // As prepareNextSession carries a chosen point over: its id becomes the key.
    const linked = new StateBuilder({ id: 'pt', group: 'Programmateam', date: '2024-06-02' })
      .point('pt-a2', 'het', 'Monitoring, effectiviteit en ervaringen')
      .run({ type: 'attention.link', id: 'pt-a2', themeKey: 'pt-a2' }).state;
    const next = new StateBuilder({ id: 'sg', group: 'Stuurgroep', date: '2024-06-11' }).point('sg-a1', null, 'Ondersteun de beweging', { themeKey: 'pt-a2' }).state;
    const themes = recurringThemes([linked, next]);
    expect(themes.map((t) => t.title)).toEqual(['Monitoring, effectiviteit en ervaringen']);
  });

  it('lists the points outside any theme, so nothing said is lost', () => {
    const sessions = [programmeTeam(), managers()];
    const outside = pointsOutsideThemes(sessions, recurringThemes(sessions)).map((p) => p.pointId);
    expect(outside).toEqual(['pt-a2', 'mg-a2']);
  });
});

describe('programme summary model', () => {
  it('opens with "Samengevat" and its linked points, then a section per session by date', () => {
    const report = buildProgrammeReport(PROGRAMME, [managers(), programmeTeam()], { locale: 'nl' });
    const headings = report.blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings.filter((h) => h.startsWith('Uitkomsten'))).toEqual(['Uitkomsten Programmateam', 'Uitkomsten Managers/leidinggevenden']);
    const summary = headings.indexOf('Samengevat');
    expect(summary).toBeLessThan(headings.indexOf('Uitkomsten Programmateam'));
    expect(headings.slice(summary, headings.indexOf('Uitkomsten Programmateam'))).toEqual([
      'Samengevat',
      `Thema: ${VISION}`,
      'Programmateam (2 juni 2024)',
      'Managers/leidinggevenden (5 juni 2024)',
      'Alleen in één groep genoemd',
    ]);
    const bullets = report.blocks.filter((b) => b.kind === 'bullets').map((b) => (b as { items: string[] }).items);
    expect(bullets).toContainEqual(['De visie eigen maken in alle organisaties · 2 stippen']);
    expect(bullets).toContainEqual(['Handen en voeten geven aan de visie · 1 stip']);
    expect(report.blocks[0]).toMatchObject({ kind: 'title', text: PROGRAMME.name, subtitle: '2 juni 2024 – 5 juni 2024' });
  });

  it('says so when nothing is linked yet, and never links by itself', () => {
    const unlinked = managers();
    const plain = { ...unlinked, attentionPoints: Object.fromEntries(Object.entries(unlinked.attentionPoints).map(([id, p]) => [id, { ...p, themeKey: null }])) };
    const report = buildProgrammeReport(PROGRAMME, [programmeTeam(), plain], { locale: 'nl' });
    expect(report.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: expect.stringContaining('Er zijn nog geen aandachtspunten aan elkaar gekoppeld') }));
  });

  it('handles an empty choice of sessions', () => {
    const report = buildProgrammeReport(PROGRAMME, [], { locale: 'en' });
    expect(report.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: 'No sessions were chosen.' }));
  });
});
