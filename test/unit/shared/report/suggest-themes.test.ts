import { describe, expect, it } from 'vitest';
import type { Theme } from '../../../../shared/domain';
import { suggestThemes } from '../../../../shared/report/suggest-themes';
import { StateBuilder } from './build-state';

/**
 * The attention points and cluster headings of the three sessions in the reference memo
 * ("Eilanden van reflectie", 2025), as the groups wrote them, with no theme linked yet.
 */
function cluster(builder: StateBuilder, id: string, zoneId: string, title: string, notes: string[]): StateBuilder {
  for (const [index, text] of notes.entries()) builder.note(`${id}n${index}`, zoneId, text);
  return builder.run({ type: 'cluster.create', id, title, noteIds: notes.map((_, index) => `${id}n${index}`) });
}

function programmeTeam(): StateBuilder {
  return new StateBuilder({ id: 'pt', group: 'Programmateam', date: '2025-03-04' })
    .point('pt1', 'het', 'Monitoring, effectiviteit en ervaringen')
    .point('pt2', 'het', 'Per partner 1 afvaardigingsteam/aanspreekpunt. Bestuurlijk, manager, uitvoering')
    .point('pt3', 'wij', 'Visie eigen maken in alle bij de AVK betrokken organisaties. Samen handen en voeten geven aan een visie. Begrippen laden zoals effectiviteit en maatwerk.')
    .point('pt4', 'wij', 'Welke ondersteuning kunnen we partners bieden vanuit AVK richting vertaling naar praktijk');
}

function managers(): StateBuilder {
  const builder = new StateBuilder({ id: 'mg', group: 'Managers/leidinggevenden', date: '2025-03-18' })
    .point('mg1', null, 'Handen en voeten geven aan de visie van de Alliantie van Kracht en deze visie onderdeel laten zijn van eigen organisatie visie')
    .point('mg2', null, 'Meer doorvoelen waar we het over hebben als het gaat over generatiearmoede')
    .point('mg3', null, 'Mandaat krijgen vanuit het bestuur om dingen anders te doen en hiervoor tijd in te zetten')
    .point('mg4', null, 'Meer zichtbaar maken: wat het programma als geheel bereikt, wat de beweging is en meer inzicht in de ervaringen vd mensen voor wie we het doen')
    .point('mg5', null, 'Zorg dat elke partner 1 intern AVK team optuigt. Met daarin 1x bestuurder, 2x manager en 2x uitvoering');
  cluster(builder, 'mgc1', 'wij', 'Samen handen en voeten geven aan een visie', ['Visie Alliantie van Kracht onderdeel laten zijn van eigen organisatie visie']);
  return cluster(builder, 'mgc2', 'het', 'Monitoring, effectiviteit en ervaringen', ['Meer inzicht in de ervaringen van de mensen voor wie we het doen']);
}

function steeringGroup(): StateBuilder {
  const builder = new StateBuilder({ id: 'sg', group: 'Stuurgroep', date: '2025-04-01' })
    .point('sg1', null, 'Ondersteun met het programmateam vanuit de AVk de interne beweging van de partners')
    .point('sg2', null, 'Zorg voor een lerende gemeenschap en doorleving in de praktijk. Deel wat werkt, maak het praktisch en geef handelingsperspectief')
    .point('sg3', null, 'Draag voorbeelden uit van partners die naadloos passen in onze gezamenlijke visie')
    .point('sg4', null, 'De verbindende rol die de AVk speelt is erg belangrijk voor de samenwerking tussen de partners');
  cluster(builder, 'sgc1', 'wij', 'Samen handen en voeten geven aan een visie', ['Concreter maken waartoe de AVK op aard is']);
  cluster(builder, 'sgc2', 'het', 'Monitoring, effectiviteit en ervaringen', ['Deel wat werkt, maak het praktisch en geef handelingsperspectief']);
  return cluster(builder, 'sgc3', 'ik', 'Partner en acties uitgelicht', ['Er gebeurt zoveel moois in de praktijk']);
}

const memo = () => [programmeTeam().state, managers().state, steeringGroup().state];
const ids = (suggestion: { items: { sessionId: string; id: string }[] } | undefined) => suggestion?.items.map((item) => `${item.sessionId}/${item.id}`) ?? [];

