import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/domain';
import {
  acceptFrozen,
  emptyState,
  expectRefused,
  FACILITATOR,
  NOW,
  OTHER,
  PARTICIPANT,
  PROJECTOR,
  STRANGER,
  seededState,
  step,
  text,
} from './fixtures';

const MINUTE = 60_000;

describe('phase.set', () => {
  it('goes to a side’s phase and turns the projector to that side', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'phase.set',
      phaseId: 'notes-het',
    });
    expect(outcome.state.flow).toMatchObject({
      currentPhaseId: 'notes-het',
      focusZoneId: 'het',
    });
    expect(outcome.undoable).toBe(false);
    expect(outcome.changes).toEqual([
      {
        key: 'flow',
        id: null,
        before: emptyState().flow,
        after: outcome.state.flow,
      },
    ]);
  });

  it('a whole-session phase shows the whole model', () => {
    const state = step(emptyState(), {
      type: 'phase.set',
      phaseId: 'notes-het',
    });
    expect(step(state, { type: 'phase.set', phaseId: 'voting' }).flow).toMatchObject({ currentPhaseId: 'voting', focusZoneId: null });
  });

  it('null leaves the phases and keeps the focus', () => {
    const state = step(emptyState(), {
      type: 'phase.set',
      phaseId: 'notes-het',
    });
    expect(step(state, { type: 'phase.set', phaseId: null }).flow).toMatchObject({ currentPhaseId: null, focusZoneId: 'het' });
  });

  it('can always go back a phase', () => {
    let state = step(emptyState(), { type: 'phase.set', phaseId: 'closing' });
    state = step(state, { type: 'phase.set', phaseId: 'checkin' });
    expect(state.flow.currentPhaseId).toBe('checkin');
  });

  it('refuses an unknown phase', () => {
    const outcome = expectRefused(emptyState(), { type: 'phase.set', phaseId: 'notes-zij' }, FACILITATOR, 'not_found');
    expect(outcome.message).toContain('notes-zij');
  });

  it('refuses a missing or bad phase id', () => {
    expectRefused(emptyState(), { type: 'phase.set' }, FACILITATOR, 'invalid_payload');
    expectRefused(emptyState(), { type: 'phase.set', phaseId: 'a b' }, FACILITATOR, 'invalid_payload');
  });
});

describe('phases.configure', () => {
  const phases = [
    { id: 'start', kind: 'checkin', zoneId: null },
    { id: 'visie', kind: 'notes', zoneId: null },
    { id: 'het-punten', kind: 'attention', zoneId: 'het' },
  ];

  it('replaces the phases', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'phases.configure',
      phases,
    });
    expect(outcome.state.flow.phases).toEqual(phases);
    expect(outcome.undoable).toBe(true);
  });

  it('keeps the current phase when it is still there', () => {
    const state = step(emptyState(), { type: 'phases.configure', phases });
    const current = step(state, { type: 'phase.set', phaseId: 'visie' });
    expect(step(current, { type: 'phases.configure', phases: phases.slice(1) }).flow.currentPhaseId).toBe('visie');
  });

  it('clears the current phase when it was removed', () => {
    const state = step(emptyState(), { type: 'phase.set', phaseId: 'checkin' });
    expect(step(state, { type: 'phases.configure', phases }).flow.currentPhaseId).toBeNull();
  });

  it('accepts an empty list', () => {
    expect(step(emptyState(), { type: 'phases.configure', phases: [] }).flow.phases).toEqual([]);
  });

  it('refuses a phase on an unknown zone', () => {
    expectRefused(
      emptyState(),
      {
        type: 'phases.configure',
        phases: [...phases, { id: 'x', kind: 'notes', zoneId: 'zij' }],
      },
      FACILITATOR,
      'rule_violation',
      'unknown_zone',
    );
  });

  it('refuses two phases with the same id', () => {
    expectRefused(
      emptyState(),
      {
        type: 'phases.configure',
        phases: [...phases, { id: 'visie', kind: 'voting', zoneId: null }],
      },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it.each([
    ['unknown kind', [{ id: 'x', kind: 'dancing', zoneId: null }]],
    ['missing zoneId', [{ id: 'x', kind: 'notes' }]],
    ['bad id', [{ id: '', kind: 'notes', zoneId: null }]],
    ['not an array', { id: 'x', kind: 'notes', zoneId: null }],
    [
      'more than 100 phases',
      Array.from({ length: 101 }, (_, i) => ({
        id: `p${i}`,
        kind: 'notes',
        zoneId: null,
      })),
    ],
  ])('refuses %s', (_label, value) => {
    expectRefused(emptyState(), { type: 'phases.configure', phases: value }, FACILITATOR, 'invalid_payload');
  });
});

describe('notes.reveal', () => {
  it('reveals one zone', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'notes.reveal',
      zoneId: 'het',
      revealed: true,
    });
    expect(outcome.state.flow.revealedZoneIds).toEqual(['het']);
  });

  it('reveals all zones in template order and hides them again', () => {
    let state = step(emptyState(), {
      type: 'notes.reveal',
      zoneId: 'het',
      revealed: true,
    });
    state = step(state, { type: 'notes.reveal', zoneId: null, revealed: true });
    expect(state.flow.revealedZoneIds).toEqual(['wij', 'ik', 'het']);
    state = step(state, {
      type: 'notes.reveal',
      zoneId: 'ik',
      revealed: false,
    });
    expect(state.flow.revealedZoneIds).toEqual(['wij', 'het']);
    state = step(state, {
      type: 'notes.reveal',
      zoneId: null,
      revealed: false,
    });
    expect(state.flow.revealedZoneIds).toEqual([]);
  });

  it('revealing twice lists the zone once', () => {
    let state = step(emptyState(), {
      type: 'notes.reveal',
      zoneId: 'wij',
      revealed: true,
    });
    state = step(state, {
      type: 'notes.reveal',
      zoneId: 'wij',
      revealed: true,
    });
    expect(state.flow.revealedZoneIds).toEqual(['wij']);
  });

  it('refuses an unknown zone', () => {
    expectRefused(emptyState(), { type: 'notes.reveal', zoneId: 'zij', revealed: true }, FACILITATOR, 'rule_violation', 'unknown_zone');
  });

  it('refuses a missing flag', () => {
    expectRefused(emptyState(), { type: 'notes.reveal', zoneId: null }, FACILITATOR, 'invalid_payload');
  });
});

