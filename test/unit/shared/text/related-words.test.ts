import { describe, expect, it } from 'vitest';
import { keywords, RELATED_STRENGTH, relate, stem, stemsRelated } from '../../../../shared/text/related-words';

const related = (a: string, b: string) => relate(keywords(a), keywords(b));

describe('related words (Dutch)', () => {
  it('meets plural and singular, verb forms and spelling with accents', () => {
    expect(stem('organisaties')).toBe(stem('organisatie'));
    expect(stem('gezinnen')).toBe(stem('gezin'));
    expect(stem('rollen')).toBe(stem('rol'));
    expect(stem('overleggen')).toBe(stem('overleg'));
    expect(stem('monitoren')).toBe(stem('monitoring'));
    expect(stem('werken')).toBe(stem('werk'));
    expect(stem('bestuurlijk')).toBe(stem('bestuur'));
    expect(stem('ideeën')).toBe(stem('ideeen'));
    expect(stem('kwetsbare')).toBe(stem('kwetsbaar'));
  });

  it('drops stop words of the library and the words a session uses about everything', () => {
    expect([...keywords('De visie van de AVK eigen maken in alle organisaties').values()]).toEqual(['visie', 'organisaties']);
    expect(keywords('Wij hebben het met elkaar samen goed gedaan')).toEqual(new Map([[stem('gedaan'), 'gedaan']]));
    expect(keywords('and the with what from')).toEqual(new Map());
  });

  it('finds no relation on stop words alone', () => {
    const relation = related('Meer doen met elkaar voor het bestuur van deze', 'Meer doen met elkaar voor de wijk van deze');
    expect(relation.shared).toEqual([]);
    expect(relation.strength).toBe(0);
  });

  it('counts a compound ending in a strong word as related, not one ending in a short word', () => {
    expect(stemsRelated(stem('generatiearmoede'), stem('armoede'))).toBe(true);
    expect(stemsRelated(stem('programmateam'), stem('team'))).toBe(false);
    const relation = related('In kaart brengen omvang generatiearmoede', 'Armoede in de wijk');
    expect(relation.shared).toEqual([{ stem: stem('armoede'), word: 'generatiearmoede', other: 'armoede' }]);
    expect(relation.strength).toBeGreaterThanOrEqual(RELATED_STRENGTH);
  });

  it('takes one strong shared word as enough, but one short word is not', () => {
    expect(related('Mandaat krijgen vanuit het bestuur', 'Bestuurlijk draagvlak').strength).toBeGreaterThanOrEqual(RELATED_STRENGTH);
    const short = related('Een vast team per partner', 'Het team kent elkaar');
    expect(short.shared.map((word) => word.word)).toEqual(['team']);
    expect(short.strength).toBeLessThan(RELATED_STRENGTH);
  });
});
