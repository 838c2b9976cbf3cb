import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/protocol';
import { applyCommand, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../../shared/reducer';
import {
  accept,
  ctx,
  deepFreeze,
  expectRefused,
  expectWorkspaceRefused,
  FACILITATOR,
  OTHER,
  PARTICIPANT,
  PROJECTOR,
  reviewWorkspace,
  SAMPLE_SESSION_COMMANDS,
  SAMPLE_WORKSPACE_COMMANDS,
  seededState,
  seededWorkspace,
  sessionSample,
  step,
  workspaceSample,
} from './fixtures';

/** A state where every sample command also passes its domain rules (for the allowed roles). */
function richState(withReview = true) {
  let state = seededState();
  state = step(state, {
    type: 'cluster.create',
    id: 'c1',
    title: 'Samenwerking',
    noteIds: ['n2'],
  });
  state = step(state, { type: 'voting.open', open: true });
  state = step(state, { type: 'vote.cast', id: 'v1', attentionPointId: 'a1' }, PARTICIPANT);
  // n5 waits for approval (written while moderation was on).
  state = step(state, { type: 'settings.update', moderation: true });
  state = step(state, { type: 'note.add', id: 'n5', zoneId: 'het', text: 'Wacht' }, PARTICIPANT);
  state = step(state, { type: 'settings.update', moderation: false });
  // a1 is linked to the programme's theme th0 (theme.unlink's sample unlinks it).
  state = step(state, { type: 'theme.link', target: 'point', id: 'a1', themeId: 'th0' });
  // The review's agenda holds act1, an open action of an earlier session (see REVIEW_WORKSPACE).
  if (withReview) state = step(state, { type: 'review.begin' });
  return state;
}

describe('command registry', () => {
  it('has one sample payload for every session command and no stale samples', () => {
    expect([...SESSION_COMMANDS.keys()].sort()).toEqual(Object.keys(SAMPLE_SESSION_COMMANDS).sort());
  });

  it('has one sample payload for every workspace command and no stale samples', () => {
    expect([...WORKSPACE_COMMANDS.keys()].sort()).toEqual(Object.keys(SAMPLE_WORKSPACE_COMMANDS).sort());
  });

  it('registers each definition under its own type', () => {
    for (const [type, definition] of [...SESSION_COMMANDS, ...WORKSPACE_COMMANDS]) expect(definition.type).toBe(type);
  });

  it('gives every command at least one role and never the projector', () => {
    for (const definition of [...SESSION_COMMANDS.values(), ...WORKSPACE_COMMANDS.values()]) {
      expect(definition.roles.length).toBeGreaterThan(0);
      expect(definition.roles).not.toContain('projector');
    }
  });

  it('lets participants send exactly the documented commands', () => {
    const forParticipants = [...SESSION_COMMANDS.values()].filter((d) => d.roles.includes('participant')).map((d) => d.type);
    expect(forParticipants.sort()).toEqual(
      ['ingredient.add', 'note.add', 'note.delete', 'note.edit', 'other.add', 'participant.join', 'review.react', 'vote.cast', 'vote.retract'].sort(),
    );
    for (const definition of WORKSPACE_COMMANDS.values()) expect(definition.roles).toEqual(['facilitator']);
  });

  it('marks phone-only and navigation commands as not undoable', () => {
    const notUndoable = [...SESSION_COMMANDS.values()].filter((d) => !d.undoable).map((d) => d.type);
    expect(notUndoable.sort()).toEqual(['focus.set', 'participant.join', 'phase.set', 'review.react', 'review.show', 'timer.control', 'vote.cast', 'vote.retract'].sort());
  });

  it('uses only documented error codes', () => {
    expect(ERROR_CODES).toContain('forbidden');
    expect(ERROR_CODES).toContain('invalid_payload');
    expect(ERROR_CODES).toContain('rule_violation');
  });
});

describe('applyCommand: the order schema → role → rule', () => {
  it('refuses an unknown command type', () => {
    const outcome = expectRefused(seededState(), { type: 'note.explode', id: 'n1' }, FACILITATOR, 'unknown_command');
    expect(outcome.message).toContain('note.explode');
  });

  it('refuses an inherited object key as command type', () => {
    expectRefused(seededState(), { type: 'constructor' }, FACILITATOR, 'unknown_command');
    expectRefused(seededState(), { type: '__proto__' }, FACILITATOR, 'unknown_command');
  });

  it('does not accept workspace commands on a session or the reverse', () => {
    expectRefused(seededState(), workspaceSample('programme.create'), FACILITATOR, 'unknown_command');
    expectWorkspaceRefused(seededWorkspace(), sessionSample('note.add'), FACILITATOR, 'unknown_command');
  });

  it('checks the schema before the role: a projector with a bad payload gets invalid_payload', () => {
    expectRefused(seededState(), { type: 'note.add', id: 'n9' }, PROJECTOR, 'invalid_payload');
  });

  it('checks the role before the domain rule: a participant deleting an unknown cluster gets forbidden', () => {
    expectRefused(seededState(), { type: 'cluster.ungroup', id: 'nope' }, PARTICIPANT, 'forbidden');
  });

  it('names the command and the field in an invalid_payload message', () => {
    const outcome = expectRefused(seededState(), { type: 'note.add', id: 'n9', zoneId: 'wij', text: 42 }, FACILITATOR, 'invalid_payload');
    expect(outcome.message).toContain('note.add');
    expect(outcome.message).toContain('text');
  });

  it('ignores the type field itself and unknown extra fields of non-strict schemas', () => {
    const outcome = accept(seededState(), {
      type: 'voting.open',
      open: true,
      extra: 'ignored',
    });
    expect(outcome.state.flow.votingOpen).toBe(true);
    expect(JSON.stringify(outcome.changes)).not.toContain('ignored');
  });

  it('returns the definition’s undoable flag', () => {
    expect(accept(seededState(), { type: 'voting.open', open: true }).undoable).toBe(true);
    expect(accept(seededState(), { type: 'phase.set', phaseId: 'checkin' }).undoable).toBe(false);
  });

  it('rethrows errors that are not domain errors', () => {
    const state = seededState();
    // A state without flow makes a command crash: that is a bug, not a refusal, so it must surface.
    const broken = { ...state, flow: undefined } as unknown as typeof state;
    expect(() => applyCommand(SESSION_COMMANDS, broken, { type: 'phase.set', phaseId: 'checkin' }, ctx())).toThrow(TypeError);
  });
});

describe('roles', () => {
  const sessionTypes = [...SESSION_COMMANDS.keys()];
  const workspaceTypes = [...WORKSPACE_COMMANDS.keys()];

  it.each(sessionTypes)('projector may not send %s', (type) => {
    const outcome = expectRefused(richState(), sessionSample(type), PROJECTOR, 'forbidden');
    expect(outcome.message).toContain(type);
  });

  it.each(workspaceTypes)('projector may not send workspace command %s', (type) => {
    expectWorkspaceRefused(seededWorkspace(), workspaceSample(type), PROJECTOR, 'forbidden');
  });

  it.each(workspaceTypes)('participant may not send workspace command %s', (type) => {
    expectWorkspaceRefused(seededWorkspace(), workspaceSample(type), PARTICIPANT, 'forbidden');
  });

  const facilitatorOnly = [...SESSION_COMMANDS.values()].filter((d) => !d.roles.includes('participant')).map((d) => d.type);
  it('has facilitator-only commands to check', () => {
    expect(facilitatorOnly.length).toBeGreaterThan(20);
  });

  it.each(facilitatorOnly)('participant may not send facilitator-only %s', (type) => {
    expectRefused(richState(), sessionSample(type), PARTICIPANT, 'forbidden');
  });

  const participantOnly = [...SESSION_COMMANDS.values()].filter((d) => !d.roles.includes('facilitator')).map((d) => d.type);
  it.each(participantOnly)('facilitator may not send participant-only %s', (type) => {
    expectRefused(richState(), sessionSample(type), FACILITATOR, 'forbidden');
  });

  const allowed = [...SESSION_COMMANDS.values()].flatMap((d) => d.roles.map((role) => [d.type, role] as const));
  it.each(allowed)('%s is accepted from a %s on a frozen state', (type, role) => {
    const actor = role === 'participant' ? PARTICIPANT : FACILITATOR;
    let command = sessionSample(type);
    // Participants may only change their own notes; n2 is p1's.
    if (role === 'participant' && (type === 'note.edit' || type === 'note.delete')) {
      command = type === 'note.edit' ? { ...command, id: 'n2' } : { ...command, ids: ['n2'] };
    }
    // review.begin fills an empty agenda; on richState's it has nothing left to add.
    const state = deepFreeze(richState(type !== 'review.begin'));
    const outcome = applyCommand(SESSION_COMMANDS, state, command, ctx(actor));
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (outcome.ok) expect(outcome.state).not.toBe(state);
  });

  it.each(workspaceTypes)('workspace command %s is accepted from the facilitator on a frozen state', (type) => {
    // reviewWorkspace: seededWorkspace with an earlier session and its action act1.
    const state = deepFreeze(structuredClone(reviewWorkspace()));
    const outcome = applyCommand(WORKSPACE_COMMANDS, state, workspaceSample(type), ctx(FACILITATOR));
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  });

  it('treats a second participant as a different person', () => {
    expectRefused(richState(), { type: 'note.edit', id: 'n2', text: 'Overgenomen' }, OTHER, 'rule_violation', 'not_own_note');
  });
});
