import { describe, expect, it } from 'vitest';
import { COLLECTION_KEYS, type SessionMeta, SINGLETON_KEYS } from '../../../shared/domain';
import { createSessionState, DEFAULT_SETTINGS, defaultPhases, initialFlow, prepareNextSession } from '../../../shared/session-factory';
import { BUILT_IN_TEMPLATES, CREATION_LEMNISCATE, DYNAMIC_JUDGEMENT, LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import { deepFreeze, META, NOW, PARTICIPANT, seededState, step } from './fixtures';

const nextMeta: SessionMeta = {
  ...META,
  id: 's2',
  title: 'Managers',
  group: 'Managers/leidinggevenden',
  date: '2025-04-01',
};

describe('defaultPhases', () => {
  it('runs check-in, then per side observation → notes → clustering → attention, then the rest', () => {
    expect(defaultPhases(LEMNISCATE_IK_WIJ_HET).map((p) => p.id)).toEqual([
      'checkin',
      'observation-wij',
      'notes-wij',
      'clustering-wij',
      'attention-wij',
      'observation-ik',
      'notes-ik',
      'clustering-ik',
      'attention-ik',
      'observation-het',
      'notes-het',
      'clustering-het',
      'attention-het',
      'voting',
      'ingredients',
      'other',
      'closing',
    ]);
  });

  it('ties side phases to their zone and the others to the whole session', () => {
    const phases = defaultPhases(CREATION_LEMNISCATE);
    expect(phases).toHaveLength(1 + 4 * 4 + 4);
    expect(phases.find((p) => p.id === 'notes-zij')).toEqual({
      id: 'notes-zij',
      kind: 'notes',
      zoneId: 'zij',
    });
    expect(phases.find((p) => p.id === 'voting')).toEqual({
      id: 'voting',
      kind: 'voting',
      zoneId: null,
    });
    expect(phases[0]).toEqual({ id: 'checkin', kind: 'checkin', zoneId: null });
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('gives unique phase ids for %s', (_id, template) => {
    const ids = defaultPhases(template).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('works for a template without zones', () => {
    expect(defaultPhases({ ...DYNAMIC_JUDGEMENT, zones: [] }).map((p) => p.kind)).toEqual([
      'checkin',
      'voting',
      'ingredients',
      'other',
      'closing',
    ]);
  });
});

describe('initialFlow', () => {
  it('starts before the first phase, with nothing revealed and voting closed', () => {
    expect(initialFlow(LEMNISCATE_IK_WIJ_HET)).toEqual({
      phases: defaultPhases(LEMNISCATE_IK_WIJ_HET),
      currentPhaseId: null,
      revealedZoneIds: [],
      votingOpen: false,
      votesRevealed: false,
      focusZoneId: null,
      reviewActionId: null,
    });
  });
});

describe('createSessionState', () => {
  it('builds an empty session with the default settings', () => {
    const state = createSessionState(META, LEMNISCATE_IK_WIJ_HET);
    expect(state.meta).toBe(META);
    expect(state.template).toBe(LEMNISCATE_IK_WIJ_HET);
    expect(state.settings).toEqual({
      dotsPerParticipant: 3,
      maxDotsPerItem: null,
      anonymous: true,
      hideNotesUntilReveal: false,
      moderation: false,
    });
    expect(state.timer).toEqual({
      durationMs: 0,
      startedAt: null,
      remainingMs: 0,
    });
    for (const key of COLLECTION_KEYS) expect(state[key]).toEqual({});
    expect(Object.keys(state).sort()).toEqual([...COLLECTION_KEYS, ...SINGLETON_KEYS].sort());
  });

  it('uses given settings', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      dotsPerParticipant: 5,
      hideNotesUntilReveal: true,
    };
    expect(createSessionState(META, CREATION_LEMNISCATE, settings).settings).toEqual(settings);
  });

  it('gives every session its own collections', () => {
    const a = createSessionState(META, LEMNISCATE_IK_WIJ_HET);
    const b = createSessionState(META, LEMNISCATE_IK_WIJ_HET);
    expect(a.notes).not.toBe(b.notes);
    expect(a.flow.phases).not.toBe(b.flow.phases);
  });

  it('is plain JSON', () => {
    const state = createSessionState(META, DYNAMIC_JUDGEMENT);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('prepareNextSession', () => {
  function sourceSession() {
    let state = seededState({ dotsPerParticipant: 4 });
    state = step(state, { type: 'attention.edit', id: 'a1', chosen: true });
    state = step(state, { type: 'attention.edit', id: 'a3', chosen: true });
    state = step(state, {
      type: 'attention.add',
      id: 'a4',
      zoneId: 'het',
      title: 'Meten',
      themeKey: 'monitoring',
    });
    state = step(state, { type: 'attention.edit', id: 'a4', chosen: true });
    state = step(state, {
      type: 'phases.configure',
      phases: [{ id: 'thema', kind: 'notes', zoneId: null }],
    });
    state = step(state, { type: 'phase.set', phaseId: 'thema' });
    state = step(state, { type: 'voting.open', open: true });
    state = step(state, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
    state = step(state, { type: 'notes.reveal', zoneId: null, revealed: true });
    state = step(state, { type: 'zone.update', id: 'wij', name: 'Samen' });
    return deepFreeze(state);
  }

  it('carries the chosen points as themes, unchosen, and nothing else', () => {
    const next = prepareNextSession(sourceSession(), nextMeta);
    expect(Object.keys(next.attentionPoints).sort()).toEqual(['a1', 'a3', 'a4']);
    expect(next.attentionPoints.a1).toEqual({
      ...sourceSession().attentionPoints.a1,
      chosen: false,
      themeKey: 'a1',
    });
    expect(next.attentionPoints.a3?.themeKey).toBe('a3');
    // A point that was itself carried over keeps its original theme.
    expect(next.attentionPoints.a4?.themeKey).toBe('monitoring');
  });

  it('keeps model, settings and phases, but starts the flow afresh', () => {
    const source = sourceSession();
    const next = prepareNextSession(source, nextMeta);
    expect(next.meta).toBe(nextMeta);
    expect(next.template).toEqual(source.template);
    expect(next.template.zones.find((z) => z.id === 'wij')?.name).toBe('Samen');
    expect(next.settings).toEqual(source.settings);
    expect(next.flow).toEqual({
      phases: [{ id: 'thema', kind: 'notes', zoneId: null }],
      currentPhaseId: null,
      revealedZoneIds: [],
      votingOpen: false,
      votesRevealed: false,
      focusZoneId: null,
      reviewActionId: null,
    });
  });

  it('takes no notes, votes, participants, ingredients, other points or observations', () => {
    const next = prepareNextSession(sourceSession(), nextMeta);
    for (const key of ['notes', 'clusters', 'ingredients', 'otherPoints', 'observations', 'votes', 'participants'] as const) {
      expect(next[key]).toEqual({});
    }
    expect(next.timer).toEqual({
      durationMs: 0,
      startedAt: null,
      remainingMs: 0,
    });
  });

  it('does not change the source session', () => {
    const source = sourceSession();
    const copy = structuredClone(source);
    prepareNextSession(source, nextMeta);
    expect(source).toEqual(copy);
  });

  it('gives a usable session: carried themes can be voted on', () => {
    let next = prepareNextSession(sourceSession(), {
      ...nextMeta,
      createdAt: NOW,
    });
    next = step(next, { type: 'participant.join', id: 'p1', name: null }, PARTICIPANT);
    next = step(next, { type: 'voting.open', open: true });
    next = step(next, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
    expect(next.votes.v1?.participantId).toBe('p1');
  });
});