describe('focus.set', () => {
  it('turns the projector to a zone and back to the whole model', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'focus.set',
      zoneId: 'ik',
    });
    expect(outcome.state.flow.focusZoneId).toBe('ik');
    expect(outcome.undoable).toBe(false);
    expect(step(outcome.state, { type: 'focus.set', zoneId: null }).flow.focusZoneId).toBeNull();
  });

  it('refuses an unknown zone', () => {
    expectRefused(emptyState(), { type: 'focus.set', zoneId: 'zij' }, FACILITATOR, 'rule_violation', 'unknown_zone');
  });
});

describe('timer.control', () => {
  const timer = (action: string, extra: Record<string, unknown> = {}) => ({
    type: 'timer.control',
    action,
    ...extra,
  });

  it('sets a duration, stopped', () => {
    const outcome = acceptFrozen(emptyState(), timer('set', { durationMs: 5 * MINUTE }));
    expect(outcome.state.timer).toEqual({
      durationMs: 5 * MINUTE,
      startedAt: null,
      remainingMs: 5 * MINUTE,
    });
    expect(outcome.undoable).toBe(false);
  });

  it('starts, counts down while running, pauses and resumes', () => {
    let state = step(emptyState(), timer('set', { durationMs: 5 * MINUTE }));
    state = step(state, timer('start'), FACILITATOR, NOW);
    expect(state.timer).toEqual({
      durationMs: 5 * MINUTE,
      startedAt: NOW,
      remainingMs: 5 * MINUTE,
    });
    state = step(state, timer('pause'), FACILITATOR, NOW + 2 * MINUTE);
    expect(state.timer).toEqual({
      durationMs: 5 * MINUTE,
      startedAt: null,
      remainingMs: 3 * MINUTE,
    });
    state = step(state, timer('start'), FACILITATOR, NOW + 10 * MINUTE);
    expect(state.timer).toEqual({
      durationMs: 5 * MINUTE,
      startedAt: NOW + 10 * MINUTE,
      remainingMs: 3 * MINUTE,
    });
  });

  it('starting a running timer changes nothing', () => {
    let state = step(emptyState(), timer('set', { durationMs: MINUTE }));
    state = step(state, timer('start'), FACILITATOR, NOW);
    const outcome = acceptFrozen(state, timer('start'), FACILITATOR, NOW + 1000);
    expect(outcome.changes).toEqual([]);
    expect(outcome.state.timer.startedAt).toBe(NOW);
  });

  it('never counts below zero', () => {
    let state = step(emptyState(), timer('set', { durationMs: MINUTE }));
    state = step(state, timer('start'), FACILITATOR, NOW);
    state = step(state, timer('pause'), FACILITATOR, NOW + 10 * MINUTE);
    expect(state.timer.remainingMs).toBe(0);
  });

  it('adds a minute while running, restarting the count from now', () => {
    let state = step(emptyState(), timer('set', { durationMs: 5 * MINUTE }));
    state = step(state, timer('start'), FACILITATOR, NOW);
    state = step(state, timer('addMinute'), FACILITATOR, NOW + MINUTE);
    expect(state.timer).toEqual({
      durationMs: 6 * MINUTE,
      startedAt: NOW + MINUTE,
      remainingMs: 5 * MINUTE,
    });
  });

  it('adds a minute while paused', () => {
    let state = step(emptyState(), timer('set', { durationMs: 2 * MINUTE }));
    state = step(state, timer('addMinute'), FACILITATOR, NOW);
    expect(state.timer).toEqual({
      durationMs: 3 * MINUTE,
      startedAt: null,
      remainingMs: 3 * MINUTE,
    });
  });

  it('resets to the full duration, stopped', () => {
    let state = step(emptyState(), timer('set', { durationMs: 5 * MINUTE }));
    state = step(state, timer('start'), FACILITATOR, NOW);
    state = step(state, timer('reset'), FACILITATOR, NOW + 2 * MINUTE);
    expect(state.timer).toEqual({
      durationMs: 5 * MINUTE,
      startedAt: null,
      remainingMs: 5 * MINUTE,
    });
  });

  it.each([
    ['unknown action', timer('explode')],
    ['set without duration', timer('set')],
    ['negative duration', timer('set', { durationMs: -1 })],
    ['fractional duration', timer('set', { durationMs: 1.5 })],
    ['duration over a day', timer('set', { durationMs: 24 * 60 * MINUTE + 1 })],
    ['NaN duration', timer('set', { durationMs: Number.NaN })],
    ['no action', { type: 'timer.control' }],
  ])('refuses %s', (_label, command) => {
    expectRefused(emptyState(), command, FACILITATOR, 'invalid_payload');
  });
});

