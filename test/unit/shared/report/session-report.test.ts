import { describe, expect, it } from 'vitest';
import { APPENDIX_FULL_LIMIT, buildSessionReport, SUMMARY_NOTES_PER_SIDE, SUMMARY_THEMES_PER_SIDE, sidesInOrder } from '../../../../shared/report/session-report';
import type { PointBlock, ReportBlock } from '../../../../shared/report/types';
import { participant, StateBuilder } from './build-state';

const headings = (blocks: ReportBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
const points = (blocks: ReportBlock[]) => blocks.filter((b): b is PointBlock => b.kind === 'point');

/** The HET side of the memo's programme team: two points, five ingredients, other points. */
function memoLike(): StateBuilder {
  return new StateBuilder()
    .run({ type: 'observation.set', zoneId: 'het', text: 'Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen.' })
    .point('a1', 'het', 'Per partner 1 afvaardigingsteam/aanspreekpunt')
    .point('a2', 'het', 'Monitoring, effectiviteit en ervaringen', { themeKey: 'Monitoring, effectiviteit en ervaringen' })
    .run({ type: 'attention.edit', id: 'a2', chosen: true })
    .run({ type: 'ingredient.add', id: 'i1', attentionPointId: 'a2', text: 'Bestaande interventies inventariseren' })
    .run({ type: 'ingredient.add', id: 'i2', attentionPointId: 'a2', text: 'Framework maken' })
    .run({ type: 'other.add', id: 'o1', zoneId: 'het', text: 'Weten wie waar wat doet en met wie' })
    .note('n1', 'het', 'Lerend evalueren')
    .note('n2', 'het', 'Wat werkt waar?')
    .note('n3', 'wij', 'Samen leren')
    .run({ type: 'cluster.create', id: 'k1', title: 'Zicht op wat werkt', noteIds: ['n1', 'n2'] })
    .join('p1', 'p2', 'p3')
    .vote([
      ['p1', 'a2'],
      ['p2', 'a2'],
      ['p3', 'a2'],
      ['p1', 'a1'],
    ]);
}

describe('session report model', () => {
  it('opens with the title page facts and the model', () => {
    // p4 joined and did nothing: joined, but did not take part.
    const report = buildSessionReport(memoLike().join('p4').state, { locale: 'nl', programmeName: 'Alliantie van Kracht tegen Armoede' });
    expect(report.blocks[0]).toMatchObject({ kind: 'title', text: 'Eiland van reflectie programmateam', subtitle: 'Programmateam · 2 juni 2024' });
    const facts = report.blocks[1];
    expect(facts?.kind).toBe('facts');
    const rows = facts?.kind === 'facts' ? Object.fromEntries(facts.rows.map((row) => [row.label, row.value])) : {};
    expect(rows).toMatchObject({
      Programma: 'Alliantie van Kracht tegen Armoede',
      Groep: 'Programmateam',
      Datum: '2 juni 2024',
      Procesbegeleider: 'Lauren Algra',
      'Deden mee (notitie of stip)': '3',
      'Aangemeld (met telefoon)': '4',
      'Aantal notities': '3',
    });
    expect(report.blocks[2]).toMatchObject({ kind: 'heading', newPage: true });
    const model = report.blocks[3];
    expect(model?.kind === 'model' && model.figure.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(model?.kind === 'model' && model.figure.clusters.map((c) => c.title)).toEqual(['Zicht op wat werkt']);
    expect(report.pageLabel).toBe('Pagina {page} van {pages}');
  });

  it('ranks the attention points of a side by dots, with ingredients in order', () => {
    const report = buildSessionReport(memoLike().state, { locale: 'nl', programmeName: null });
    const ranked = points(report.blocks);
    expect(ranked.map((p) => [p.rank, p.title, p.dots, p.dotsLabel])).toEqual([
      [1, 'Monitoring, effectiviteit en ervaringen', 3, '3 stippen'],
      [2, 'Per partner 1 afvaardigingsteam/aanspreekpunt', 1, '1 stip'],
    ]);
    expect(ranked[0]?.ingredients).toEqual(['Bestaande interventies inventariseren', 'Framework maken']);
    expect(ranked[0]?.chosenLabel).toBe('Gekozen voor het faseplan');
    // The theme is the point's own title: saying it twice would be noise.
    expect(ranked[0]?.themeLabel).toBeNull();
    expect(ranked[1]?.ingredientsHeading).toBeNull();
  });

  it('writes each side as in the memo: observation, points, other points; empty sides are left out', () => {
    const report = buildSessionReport(memoLike().state, { locale: 'nl', programmeName: null });
    const titles = headings(report.blocks);
    expect(titles).toContain('HET-kant');
    expect(titles).not.toContain('IK-kant');
    const het = titles.indexOf('HET-kant');
    expect(titles.slice(het, het + 4)).toEqual(['HET-kant', 'Wat gaat goed?', 'Aandachtspunten voor het volgende faseplan', 'Overig genoemde punten']);
    expect(report.blocks).toContainEqual({ kind: 'bullets', items: ['Weten wie waar wat doet en met wie'] });
  });

  it('gives session-wide attention points their own section', () => {
    const state = memoLike().point('s1', null, 'Mandaat krijgen vanuit het bestuur').state;
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    const titles = headings(report.blocks);
    const index = titles.indexOf('Aandachtspunten voor de hele sessie');
    expect(index).toBeGreaterThan(titles.indexOf('HET-kant'));
    // Its place is its place in the whole session: after the HET points that got dots.
    const dotted = points(report.blocks).filter((point) => point.dots > 0).length;
    expect(dotted).toBeGreaterThan(0);
    expect(points(report.blocks).at(-1)).toMatchObject({ title: 'Mandaat krijgen vanuit het bestuur', rank: dotted + 1, dots: 0 });
  });

  it('ranks every point of the session in one table, ties sharing their place, before the sides', () => {
    const state = memoLike()
      .point('w1', 'wij', 'Elkaar vaker opzoeken')
      .vote([['p2', 'w1']])
      .state;
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    const tableAt = report.blocks.findIndex((b) => b.kind === 'table');
    const table = report.blocks[tableAt];
    expect(table).toMatchObject({
      kind: 'table',
      columns: ['Plaats', 'Aandachtspunt', 'Kant', 'Stippen'],
      rows: [
        ['1', 'Monitoring, effectiviteit en ervaringen', 'HET-kant', '3 stippen'],
        // A tie keeps the ballot's order: this session has no phases, so the template's (WIJ before HET).
        ['2 (gedeeld)', 'Elkaar vaker opzoeken', 'WIJ-kant', '1 stip'],
        ['2 (gedeeld)', 'Per partner 1 afvaardigingsteam/aanspreekpunt', 'HET-kant', '1 stip'],
      ],
    });
    expect(report.blocks[tableAt - 2]).toMatchObject({ kind: 'heading', text: 'Rangorde van de aandachtspunten' });
    expect(tableAt).toBeLessThan(report.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'HET-kant'));
    // The WIJ side lists its point with its place in the whole session, not 1.
    expect(points(report.blocks).find((point) => point.title === 'Elkaar vaker opzoeken')).toMatchObject({ rank: 2, dots: 1 });
  });

  it('has no ranking table while no dot was cast', () => {
    const state = new StateBuilder().point('a1', 'het', 'Iets').state;
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    expect(report.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(headings(report.blocks)).not.toContain('Rangorde van de aandachtspunten');
  });

  it('lists every note in the appendix per side (in phase order) and cluster, loose notes last', () => {
    const state = memoLike().note('n4', 'het', 'Los punt').state;
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    const appendix = report.blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Bijlage'));
    const groups = report.blocks.slice(appendix).filter((b) => b.kind === 'noteGroup');
    expect(groups).toEqual([
      { kind: 'noteGroup', title: 'Zonder thema', color: '#56B4E9', notes: ['Samen leren'] },
      { kind: 'noteGroup', title: 'Zicht op wat werkt', color: '#009E73', notes: ['Lerend evalueren', 'Wat werkt waar?'] },
      { kind: 'noteGroup', title: 'Zonder thema', color: '#009E73', notes: ['Los punt'] },
    ]);
  });

  it('follows the order of the phases, so the report reads as the session went', () => {
    const builder = memoLike().run({
      type: 'phases.configure',
      phases: [
        { id: 'o-het', kind: 'observation', zoneId: 'het' },
        { id: 'o-ik', kind: 'observation', zoneId: 'ik' },
      ],
    });
    expect(sidesInOrder(builder.state).map((z) => z.id)).toEqual(['het', 'ik', 'wij']);
  });

  it('leaves out notes still waiting for approval, which never reached the wall', () => {
    const builder = memoLike().run({ type: 'settings.update', moderation: true });
    builder.run({ type: 'note.add', id: 'n9', zoneId: 'ik', text: 'nog niet goedgekeurd' }, participant('p1'));
    expect(builder.state.notes.n9?.pending).toBe(true);
    const report = buildSessionReport(builder.state, { locale: 'nl', programmeName: null });
    expect(JSON.stringify(report)).not.toContain('nog niet goedgekeurd');
  });

  it('speaks English when asked', () => {
    const report = buildSessionReport(memoLike().state, { locale: 'en', programmeName: null });
    expect(headings(report.blocks)).toContain('What is going well?');
    expect(points(report.blocks)[0]?.dotsLabel).toBe('3 dots');
    expect(report.blocks[0]).toMatchObject({ subtitle: 'Programmateam · 2 June 2024' });
    expect(report.pageLabel).toBe('Page {page} of {pages}');
  });

  it('keeps note text exactly as typed', () => {
    const hostile = '<script>alert(1)</script> %PDF-1.4 {page} ‮';
    const state = new StateBuilder().note('n1', 'ik', hostile).state;
    const report = buildSessionReport(state, { locale: 'nl', programmeName: null });
    expect(report.blocks).toContainEqual(expect.objectContaining({ kind: 'noteGroup', notes: [hostile] }));
  });
});

// Thousands of notes are added one command at a time (each placed on a free spot): slow, not a speed test.
describe('session report of a very large wall', { timeout: 120_000 }, () => {
  const wall = (count: number) => {
    const builder = new StateBuilder();
    for (let index = 0; index < count; index += 1) builder.note(`n${index}`, ['wij', 'ik', 'het'][index % 3] as string, `Notitie ${index}`);
    return builder.run({ type: 'cluster.create', id: 'k1', title: 'Samen leren', noteIds: ['n0', 'n3', 'n6'] }).state;
  };
  const appendixOf = (blocks: ReportBlock[]) => blocks.slice(blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('Bijlage')));
  const listed = (blocks: ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'noteGroup' ? b.notes : []));

  it('lists every note up to APPENDIX_FULL_LIMIT notes', () => {
    const report = buildSessionReport(wall(APPENDIX_FULL_LIMIT), { locale: 'nl', programmeName: null });
    expect(listed(appendixOf(report.blocks))).toHaveLength(APPENDIX_FULL_LIMIT);
    expect(report.blocks.find((b) => b.kind === 'model')).toMatchObject({ caption: expect.stringContaining('Alle notities staan ook in de bijlage') });
  });

  it('past it, summarises per side: counts, themes with sizes, the first notes, and says where the rest is', () => {
    const perSide = Math.ceil((APPENDIX_FULL_LIMIT + 1) / 3);
    const count = 3 * perSide;
    const report = buildSessionReport(wall(count), { locale: 'nl', programmeName: null });
    const appendix = appendixOf(report.blocks);
    expect(appendix[0]).toMatchObject({ kind: 'heading', text: 'Bijlage: de notities samengevat' });
    expect(appendix[1]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining(`Deze sessie heeft ${count} notities.`) });
    expect(listed(appendix)).toHaveLength(3 * SUMMARY_NOTES_PER_SIDE);
    expect(appendix).toContainEqual({ kind: 'paragraph', text: `${perSide} notities, 1 thema.`, tone: 'body' });
    expect(appendix).toContainEqual({ kind: 'bullets', items: ['Samen leren (3 notities)'] });
    expect(appendix).toContainEqual({ kind: 'paragraph', text: `En nog ${perSide - SUMMARY_NOTES_PER_SIDE} notities aan deze kant: zie de CSV-export.`, tone: 'muted' });
    expect(report.blocks.find((b) => b.kind === 'model')).toMatchObject({ caption: expect.stringContaining('De bijlage vat de notities samen') });
  });

  it('names only the largest themes of a side and counts the others', () => {
    const builder = new StateBuilder();
    for (let index = 0; index < APPENDIX_FULL_LIMIT + 1; index += 1) builder.note(`n${index}`, 'het', `Notitie ${index}`);
    for (let theme = 0; theme < SUMMARY_THEMES_PER_SIDE + 5; theme += 1) {
      builder.run({ type: 'cluster.create', id: `k${theme}`, title: `Thema ${theme}`, noteIds: [`n${theme * 2}`, `n${theme * 2 + 1}`].slice(0, theme === 0 ? 2 : 1) });
    }
    const english = buildSessionReport(builder.state, { locale: 'en', programmeName: null }).blocks;
    const bullets = english.find((b) => b.kind === 'bullets');
    expect(bullets?.kind === 'bullets' && bullets.items).toHaveLength(SUMMARY_THEMES_PER_SIDE);
    expect(bullets?.kind === 'bullets' && bullets.items[0]).toBe('Thema 0 (2 notes)');
    expect(english).toContainEqual({ kind: 'paragraph', text: 'And 5 more themes: see the CSV export.', tone: 'muted' });
  });
});
