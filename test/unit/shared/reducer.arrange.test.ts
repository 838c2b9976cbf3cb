import { describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../../shared/domain';
import { figureGeometry } from '../../../shared/geometry/figure';
import { zoneViewBox } from '../../../shared/geometry/model';
import { translate } from '../../../shared/i18n/messages';
import type { ErrorCode, RuleReason } from '../../../shared/protocol';
import { applyCommand, type CommandInput, SESSION_COMMANDS } from '../../../shared/reducer';
import { programmeThemes } from '../../../shared/report/programme-themes';
import { zoneAt } from '../../../shared/templates';
import { linkedThemeId, themeZoneId, WHOLE_SESSION_ZONE_ID, workMode } from '../../../shared/zones';
import { deepFreeze, emptyState, FACILITATOR, NOW, PARTICIPANT, reviewWorkspace, seededState, step, stepWorkspace } from './fixtures';

/** prog1 (the session's programme) with themes th1 and th2; prog2 with theme tx. */
function workspace(extraThemes = 0): WorkspaceState {
  let ws = stepWorkspace(reviewWorkspace(), { type: 'theme.create', id: 'th1', programmeId: 'prog1', title: 'Samen handen en voeten geven aan een visie' });
  ws = stepWorkspace(ws, { type: 'theme.create', id: 'th2', programmeId: 'prog1', title: 'Monitoring, effectiviteit en ervaringen' });
  for (let index = 0; index < extraThemes; index += 1) ws = stepWorkspace(ws, { type: 'theme.create', id: `extra${index}`, programmeId: 'prog1', title: `Thema ${index}` });
  ws = stepWorkspace(ws, { type: 'programme.create', id: 'prog2', name: 'Ander programma' });
  return stepWorkspace(ws, { type: 'theme.create', id: 'tx', programmeId: 'prog2', title: 'Elders' });
}

function arrange(state: SessionState, command: Omit<CommandInput, 'type'>, ws = workspace()): SessionState {
  const outcome = applyCommand(SESSION_COMMANDS, deepFreeze(structuredClone(state)), { type: 'zones.arrange', ...command }, { actor: FACILITATOR, now: NOW, workspace: ws });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.state;
}

function expectRefused(state: SessionState, command: Omit<CommandInput, 'type'>, code: ErrorCode, reason?: RuleReason, actor = FACILITATOR, ws = workspace()) {
  const before = structuredClone(state);
  const frozen = deepFreeze(structuredClone(state));
  const outcome = applyCommand(SESSION_COMMANDS, frozen, { type: 'zones.arrange', ...command }, { actor, now: NOW, workspace: ws });
  if (outcome.ok) throw new Error('accepted');
  expect(outcome.code).toBe(code);
  expect(outcome.reason).toBe(reason);
  expect(frozen).toEqual(before);
  return outcome;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('zones.arrange: working per side, per theme or both', () => {
  it('adds a zone per chosen theme under the sides, with its phases before the vote, the figure still through the sides alone', () => {
    const before = seededState();
    const state = arrange(before, { mode: 'both', themeIds: ['th1', 'th2'] });
    expect(workMode(state.template)).toBe('both');
    const whole = state.template.zones.filter((zone) => zone.whole);
    expect(whole.map((zone) => [zone.id, zone.name, zone.themeId])).toEqual([
      [themeZoneId('th1'), 'Samen handen en voeten geven aan een visie', 'th1'],
      [themeZoneId('th2'), 'Monitoring, effectiviteit en ervaringen', 'th2'],
    ]);
    // The sides, their notes and the figure stay exactly where they were.
    expect(state.template.zones.slice(0, 3)).toEqual(before.template.zones);
    expect(state.notes).toEqual(before.notes);
    expect(figureGeometry(state.template.figure, state.template.zones)).toEqual(figureGeometry(before.template.figure, before.template.zones));
    // No theme's zone (with its label) lies over another zone; each theme's colour differs from every side's.
    const boxes = state.template.zones.map((zone) => ({ whole: zone.whole === true, box: zoneViewBox(zone.area, 0) }));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) if (a.whole || b.whole) expect(overlaps(a.box, b.box)).toBe(false);
    const sideColors = new Set(before.template.zones.map((zone) => zone.color));
    for (const zone of whole) expect(sideColors.has(zone.color)).toBe(false);
    const ids = state.flow.phases.map((phase) => phase.id);
    expect(ids.slice(ids.indexOf('voting') - 8, ids.indexOf('voting'))).toEqual(
      [themeZoneId('th1'), themeZoneId('th2')].flatMap((zoneId) => ['observation', 'notes', 'clustering', 'attention'].map((kind) => `${kind}-${zoneId}`)),
    );
  });

  it('takes a phone’s note in a theme’s zone, and counts it for that theme in the programme summary', () => {
    const state = arrange(seededState(), { mode: 'both', themeIds: ['th1'] });
    const zone = state.template.zones.find((candidate) => candidate.themeId === 'th1');
    if (!zone) throw new Error('no theme zone');
    const after = step(state, { type: 'note.add', id: 'nz', zoneId: zone.id, text: 'Mandaat van bestuurders' }, PARTICIPANT);
    const note = after.notes.nz;
    expect(note && zoneAt(after.template, note.x, note.y)?.id).toBe(zone.id);
    expect(note && linkedThemeId(after, note)).toBe('th1');
    const summary = programmeThemes([after], Object.values(workspace().themes));
    const theme = summary.themes.find((entry) => entry.themeId === 'th1');
    expect(theme?.sessions[0]?.notes).toEqual(['Mandaat van bestuurders']);
  });

  it('works per theme only on an empty session, and per side again brings the sides back as they were', () => {
    const edited = step(emptyState(), { type: 'zone.update', id: 'wij', question: 'Wat verbindt ons?' });
    const themes = arrange(edited, { mode: 'themes', themeIds: ['th1', 'th2'] });
    expect(workMode(themes.template)).toBe('themes');
    expect(themes.template.zones.map((zone) => zone.id)).toEqual([themeZoneId('th1'), themeZoneId('th2')]);
    expect(themes.template.setAside).toEqual(edited.template.zones);
    expect(figureGeometry(themes.template.figure, themes.template.zones).points).toEqual([]);
    expect(themes.flow.phases.some((phase) => phase.zoneId === 'wij')).toBe(false);
    const sides = arrange(themes, { mode: 'sides', themeIds: [] });
    expect(sides.template).toEqual(edited.template);
    expect(sides.flow.phases.map((phase) => phase.id)).toEqual(edited.flow.phases.map((phase) => phase.id));
  });

  it('gives a session without themes one "Hele sessie" zone, for notes and an observation of the whole', () => {
    const state = arrange(emptyState(), { mode: 'themes', themeIds: [] });
    expect(state.template.zones).toMatchObject([{ id: WHOLE_SESSION_ZONE_ID, name: 'Hele sessie', whole: true }]);
    expect(state.template.zones[0]).not.toHaveProperty('themeId');
    const observed = step(state, { type: 'observation.set', zoneId: WHOLE_SESSION_ZONE_ID, text: 'Er is veel energie' });
    expect(observed.observations[WHOLE_SESSION_ZONE_ID]?.text).toBe('Er is veel energie');
  });

  it('keeps what a theme zone holds inside it when another theme makes it smaller', () => {
    const one = arrange(emptyState(), { mode: 'both', themeIds: ['th1'] });
    const zoneId = themeZoneId('th1');
    const zone = one.template.zones.find((candidate) => candidate.id === zoneId);
    if (!zone) throw new Error('no theme zone');
    const withNote = step(one, { type: 'note.add', id: 'edge', zoneId, text: 'Aan de rand', x: zone.area.x + zone.area.rx * 0.9, y: zone.area.y });
    const two = arrange(withNote, { mode: 'both', themeIds: ['th1', 'th2'] });
    const moved = two.template.zones.find((candidate) => candidate.id === zoneId);
    expect(moved?.area).not.toEqual(zone.area);
    const note = two.notes.edge;
    expect(note && zoneAt(two.template, note.x, note.y)?.id).toBe(zoneId);
  });

  it('never drops a zone that holds something, nor the zone of the phase the session is in', () => {
    const refused = expectRefused(seededState(), { mode: 'themes', themeIds: ['th1'] }, 'rule_violation', 'zone_not_empty');
    expect(refused.message).toContain('WIJ-kant');
    expect(translate('nl', 'rule.zone_not_empty')).toBe('Op dat vlak staan nog notities, punten of tekst. Verplaats of verwijder die eerst.');
    const withTheme = arrange(emptyState(), { mode: 'both', themeIds: ['th1'] });
    const written = step(withTheme, { type: 'observation.set', zoneId: themeZoneId('th1'), text: 'Visie leeft' });
    expectRefused(written, { mode: 'both', themeIds: ['th2'] }, 'rule_violation', 'zone_not_empty');
    const inPhase = step(withTheme, { type: 'phase.set', phaseId: `notes-${themeZoneId('th1')}` });
    expectRefused(inPhase, { mode: 'sides', themeIds: [] }, 'rule_violation', 'zone_in_current_phase');
  });

  it('refuses themes of another programme or of none, unknown themes, themes without zones and too many zones', () => {
    expectRefused(seededState(), { mode: 'both', themeIds: ['tx'] }, 'rule_violation', 'theme_wrong_programme');
    expectRefused(seededState(), { mode: 'both', themeIds: ['nope'] }, 'not_found');
    const alone = { ...seededState(), meta: { ...seededState().meta, programmeId: null } };
    expectRefused(alone, { mode: 'both', themeIds: ['th1'] }, 'rule_violation', 'theme_no_programme');
    expectRefused(seededState(), { mode: 'sides', themeIds: ['th1'] }, 'rule_violation', 'themes_need_whole_zones');
    const many = workspace(8);
    const tenThemes = ['th1', 'th2', ...Array.from({ length: 8 }, (_, index) => `extra${index}`)];
    expectRefused(seededState(), { mode: 'both', themeIds: tenThemes }, 'rule_violation', 'too_many_zones', FACILITATOR, many);
    // Twelve zones of the whole session fit on their own, in two rows.
    const twelve = arrange(emptyState(), { mode: 'themes', themeIds: [...tenThemes] }, many);
    expect(twelve.template.zones).toHaveLength(10);
    const boxes = twelve.template.zones.map((zone) => zoneViewBox(zone.area, 0));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it('keeps the zone of a theme deleted since, when asked to keep it, but makes none for a deleted theme', () => {
    const withZone = step(arrange(emptyState(), { mode: 'both', themeIds: ['th1'] }), { type: 'note.add', id: 'z1', zoneId: themeZoneId('th1'), text: 'Visie leeft' });
    const gone = stepWorkspace(workspace(), { type: 'theme.delete', id: 'th1' });
    // Instellingen asks for what the session has (th1's zone) plus th2: the zone and its note stay.
    const kept = arrange(withZone, { mode: 'both', themeIds: ['th1', 'th2'] }, gone);
    expect(kept.template.zones.filter((zone) => zone.whole).map((zone) => [zone.id, zone.themeId])).toEqual([
      [themeZoneId('th1'), 'th1'],
      [themeZoneId('th2'), 'th2'],
    ]);
    expect(kept.notes.z1?.zoneId).toBe(themeZoneId('th1'));
    expectRefused(emptyState(), { mode: 'both', themeIds: ['th1'] }, 'not_found', undefined, FACILITATOR, gone);
  });

  it('refuses a bad payload and anyone but the facilitator', () => {
    expectRefused(seededState(), { mode: 'everything', themeIds: [] }, 'invalid_payload');
    expectRefused(seededState(), { mode: 'both', themeIds: ['th1', 'th1'] }, 'invalid_payload');
    expectRefused(seededState(), { mode: 'both' }, 'invalid_payload');
    expectRefused(seededState(), { mode: 'both', themeIds: [] }, 'forbidden', undefined, PARTICIPANT);
  });
});
