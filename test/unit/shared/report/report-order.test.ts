import { describe, expect, it } from 'vitest';
import { otherPointsOf } from '../../../../shared/other-points';
import { buildProgrammeReport } from '../../../../shared/report/programme-report';
import { buildSessionReport } from '../../../../shared/report/session-report';
import type { PointBlock, ReportBlock } from '../../../../shared/report/types';
import { StateBuilder } from './build-state';

/**
 * Issue 13, items 4 and 7: the reports keep everything the group said, in the order it was said,
 * and read in the order the session ran.
 */
const PROGRAMME = { id: 'prog', name: 'Alliantie van Kracht tegen Armoede', createdAt: 0 };
const MONITORING = 'Monitoring, effectiviteit en ervaringen';

/** Ids chosen so that sorting by id would give another order than entering them. */
function session(): StateBuilder {
  return new StateBuilder({ id: 'pt', group: 'Programmateam', facilitator: 'Lauren Algra' })
    .run({
      type: 'phases.configure',
      phases: [
        { id: 'o-het', kind: 'observation', zoneId: 'het' },
        { id: 'o-wij', kind: 'observation', zoneId: 'wij' },
        { id: 'o-ik', kind: 'observation', zoneId: 'ik' },
      ],
    })
    .note('z-n1', 'het', 'Bestaande interventies')
    .note('a-n2', 'het', 'Mandaat van bestuurders')
    .note('m-n3', 'het', 'Framework maken')
    .note('b-n4', 'wij', "What's in it for me")
    .note('y-n5', 'ik', 'Over schotten heen kijken')
    .run({ type: 'cluster.create', id: 'k1', title: 'Zicht op wat werkt', noteIds: ['z-n1', 'm-n3'] })
    .run({ type: 'other.add', id: 'z-o1', zoneId: 'het', text: 'Avk doelen vastklikken aan wettelijke taken' })
    .run({ type: 'other.add', id: 'a-o2', zoneId: 'het', text: 'Veel beter inzichtelijk maken' })
    .run({ type: 'other.add', id: 'm-o3', zoneId: 'het', text: 'Zijn organisaties AVK proof?' })
    .run({ type: 'other.add', id: 'b-o4', zoneId: null, text: 'Weten wie waar wat doet' })
    .run({ type: 'other.add', id: 'a-o5', zoneId: null, text: 'Lerend evalueren' })
    .point('a1', 'het', MONITORING, { themeKey: MONITORING })
    .run({ type: 'ingredient.add', id: 'z-i1', attentionPointId: 'a1', text: 'Inventariseren' })
    .run({ type: 'ingredient.add', id: 'a-i2', attentionPointId: 'a1', text: 'Framework' })
    .run({ type: 'ingredient.add', id: 'm-i3', attentionPointId: 'a1', text: 'Terugkoppeling naar partners' })
    .point('a2', 'wij', 'Visie eigen maken', { themeKey: 'Samen handen en voeten geven aan een visie' })
    .point('a3', 'wij', 'Ondersteuning bieden', { themeKey: 'Samen handen en voeten geven aan een visie' })
    .run({ type: 'ingredient.add', id: 'i9', attentionPointId: 'a3', text: 'Onboarding' });
}

