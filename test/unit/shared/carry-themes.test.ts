import { describe, expect, it } from 'vitest';
import { carriedThemePointId, previousThemes } from '../../../shared/carry-themes';
import type { Theme, WorkspaceState } from '../../../shared/domain';
import { prepareNextSession } from '../../../shared/session-factory';
import { themeZoneId, zonePhases } from '../../../shared/zones';
import { meta, StateBuilder } from './report/build-state';

const VISION: Theme = { id: 'visie', programmeId: 'prog', title: 'Samen handen en voeten geven aan een visie', summary: '', createdAt: 1, updatedAt: 1 };
const MONITORING: Theme = { id: 'mon', programmeId: 'prog', title: 'Monitoring, effectiviteit en ervaringen', summary: '', createdAt: 2, updatedAt: 2 };
const ELSEWHERE: Theme = { id: 'ander', programmeId: 'prog', title: 'Mandaat', summary: '', createdAt: 3, updatedAt: 3 };
const THEMES = [VISION, MONITORING, ELSEWHERE];

function previous() {
  const builder = new StateBuilder({ id: 'pt', programmeId: 'prog' });
  builder.workspace = { programmes: {}, sessions: {}, actions: {}, themes: Object.fromEntries(THEMES.map((theme) => [theme.id, theme])) } satisfies WorkspaceState;
  return builder
    .point('a1', 'wij', 'Visie eigen maken')
    .point('a2', 'het', 'Monitoring opzetten')
    .point('a3', 'het', 'Terugkoppeling naar partners')
    .point('a4', 'ik', 'Niet gekozen, wel gekoppeld')
    .note('n1', 'ik', 'Mandaat van bestuurders')
    .run({ type: 'theme.link', target: 'point', id: 'a1', themeId: 'visie' })
    .run({ type: 'theme.link', target: 'point', id: 'a2', themeId: 'mon' })
    .run({ type: 'theme.link', target: 'point', id: 'a4', themeId: 'visie' })
    .run({ type: 'theme.link', target: 'note', id: 'n1', themeId: 'ander' })
    .run({ type: 'attention.edit', id: 'a1', chosen: true })
    .run({ type: 'attention.edit', id: 'a2', chosen: true })
    .run({ type: 'attention.edit', id: 'a3', chosen: true }).state;
}

describe('carrying themes to the next session', () => {
  it('offers the themes the session linked anything to, with its chosen points as context', () => {
    const offered = previousThemes(previous(), THEMES);
    expect(offered.map(({ theme, chosenPoints }) => [theme.id, chosenPoints.map((point) => point.id)])).toEqual([
      ['visie', ['a1']],
      ['mon', ['a2']],
      ['ander', []],
    ]);
  });

  it('carries per theme: as a whole-session theme in a zone of its own, as ballot points, or not at all', () => {
    const choices = new Map([
      ['visie', 'whole'],
      ['mon', 'ballot'],
      ['ander', 'none'],
    ] as const);
    const source = previous();
    const next = prepareNextSession(source, meta({ id: 'mg' }), { themes: THEMES, choices });
    const points = Object.values(next.attentionPoints).map((point) => [point.id, point.zoneId, point.title, point.themeId ?? null]);
    expect(points).toEqual(
      expect.arrayContaining([
        ['a2', 'het', 'Monitoring opzetten', 'mon'],
        // A chosen point of no theme comes along as before.
        ['a3', 'het', 'Terugkoppeling naar partners', null],
      ]),
    );
    // The theme worked on by the whole session is a zone, not a point on the ballot.
    expect(points).toHaveLength(2);
    expect(Object.values(next.attentionPoints).every((point) => !point.chosen)).toBe(true);
    const zones = next.template.zones.map((zone) => [zone.id, zone.name, zone.whole ?? false, zone.themeId ?? null]);
    expect(zones).toEqual([
      ...source.template.zones.map((zone) => [zone.id, zone.name, false, null]),
      [themeZoneId('visie'), VISION.title, true, 'visie'],
    ]);
    // Its phases follow the sides' phases, before voting.
    const kinds = next.flow.phases.map((phase) => phase.id);
    expect(kinds.slice(kinds.indexOf('voting') - 4, kinds.indexOf('voting'))).toEqual(zonePhases(themeZoneId('visie')).map((phase) => phase.id));
    // A session prepared from it without carrying the theme to the whole session drops the empty zone again.
    const after = prepareNextSession(next, meta({ id: 'sg' }), { themes: THEMES, choices: new Map() });
    expect(after.template.zones.map((zone) => zone.id)).toEqual(source.template.zones.map((zone) => zone.id));
    expect(after.flow.phases.some((phase) => phase.zoneId === themeZoneId('visie'))).toBe(false);
  });

  it('makes a ballot theme with no chosen point one point of its own, and without choices carries as before', () => {
    const next = prepareNextSession(previous(), meta({ id: 'mg' }), { themes: THEMES, choices: new Map([['ander', 'ballot']]) });
    expect(next.attentionPoints[carriedThemePointId('ander')]).toMatchObject({ zoneId: null, title: 'Mandaat', themeId: 'ander' });
    const plain = prepareNextSession(previous(), meta({ id: 'mg' }));
    expect(Object.keys(plain.attentionPoints).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(plain.attentionPoints.a1?.themeId).toBe('visie');
  });

  it('carries what a session did in theme zones: the themes are offered, a chosen point of a zone comes as a linked point of the whole session', () => {
    const builder = new StateBuilder({ id: 'mg', programmeId: 'prog' });
    builder.workspace = { programmes: {}, sessions: {}, actions: {}, themes: Object.fromEntries(THEMES.map((theme) => [theme.id, theme])) } satisfies WorkspaceState;
    const source = builder
      .run({ type: 'zones.arrange', mode: 'both', themeIds: ['visie', 'mon'] })
      .note('z1', themeZoneId('visie'), 'Mandaat van bestuurders')
      .point('zp', themeZoneId('visie'), 'Visie onderdeel van eigen organisatievisie')
      .run({ type: 'attention.edit', id: 'zp', chosen: true }).state;
    // 'mon' has an empty zone and is still offered: the session worked on it.
    expect(previousThemes(source, THEMES).map(({ theme, chosenPoints }) => [theme.id, chosenPoints.map((point) => point.id)])).toEqual([
      ['visie', ['zp']],
      ['mon', []],
    ]);
    const ballot = prepareNextSession(source, meta({ id: 'sg' }), { themes: THEMES, choices: new Map([['visie', 'ballot'], ['mon', 'none']] as const) });
    expect(ballot.attentionPoints.zp).toMatchObject({ zoneId: null, themeId: 'visie', chosen: false });
    expect(ballot.template.zones.some((zone) => zone.whole)).toBe(false);
    const whole = prepareNextSession(source, meta({ id: 'sg' }), { themes: THEMES, choices: new Map([['visie', 'whole'], ['mon', 'whole']] as const) });
    expect(whole.attentionPoints).toEqual({});
    expect(whole.template.zones.filter((zone) => zone.whole).map((zone) => zone.themeId)).toEqual(['visie', 'mon']);
  });
});
