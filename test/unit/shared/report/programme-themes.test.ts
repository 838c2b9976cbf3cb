import { describe, expect, it } from 'vitest';
import type { SessionState, Theme, WorkspaceState } from '../../../../shared/domain';
import { buildProgrammeReport } from '../../../../shared/report/programme-report';
import { programmeThemes } from '../../../../shared/report/programme-themes';
import type { ReportBlock } from '../../../../shared/report/types';
import { StateBuilder } from './build-state';

const VISION: Theme = { id: 'th-visie', programmeId: 'prog', title: 'Samen handen en voeten geven aan een visie', summary: '', createdAt: 1, updatedAt: 1 };
const MONITORING: Theme = { id: 'th-mon', programmeId: 'prog', title: 'Monitoring, effectiviteit en ervaringen', summary: '', createdAt: 2, updatedAt: 2 };
const workspace = (...themes: Theme[]): WorkspaceState => ({ programmes: {}, sessions: {}, actions: {}, themes: Object.fromEntries(themes.map((theme) => [theme.id, theme])) });
const PROGRAMME = { id: 'prog', name: 'Alliantie van Kracht tegen Armoede', createdAt: 0 };

function builder(id: string, group: string, date: string): StateBuilder {
  const made = new StateBuilder({ id, group, date, title: group });
  made.workspace = workspace(VISION, MONITORING);
  return made;
}

/** Three groups; each links something of its own to a theme by hand. */
function sessions(): SessionState[] {
  const pt = builder('pt', 'Programmateam', '2025-03-04')
    .point('pt1', 'het', 'Monitoring, effectiviteit en ervaringen')
    .point('pt2', 'wij', 'Visie eigen maken')
    .run({ type: 'ingredient.add', id: 'i1', attentionPointId: 'pt2', text: 'Begrippen laden' })
    .run({ type: 'theme.link', target: 'point', id: 'pt1', themeId: 'th-mon' })
    .run({ type: 'theme.link', target: 'point', id: 'pt2', themeId: 'th-visie' })
    .join('p1')
    .vote([['p1', 'pt2']]);
  const mg = builder('mg', 'Managers', '2025-03-18')
    .note('n1', 'wij', 'Visie onderdeel van eigen organisatie')
    .note('n2', 'wij', 'Lef en visie')
    .note('n3', 'het', 'Wat werkt, en waarom?')
    .run({ type: 'cluster.create', id: 'c1', title: 'Visie', noteIds: ['n1', 'n2'] })
    .run({ type: 'theme.link', target: 'cluster', id: 'c1', themeId: 'th-visie' })
    .run({ type: 'theme.link', target: 'note', id: 'n3', themeId: 'th-mon' });
  const sg = builder('sg', 'Stuurgroep', '2025-04-01')
    .point('sg1', null, 'Ondersteun de interne beweging')
    .run({ type: 'theme.link', target: 'point', id: 'sg1', themeId: 'th-visie' })
    .point('sg2', null, 'De verbindende rol van de AVK');
  return [pt.state, mg.state, sg.state];
}

const texts = (blocks: readonly ReportBlock[]) =>
  blocks.flatMap((block) => {
    if (block.kind === 'heading' || block.kind === 'paragraph') return [block.text];
    if (block.kind === 'bullets') return block.items;
    if (block.kind === 'leadText') return block.paragraphs.map((paragraph) => `LEAD: ${paragraph}`);
    return [];
  });

