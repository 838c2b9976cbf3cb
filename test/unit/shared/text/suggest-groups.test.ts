import { describe, expect, it } from 'vitest';
import { suggestGroups } from '../../../../shared/text/suggest-groups';
import { StateBuilder } from '../report/build-state';

/** Notes on the HET side as the programme team might have written them (after the 2025 memo). */
const HET_NOTES: [string, string][] = [
  ['n1', 'Bestaande interventies inventariseren bij betrokken organisaties'],
  ['n2', 'Framework voor monitoring maken: wat willen we weten?'],
  ['n3', 'In kaart brengen omvang generatiearmoede'],
  ['n4', 'Terugkoppeling van de monitoring naar AVK partners'],
  ['n5', 'Onderzoek naar armoede bij jongeren'],
  ['n6', 'Interventies die werken delen met elkaar'],
  ['n7', 'Lerend evalueren in een vast ritme'],
  ['n8', 'Wat is effectiviteit? Monitoren op de doelen'],
  ['n9', 'Koffie bij de start'],
  ['n10', 'Per partner een aanspreekpunt'],
];

function side(notes: [string, string][] = HET_NOTES) {
  const builder = new StateBuilder();
  for (const [id, text] of notes) builder.note(id, 'het', text);
  return builder;
}

describe('suggestGroups', () => {
  it('groups notes with related words and names each group after the shared word', () => {
    const groups = suggestGroups(side().state, 'het');
    expect(groups.map((group) => [group.title, group.noteIds])).toEqual([
      ['Monitoring', ['n2', 'n4', 'n8']],
      ['Armoede', ['n3', 'n5']],
      ['Interventies', ['n1', 'n6']],
    ]);
  });

  it('never puts a note in two groups, and leaves out notes that share nothing', () => {
    const groups = suggestGroups(side().state, 'het');
    const all = groups.flatMap((group) => group.noteIds);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('n9');
    expect(groups.every((group) => group.noteIds.length >= 2)).toBe(true);
  });

  it('skips notes already in a cluster, and notes of other sides', () => {
    const state = side()
      .note('w1', 'wij', 'Monitoring samen bespreken')
      .run({ type: 'cluster.create', id: 'c1', title: 'Meten', noteIds: ['n2', 'n4'], x: 0, y: 0 }).state;
    const groups = suggestGroups(state, 'het');
    expect(groups.flatMap((group) => group.noteIds)).not.toContain('n2');
    expect(groups.flatMap((group) => group.noteIds)).not.toContain('w1');
    expect(groups.find((group) => group.title === 'Monitoring')).toBeUndefined();
  });

  it('proposes nothing for notes that share only stop words', () => {
    const state = side([
      ['a', 'Meer doen met elkaar voor de wijk'],
      ['b', 'Meer doen met elkaar voor het bestuur'],
    ]).state;
    expect(suggestGroups(state, 'het')).toEqual([]);
  });

  it('names a group after two words when its notes share both', () => {
    const state = side([
      ['a', 'Monitoring en evaluatie van de projecten'],
      ['b', 'Evaluatie en monitoring elk kwartaal'],
      ['c', 'Koffie bij de start'],
    ]).state;
    expect(suggestGroups(state, 'het')).toEqual([{ noteIds: ['a', 'b'], title: 'Evaluatie en monitoring', stems: expect.any(Array) }]);
  });

  it('does not count a word that more than half of the side uses, as it tells no notes apart', () => {
    const notes: [string, string][] = [
      ['a', 'Partners betrekken bij de monitoring'],
      ['b', 'Partners betrekken bij de monitoring van projecten'],
      ['c', 'Partners weten niet wie wat doet'],
      ['d', 'Partners missen een aanspreekpunt'],
      ['e', 'Partners vragen om onderzoek'],
      ['f', 'Koffie bij de start'],
    ];
    const groups = suggestGroups(side(notes).state, 'het');
    expect(groups.map((group) => [group.title, group.noteIds])).toEqual([['Monitoring en betrekken', ['a', 'b']]]);
  });

  it('gives the same groups whatever order the notes are stored in', () => {
    const state = side().state;
    const reversed = { ...state, notes: Object.fromEntries(Object.entries(state.notes).reverse()) };
    expect(suggestGroups(reversed, 'het')).toEqual(suggestGroups(state, 'het'));
  });
});