describe('suggestThemes with the reference memo', () => {
  it('suggests the "visie" points of the three groups as one theme, named as the groups named it', () => {
    const visie = suggestThemes(memo()).find((suggestion) => suggestion.words.includes('visie'));
    expect(visie?.title).toBe('Samen handen en voeten geven aan een visie');
    expect(visie?.themeId).toBeNull();
    expect(visie?.sessionCount).toBe(3);
    expect(ids(visie)).toEqual(['pt/pt3', 'mg/mg1', 'mg/mgc1', 'sg/sgc1']);
  });

  it('suggests the "monitoring" points of the three groups as one theme', () => {
    const suggestions = suggestThemes(memo());
    const monitoring = suggestions.find((suggestion) => ids(suggestion).includes('pt/pt1'));
    expect(monitoring?.title).toBe('Monitoring, effectiviteit en ervaringen');
    expect(monitoring?.sessionCount).toBe(3);
    expect(ids(monitoring)).toEqual(expect.arrayContaining(['pt/pt1', 'mg/mgc2', 'sg/sgc2']));
    // Two different suggestions, and no item in both.
    const visie = suggestions.find((suggestion) => suggestion.words.includes('visie'));
    expect(monitoring).not.toBe(visie);
    const all = suggestions.flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
  });

  it('suggests on one strong shared word, also inside a compound', () => {
    const a = new StateBuilder({ id: 'a', date: '2025-01-01' }).point('p', null, 'Generatiearmoede doorbreken').state;
    const b = new StateBuilder({ id: 'b', date: '2025-02-01' }).point('q', null, 'Armoede zichtbaar maken bij de partners').state;
    const [only, ...rest] = suggestThemes([a, b]);
    expect(rest).toEqual([]);
    expect(only?.words).toEqual(['armoede']);
    expect(ids(only)).toEqual(['a/p', 'b/q']);
    const c = new StateBuilder({ id: 'c' }).point('r', null, 'Nieuwe leden werven voor de stuurgroep').state;
    expect(suggestThemes([a, c])).toEqual([]);
  });

  it('offers an existing theme of the programme, and leaves out what is linked already', () => {
    const theme: Theme = { id: 'th1', programmeId: 'prog', title: 'Onze visie', summary: '', createdAt: 1, updatedAt: 1 };
    const visie = suggestThemes(memo(), [theme]).find((suggestion) => suggestion.words.includes('visie'));
    expect(visie).toMatchObject({ themeId: 'th1', title: 'Onze visie' });
    const builder = managers();
    builder.workspace = { programmes: {}, sessions: {}, actions: {}, themes: { th1: theme } };
    const linked = builder.run({ type: 'theme.link', target: 'point', id: 'mg1', themeId: 'th1' }).state;
    const again = suggestThemes([programmeTeam().state, linked, steeringGroup().state], [theme]);
    expect(again.flatMap(ids)).not.toContain('mg/mg1');
    expect(ids(again.find((suggestion) => suggestion.themeId === 'th1'))).toEqual(expect.arrayContaining(['mg/mgc1', 'sg/sgc1']));
  });

  it('never suggests items of one session only', () => {
    expect(suggestThemes([managers().state])).toEqual([]);
  });
});

describe('suggestThemes with links made before themes were records', () => {
  it('offers each old key as a theme of that name, with the point a carried key names', () => {
    const first = new StateBuilder({ id: 'pt', date: '2025-01-01' }).point('p1', null, 'Monitoring, effectiviteit en ervaringen').point('p2', null, 'Visie', { themeKey: 'Samen verder' }).state;
    const next = new StateBuilder({ id: 'mg', date: '2025-02-01' }).point('q1', null, 'Meten wat werkt', { themeKey: 'p1' }).point('q2', null, 'Visie delen', { themeKey: ' samen VERDER ' }).state;
    const suggestions = suggestThemes([next, first]);
    expect(suggestions.slice(0, 2).map((suggestion) => [suggestion.title, suggestion.words, ids(suggestion)])).toEqual([
      ['Samen verder', [], ['pt/p2', 'mg/q2']],
      ['Monitoring, effectiviteit en ervaringen', [], ['pt/p1', 'mg/q1']],
    ]);
    // Once a theme has the key's name the old links belong to it (read time), and nothing is offered.
    const theme: Theme = { id: 'th', programmeId: 'prog', title: 'Samen verder', summary: '', createdAt: 1, updatedAt: 1 };
    expect(suggestThemes([first, next], [theme]).map((suggestion) => suggestion.title)).toEqual(['Monitoring, effectiviteit en ervaringen']);
  });
});