describe('settings.update', () => {
  it('changes only the given settings', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'settings.update',
      dotsPerParticipant: 5,
      hideNotesUntilReveal: true,
    });
    expect(outcome.state.settings).toEqual({
      dotsPerParticipant: 5,
      maxDotsPerItem: null,
      anonymous: true,
      hideNotesUntilReveal: true,
      moderation: false,
    });
    expect(outcome.undoable).toBe(true);
  });

  it('sets and clears the per-item limit', () => {
    const state = step(emptyState(), {
      type: 'settings.update',
      maxDotsPerItem: 2,
    });
    expect(state.settings.maxDotsPerItem).toBe(2);
    expect(step(state, { type: 'settings.update', maxDotsPerItem: null }).settings.maxDotsPerItem).toBeNull();
  });

  it.each([
    ['zero dots', { dotsPerParticipant: 0 }],
    ['too many dots', { dotsPerParticipant: LIMITS.dotsPerParticipant + 1 }],
    ['fractional dots', { dotsPerParticipant: 2.5 }],
    ['zero per item', { maxDotsPerItem: 0 }],
    ['anonymous as string', { anonymous: 'true' }],
    ['moderation as number', { moderation: 1 }],
    ['unknown setting', { colourful: true }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(emptyState(), { type: 'settings.update', ...fields }, FACILITATOR, 'invalid_payload');
  });

  it('accepts the dot limit itself', () => {
    expect(
      step(emptyState(), {
        type: 'settings.update',
        dotsPerParticipant: LIMITS.dotsPerParticipant,
      }).settings.dotsPerParticipant,
    ).toBe(LIMITS.dotsPerParticipant);
  });
});