const headings = (blocks: readonly ReportBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
const bulletsAfter = (blocks: readonly ReportBlock[], heading: string, from = 0) => {
  const at = blocks.findIndex((block, index) => index >= from && block.kind === 'heading' && block.text === heading);
  const list = blocks.slice(at).find((block) => block.kind === 'bullets');
  return { at, items: list?.kind === 'bullets' ? list.items : [] };
};
const noteGroups = (blocks: readonly ReportBlock[]) => blocks.flatMap((block) => (block.kind === 'noteGroup' ? [block] : []));
const pointsOf = (blocks: readonly ReportBlock[]) => blocks.filter((block): block is PointBlock => block.kind === 'point');

describe('the programme report keeps every note', () => {
  it('lists clustered and unclustered notes of every side, the loose ones under their side after its clusters', () => {
    const state = session().state;
    const report = buildProgrammeReport(PROGRAMME, [state], { locale: 'nl' });
    const groups = noteGroups(report.blocks);
    const listed = groups.flatMap((group) => group.notes);
    for (const note of Object.values(state.notes)) expect(listed, note.text).toContain(note.text);
    // HET first (the session ran it first): its cluster, then its loose note; then WIJ, then IK.
    expect(groups.map((group) => [group.title, group.notes])).toEqual([
      ['Zicht op wat werkt', ['Bestaande interventies', 'Framework maken']],
      ['HET-kant: zonder thema', ['Mandaat van bestuurders']],
      ['WIJ-kant: zonder thema', ["What's in it for me"]],
      ['IK-kant: zonder thema', ['Over schotten heen kijken']],
    ]);
  });

  it('lists the loose notes of a theme’s zone under the theme’s name, after the sides', () => {
    const builder = session();
    const state = builder.run({ type: 'zones.arrange', mode: 'both', themeIds: [] }).note('hz', 'hele-sessie', 'Urgentie blijven voelen').state;
    const groups = noteGroups(buildProgrammeReport(PROGRAMME, [state], { locale: 'nl' }).blocks);
    expect(groups.at(-1)).toMatchObject({ title: 'Hele sessie', notes: ['Urgentie blijven voelen'] });
    expect(groups.some((group) => group.title.startsWith('Hele sessie:'))).toBe(false);
  });

  it('heads each session with the memo’s facts: programme, group, date and facilitator', () => {
    const report = buildProgrammeReport(PROGRAMME, [session().state], { locale: 'nl' });
    const at = report.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Uitkomsten Programmateam');
    expect(report.blocks[at + 1]).toEqual({
      kind: 'facts',
      rows: [
        { label: 'Programma', value: PROGRAMME.name },
        { label: 'Groep', value: 'Programmateam' },
        { label: 'Datum', value: '2 juni 2024' },
        { label: 'Procesbegeleider', value: 'Lauren Algra' },
      ],
    });
  });
});

describe('entry order and session order', () => {
  for (const kind of ['session', 'programme'] as const) {
    const build = () => {
      const state = session().state;
      return kind === 'session' ? buildSessionReport(state, { locale: 'nl', programmeName: PROGRAMME.name }).blocks : buildProgrammeReport(PROGRAMME, [state], { locale: 'nl' }).blocks;
    };

    it(`keeps the order other points were entered in (${kind} report)`, () => {
      const blocks = build();
      const het = bulletsAfter(blocks, 'Overig genoemde punten');
      expect(het.items).toEqual(['Avk doelen vastklikken aan wettelijke taken', 'Veel beter inzichtelijk maken', 'Zijn organisaties AVK proof?']);
      expect(bulletsAfter(blocks, 'Overig genoemde punten', het.at + 1).items).toEqual(['Weten wie waar wat doet', 'Lerend evalueren']);
    });

    it(`keeps the order ingredients were entered in, under the theme's name (${kind} report)`, () => {
      const [monitoring, , support] = pointsOf(build());
      expect(monitoring).toMatchObject({ title: MONITORING, ingredientsTheme: MONITORING, ingredientsHeading: 'Dit zijn de ingrediënten', themeLabel: null });
      expect(monitoring?.ingredients).toEqual(['Inventariseren', 'Framework', 'Terugkoppeling naar partners']);
      expect(support).toMatchObject({ ingredientsTheme: 'Samen handen en voeten geven aan een visie', ingredients: ['Onboarding'], themeLabel: null });
    });

    it(`lists the sides in the order the session ran them (${kind} report)`, () => {
      const sides = headings(build()).filter((text) => /^(IK|WIJ|HET)-kant$/.test(text));
      expect(sides).toEqual(['HET-kant', 'WIJ-kant']);
    });
  }

  it('labels a themed point without ingredients with its theme instead', () => {
    const [, vision] = pointsOf(buildSessionReport(session().state, { locale: 'nl', programmeName: null }).blocks);
    expect(vision).toMatchObject({ title: 'Visie eigen maken', ingredientsTheme: null, themeLabel: 'Thema: Samen handen en voeten geven aan een visie' });
  });
});

describe('other points stored before they had an order', () => {
  it('come first, by id among themselves, then those entered since in their order', () => {
    const point = (id: string, order: number) => ({ id, zoneId: 'het', text: id, order });
    const otherPoints = { z: point('z', 0), b: point('b', 0), n2: point('n2', 2), n1: point('n1', 1), w: { ...point('w', 1), zoneId: 'wij' } };
    expect(otherPointsOf({ otherPoints }, 'het').map((p) => p.id)).toEqual(['b', 'z', 'n1', 'n2']);
    expect(otherPointsOf({ otherPoints }, null)).toEqual([]);
  });
});
