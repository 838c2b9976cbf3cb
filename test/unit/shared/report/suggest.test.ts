import { describe, expect, it } from 'vitest';
import { keywords, stem, suggestLinks } from '../../../../shared/report/suggest';
import { StateBuilder } from './build-state';

describe('theme link suggestions', () => {
  const programmeTeam = () =>
    new StateBuilder({ id: 'pt', group: 'Programmateam', date: '2024-06-02' })
      .point('a1', 'het', 'Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, uitvoering')
      .point('a2', 'ik', 'Frequentie van programmateam-overleggen moet omhoog');
  const managers = () =>
    new StateBuilder({ id: 'mg', group: 'Managers/leidinggevenden', date: '2024-06-05' })
      .point('b1', null, 'Zorg dat elke partner 1 intern AVK-team optuigt. Met daarin 1x bestuurder, 2x manager en 2x uitvoering')
      .point('b2', null, 'Mandaat krijgen vanuit het bestuur');

  it('suggests points of different sessions that share meaningful words, oldest first', () => {
    const suggestions = suggestLinks([managers().state, programmeTeam().state]);
    // a1 also meets b2 on one strong word ("bestuurlijk" ~ "bestuur"), which the old matcher missed.
    expect(suggestions).toHaveLength(2);
    const [first, second] = suggestions;
    expect(first?.a).toMatchObject({ sessionId: 'pt', pointId: 'a1' });
    expect(first?.b).toMatchObject({ sessionId: 'mg', pointId: 'b1' });
    expect(first?.sharedWords).toEqual(['partner', 'manager', 'uitvoering']);
    expect(first?.themeKey).toBe('Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, uitvoering');
    expect(first?.score).toBeGreaterThan(0.3);
    expect(second?.a).toMatchObject({ sessionId: 'pt', pointId: 'a1' });
    expect(second?.b).toMatchObject({ sessionId: 'mg', pointId: 'b2' });
    expect(second?.sharedWords).toEqual(['bestuurlijk']);
  });

  it('suggests on one strong shared word, also inside a compound', () => {
    const a = new StateBuilder({ id: 'x', date: '2024-01-01' }).point('a', null, 'Generatiearmoede doorbreken in de wijk').state;
    const b = new StateBuilder({ id: 'y', date: '2024-02-01' }).point('b', null, 'Armoede zichtbaar maken bij de partners').state;
    expect(suggestLinks([a, b])[0]?.sharedWords).toEqual(['generatiearmoede']);
    const c = new StateBuilder({ id: 'z' }).point('c', null, 'Nieuwe leden werven voor de stuurgroep').state;
    expect(suggestLinks([a, c])).toEqual([]);
  });

  it('offers an existing theme as the key, and nothing for points that already share one', () => {
    const pt = programmeTeam().run({ type: 'attention.link', id: 'a1', themeKey: 'Aanspreekpunten' }).state;
    expect(suggestLinks([pt, managers().state])[0]?.themeKey).toBe('Aanspreekpunten');
    const mg = managers().run({ type: 'attention.link', id: 'b1', themeKey: 'aanspreekpunten ' }).state;
    expect(suggestLinks([pt, mg]).map((s) => s.b.pointId)).toEqual(['b2']);
  });

  it('never pairs points of the same session, nor on stopwords alone', () => {
    const one = new StateBuilder()
      .point('a1', 'het', 'Partner manager uitvoering')
      .point('a2', 'wij', 'Partner manager uitvoering').state;
    expect(suggestLinks([one])).toEqual([]);
    const a = new StateBuilder({ id: 'x' }).point('a', null, 'Meer doen met elkaar voor het bestuur van deze').state;
    const b = new StateBuilder({ id: 'y' }).point('b', null, 'Meer doen met elkaar voor de wijk van deze').state;
    expect(suggestLinks([a, b])).toEqual([]);
  });

  it('stems with Snowball and drops accents, so plural and singular meet', () => {
    expect(stem('organisaties')).toBe(stem('organisatie'));
    expect(stem('partners')).toBe('partner');
    expect(stem('ideeën')).toBe(stem('ideeen'));
    expect([...keywords('De visie van de AVK eigen maken in alle organisaties').keys()]).toEqual(['visie', 'organisatie']);
  });
});