describe('meta.update', () => {
  it('updates the given fields and the update time', () => {
    const outcome = acceptFrozen(emptyState(), { type: 'meta.update', title: ' Stuurgroep ', date: '2025-06-01' }, FACILITATOR, NOW + 5);
    expect(outcome.state.meta).toEqual({
      ...emptyState().meta,
      title: 'Stuurgroep',
      date: '2025-06-01',
      updatedAt: NOW + 5,
    });
  });

  it.each([
    ['empty title', { title: '' }],
    ['bad date', { date: '1-6-2025' }],
    ['impossible date', { date: '2025-02-29' }],
    ['group too long', { group: text(LIMITS.shortText + 1) }],
    ['unknown field', { archived: true }],
    ['id change', { id: 'other' }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(emptyState(), { type: 'meta.update', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('zone.update', () => {
  it('changes name, colour and question of one zone only', () => {
    const outcome = acceptFrozen(emptyState(), {
      type: 'zone.update',
      id: 'het',
      name: 'ZIJ-kant',
      color: '#CC79A7',
      question: 'Voor wie?',
    });
    const zones = outcome.state.template.zones;
    expect(zones.find((z) => z.id === 'het')).toMatchObject({
      name: 'ZIJ-kant',
      color: '#CC79A7',
      question: 'Voor wie?',
    });
    expect(zones.filter((z) => z.id !== 'het')).toEqual(emptyState().template.zones.filter((z) => z.id !== 'het'));
    expect(outcome.changes).toHaveLength(1);
    expect(outcome.changes[0]?.key).toBe('template');
  });

  it('keeps the fields that were not given, and allows an empty question', () => {
    const state = step(emptyState(), {
      type: 'zone.update',
      id: 'ik',
      question: '',
    });
    expect(state.template.zones.find((z) => z.id === 'ik')).toMatchObject({
      name: 'IK-kant',
      color: '#E69F00',
      question: '',
    });
  });

  it('refuses an unknown zone', () => {
    expectRefused(emptyState(), { type: 'zone.update', id: 'zij', name: 'ZIJ' }, FACILITATOR, 'rule_violation', 'unknown_zone');
  });

  it.each([
    ['bad colour', { color: 'orange' }],
    ['three-digit colour', { color: '#f90' }],
    ['empty name', { name: '  ' }],
    ['name too long', { name: text(LIMITS.shortText + 1) }],
    ['question too long', { question: text(LIMITS.longText + 1) }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(emptyState(), { type: 'zone.update', id: 'wij', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('participant.join', () => {
  it('joins anonymously by default, without storing a name', () => {
    const outcome = acceptFrozen(emptyState(), { type: 'participant.join', id: 'p1', name: 'Bram' }, PARTICIPANT);
    expect(outcome.state.participants).toEqual({
      p1: { id: 'p1', name: null, joinedAt: NOW, mergedInto: null },
    });
    expect(outcome.undoable).toBe(false);
  });

  it('keeps a trimmed name when the session is not anonymous', () => {
    const state = step(emptyState({ anonymous: false }), { type: 'participant.join', id: 'p1', name: '  Bram ' }, PARTICIPANT);
    expect(state.participants.p1?.name).toBe('Bram');
  });

  it('stores an empty or missing name as null', () => {
    expect(
      step(emptyState({ anonymous: false }), { type: 'participant.join', id: 'p1', name: '  ' }, PARTICIPANT).participants.p1?.name,
    ).toBeNull();
    expect(
      step(emptyState({ anonymous: false }), { type: 'participant.join', id: 'p1', name: null }, PARTICIPANT).participants.p1?.name,
    ).toBeNull();
  });

  it('joining again keeps the first join time and updates the name', () => {
    let state = step(emptyState({ anonymous: false }), { type: 'participant.join', id: 'p1', name: 'B' }, PARTICIPANT, NOW);
    state = step(state, { type: 'participant.join', id: 'p1', name: 'Bram' }, PARTICIPANT, NOW + 999);
    expect(state.participants.p1).toEqual({
      id: 'p1',
      name: 'Bram',
      joinedAt: NOW,
      mergedInto: null,
    });
  });

  it('refuses joining as someone else', () => {
    expectRefused(emptyState(), { type: 'participant.join', id: 'p2', name: 'X' }, PARTICIPANT, 'forbidden');
    expectRefused(seededState(), { type: 'participant.join', id: 'p1', name: 'X' }, OTHER, 'forbidden');
    expectRefused(
      emptyState(),
      { type: 'participant.join', id: 'p9', name: null },
      { role: 'participant', participantId: null },
      'forbidden',
    );
  });

  it('refuses the facilitator and the projector', () => {
    expectRefused(emptyState(), { type: 'participant.join', id: 'p1', name: null }, FACILITATOR, 'forbidden');
    expectRefused(emptyState(), { type: 'participant.join', id: 'p1', name: null }, PROJECTOR, 'forbidden');
  });

  it.each([
    ['name too long', { name: text(LIMITS.participantName + 1) }],
    ['missing name', { name: undefined }],
    ['bad id', { id: 'p 9' }],
  ])('refuses %s', (_label, fields) => {
    expectRefused(emptyState(), { type: 'participant.join', id: 'p9', name: 'X', ...fields }, STRANGER, 'invalid_payload');
  });

  it('accepts a name of exactly the limit', () => {
    const name = text(LIMITS.participantName);
    expect(step(emptyState({ anonymous: false }), { type: 'participant.join', id: 'p9', name }, STRANGER).participants.p9?.name).toBe(name);
  });
});