describe('programmeThemes', () => {
  it('groups what each group linked by hand per theme: points with dots and ingredients, clusters with notes, notes', () => {
    const { themes, outside } = programmeThemes(sessions(), [VISION, MONITORING]);
    expect(themes.map((theme) => [theme.title, theme.groupCount])).toEqual([
      ['Samen handen en voeten geven aan een visie', 3],
      ['Monitoring, effectiviteit en ervaringen', 2],
    ]);
    const [visie] = themes;
    expect(visie?.sessions.map((part) => part.sessionId)).toEqual(['pt', 'mg', 'sg']);
    expect(visie?.sessions[0]?.points).toEqual([expect.objectContaining({ pointId: 'pt2', dots: 1, ingredients: ['Begrippen laden'] })]);
    expect(visie?.sessions[1]?.clusters).toEqual([{ title: 'Visie', notes: ['Visie onderdeel van eigen organisatie', 'Lef en visie'] }]);
    expect(themes[1]?.sessions[1]?.notes).toEqual(['Wat werkt, en waarom?']);
    expect(outside.map((ref) => ref.pointId)).toEqual(['sg2']);
  });

  it('reads a link to a deleted theme as no link', () => {
    const { themes, outside } = programmeThemes(sessions(), [VISION]);
    expect(themes.map((theme) => theme.title)).toEqual([VISION.title]);
    expect(outside.map((ref) => ref.pointId)).toEqual(['pt1', 'sg2']);
  });

  it('keeps links made before themes were records: an old key joins the theme of that title', () => {
    const old = new StateBuilder({ id: 'old', group: 'Werkgroep', date: '2024-01-01' }).point('o1', null, 'Visie', { themeKey: ' samen handen en VOETEN geven aan een visie' }).state;
    const { themes } = programmeThemes([old, ...sessions()], [VISION, MONITORING]);
    expect(themes[0]?.title).toBe(VISION.title);
    expect(themes[0]?.groupCount).toBe(4);
    expect(themes[0]?.sessions[0]?.points.map((point) => point.pointId)).toEqual(['o1']);
  });
});

describe('"Samengevat" with the lead’s texts', () => {
  it('prints the introduction, each theme with "genoemd door N groepen", the lead’s text and what each group said', () => {
    const programme = { ...PROGRAMME, introduction: 'Drie groepen keken terug.\n\nDit is wat opviel.' };
    const themes = [{ ...VISION, summary: 'Alle groepen willen de visie eigen maken.' }, MONITORING];
    const report = buildProgrammeReport(programme, sessions(), { locale: 'nl', themes });
    const summary = texts(report.blocks.slice(report.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Samengevat')));
    const upTo = summary.indexOf('Uitkomsten Programmateam');
    expect(summary.slice(0, upTo)).toEqual([
      'Samengevat',
      'LEAD: Drie groepen keken terug.',
      'LEAD: Dit is wat opviel.',
      'Thema: Samen handen en voeten geven aan een visie',
      'Genoemd door 3 groepen',
      'LEAD: Alle groepen willen de visie eigen maken.',
      'Programmateam (4 maart 2025)',
      'Visie eigen maken · 1 stip',
      'Dit zijn de ingrediënten',
      'Begrippen laden',
      'Managers (18 maart 2025)',
      'Daarbij is het volgende ingebracht',
      'Visie: Visie onderdeel van eigen organisatie; Lef en visie',
      'Stuurgroep (1 april 2025)',
      'Ondersteun de interne beweging · 0 stippen',
      'Thema: Monitoring, effectiviteit en ervaringen',
      'Genoemd door 2 groepen',
      'Programmateam (4 maart 2025)',
      'Monitoring, effectiviteit en ervaringen · 0 stippen',
      'Managers (18 maart 2025)',
      'Daarbij is het volgende ingebracht',
      'Wat werkt, en waarom?',
      'Alleen in één groep genoemd',
      'Stuurgroep (1 april 2025): De verbindende rol van de AVK · 0 stippen',
    ]);
    expect(report.blocks).toContainEqual({ kind: 'leadText', purpose: 'themeSummary', themeId: 'th-visie', paragraphs: ['Alle groepen willen de visie eigen maken.'] });
  });

  it('lists a theme the lead wrote about even when nothing is linked to it yet, in English too', () => {
    const lonely: Theme = { ...MONITORING, id: 'th-new', title: 'Mandaat', summary: 'Nog te bespreken.' };
    const report = buildProgrammeReport(PROGRAMME, sessions(), { locale: 'en', themes: [VISION, MONITORING, lonely] });
    const all = texts(report.blocks);
    expect(all).toContain('Theme: Mandaat');
    expect(all).toContain('LEAD: Nog te bespreken.');
  });
});
