import { describe, expect, it } from 'vitest';
import { LIMITS, type WorkspaceState } from '../../../shared/domain';
import type { CommandInput } from '../../../shared/reducer';
import { WORKSPACE_COMMANDS } from '../../../shared/reducer';
import {
  acceptFrozen as acceptFrozenAny,
  expectWorkspaceRefused,
  FACILITATOR,
  NOW,
  PARTICIPANT,
  PROJECTOR,
  seededWorkspace,
  stepWorkspace,
  text,
} from './fixtures';

const empty = (): WorkspaceState => ({ programmes: {}, sessions: {}, actions: {}, themes: {} });
const acceptFrozen = (state: WorkspaceState, command: CommandInput, now = NOW) =>
  acceptFrozenAny(state, command, FACILITATOR, now, WORKSPACE_COMMANDS);

const createSession = (fields: Record<string, unknown> = {}) => ({
  type: 'session.create',
  id: 's2',
  templateId: 'creatielemniscaat',
  programmeId: 'prog1',
  title: 'Managers',
  group: 'Managers/leidinggevenden',
  date: '2025-04-01',
  ...fields,
});

describe('programme.create and programme.rename', () => {
  it('creates a programme with the host’s time', () => {
    const outcome = acceptFrozen(empty(), { type: 'programme.create', id: 'prog1', name: ' Alliantie ' }, NOW + 1);
    expect(outcome.state.programmes).toEqual({
      prog1: { id: 'prog1', name: 'Alliantie', createdAt: NOW + 1 },
    });
    expect(outcome.undoable).toBe(false);
  });

  it('refuses a duplicate programme id', () => {
    expectWorkspaceRefused(
      seededWorkspace(),
      { type: 'programme.create', id: 'prog1', name: 'X' },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it('renames a programme and keeps its creation time', () => {
    const outcome = acceptFrozen(seededWorkspace(), {
      type: 'programme.rename',
      id: 'prog1',
      name: 'Nieuw',
    });
    expect(outcome.state.programmes.prog1).toEqual({
      id: 'prog1',
      name: 'Nieuw',
      createdAt: NOW - 2000,
    });
  });

  it('refuses renaming an unknown programme', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'programme.rename', id: 'ghost', name: 'X' }, FACILITATOR, 'not_found');
  });

  it.each([
    ['empty name', { name: '' }],
    ['name too long', { name: text(LIMITS.title + 1) }],
    ['bad id', { id: 'prog 1' }],
    ['reserved id', { id: 'constructor' }],
  ])('refuses %s', (_label, fields) => {
    expectWorkspaceRefused(empty(), { type: 'programme.create', id: 'prog1', name: 'X', ...fields }, FACILITATOR, 'invalid_payload');
  });
});

describe('programme.archive and programme.delete', () => {
  it('archives and restores a programme, keeping it whole', () => {
    const archived = acceptFrozen(seededWorkspace(), { type: 'programme.archive', id: 'prog1', archived: true });
    expect(archived.state.programmes.prog1).toMatchObject({ name: 'Alliantie tegen armoede', archived: true });
    const restored = acceptFrozen(archived.state, { type: 'programme.archive', id: 'prog1', archived: false });
    expect(restored.state.programmes.prog1?.archived).toBe(false);
  });

  it('deletes a programme only when its name is typed again, and keeps its sessions', () => {
    expectWorkspaceRefused(
      seededWorkspace(),
      { type: 'programme.delete', id: 'prog1', confirmName: 'Alliantie' },
      FACILITATOR,
      'rule_violation',
      'confirmation_mismatch',
    );
    const outcome = acceptFrozen(seededWorkspace(), { type: 'programme.delete', id: 'prog1', confirmName: ' Alliantie tegen armoede ' });
    expect(outcome.state.programmes.prog1).toBeUndefined();
    expect(outcome.state.sessions.s1).toMatchObject({ title: 'Programmateam', programmeId: null });
  });

  it('refuses an unknown programme', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'programme.archive', id: 'ghost', archived: true }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(seededWorkspace(), { type: 'programme.delete', id: 'ghost', confirmName: 'x' }, FACILITATOR, 'not_found');
  });
});

describe('session.create', () => {
  it('creates a session in a programme', () => {
    const outcome = acceptFrozen(seededWorkspace(), createSession({ facilitator: 'Anna' }), NOW + 7);
    expect(outcome.state.sessions.s2).toEqual({
      id: 's2',
      programmeId: 'prog1',
      title: 'Managers',
      group: 'Managers/leidinggevenden',
      date: '2025-04-01',
      facilitator: 'Anna',
      createdAt: NOW + 7,
      updatedAt: NOW + 7,
      archived: false,
    });
    expect(outcome.changes).toEqual([
      {
        key: 'sessions',
        id: 's2',
        before: null,
        after: outcome.state.sessions.s2,
      },
    ]);
  });

  it('accepts a leap day', () => {
    expect(stepWorkspace(seededWorkspace(), createSession({ date: '2024-02-29' })).sessions.s2?.date).toBe('2024-02-29');
  });

  it('creates a session outside any programme, with no facilitator name', () => {
    const state = stepWorkspace(
      empty(),
      createSession({
        programmeId: null,
        templateId: 'dynamische-oordeelsvorming',
      }),
    );
    expect(state.sessions.s2).toMatchObject({
      programmeId: null,
      facilitator: '',
    });
  });

  it('refuses a duplicate session id', () => {
    expectWorkspaceRefused(seededWorkspace(), createSession({ id: 's1' }), FACILITATOR, 'rule_violation', 'duplicate_id');
  });

  it('refuses an unknown programme', () => {
    const outcome = expectWorkspaceRefused(seededWorkspace(), createSession({ programmeId: 'ghost' }), FACILITATOR, 'not_found');
    expect(outcome.message).toContain('ghost');
  });

  it('refuses an unknown template', () => {
    expectWorkspaceRefused(seededWorkspace(), createSession({ templateId: 'vierkant' }), FACILITATOR, 'rule_violation', 'unknown_template');
  });

  it.each([
    ['bad date', { date: '2025/04/01' }],
    ['date with time', { date: '2025-04-01T10:00' }],
    ['month 13', { date: '2025-13-01' }],
    ['30 February', { date: '2025-02-30' }],
    ['day 00', { date: '2025-04-00' }],
    ['empty title', { title: '' }],
    ['group too long', { group: text(LIMITS.shortText + 1) }],
    ['missing group', { group: undefined }],
    ['missing template', { templateId: undefined }],
    ['missing programme (must be null, not absent)', { programmeId: undefined }],
    ['facilitator as number', { facilitator: 3 }],
  ])('refuses %s', (_label, fields) => {
    expectWorkspaceRefused(seededWorkspace(), createSession(fields), FACILITATOR, 'invalid_payload');
  });
});

describe('session.duplicate', () => {
  it('copies programme, group and facilitator with a new title and date', () => {
    const outcome = acceptFrozen(
      seededWorkspace(),
      {
        type: 'session.duplicate',
        id: 's2',
        sourceId: 's1',
        title: 'Vervolg',
        date: '2026-01-15',
      },
      NOW + 3,
    );
    expect(outcome.state.sessions.s2).toEqual({
      id: 's2',
      programmeId: 'prog1',
      title: 'Vervolg',
      group: 'Programmateam',
      date: '2026-01-15',
      facilitator: 'Anna',
      createdAt: NOW + 3,
      updatedAt: NOW + 3,
      archived: false,
    });
  });

  it('takes a new group when given, and is never archived', () => {
    let state = stepWorkspace(seededWorkspace(), {
      type: 'session.archive',
      id: 's1',
      archived: true,
    });
    state = stepWorkspace(state, {
      type: 'session.duplicate',
      id: 's2',
      sourceId: 's1',
      title: 'V',
      date: '2026-01-15',
      group: 'Stuurgroep',
    });
    expect(state.sessions.s2).toMatchObject({
      group: 'Stuurgroep',
      archived: false,
    });
  });

  it('refuses an unknown source and a duplicate id', () => {
    expectWorkspaceRefused(
      seededWorkspace(),
      {
        type: 'session.duplicate',
        id: 's2',
        sourceId: 'ghost',
        title: 'V',
        date: '2026-01-15',
      },
      FACILITATOR,
      'not_found',
    );
    expectWorkspaceRefused(
      seededWorkspace(),
      {
        type: 'session.duplicate',
        id: 's1',
        sourceId: 's1',
        title: 'V',
        date: '2026-01-15',
      },
      FACILITATOR,
      'rule_violation',
      'duplicate_id',
    );
  });

  it('refuses a bad date', () => {
    expectWorkspaceRefused(
      seededWorkspace(),
      {
        type: 'session.duplicate',
        id: 's2',
        sourceId: 's1',
        title: 'V',
        date: 'morgen',
      },
      FACILITATOR,
      'invalid_payload',
    );
  });
});

describe('session.rename and session.archive', () => {
  it('renames and stamps the update time', () => {
    const state = acceptFrozen(seededWorkspace(), { type: 'session.rename', id: 's1', title: 'Team' }, NOW + 9).state;
    expect(state.sessions.s1).toMatchObject({
      title: 'Team',
      updatedAt: NOW + 9,
      createdAt: NOW - 1000,
    });
  });

  it('archives and restores', () => {
    const archived = acceptFrozen(seededWorkspace(), { type: 'session.archive', id: 's1', archived: true }, NOW + 9).state;
    expect(archived.sessions.s1).toMatchObject({
      archived: true,
      updatedAt: NOW + 9,
    });
    expect(
      stepWorkspace(archived, {
        type: 'session.archive',
        id: 's1',
        archived: false,
      }).sessions.s1?.archived,
    ).toBe(false);
  });

  it('refuses unknown sessions', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'session.rename', id: 'ghost', title: 'T' }, FACILITATOR, 'not_found');
    expectWorkspaceRefused(seededWorkspace(), { type: 'session.archive', id: 'ghost', archived: true }, FACILITATOR, 'not_found');
  });

  it('refuses a non-boolean archive flag', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'session.archive', id: 's1', archived: 'ja' }, FACILITATOR, 'invalid_payload');
  });
});

describe('session.delete', () => {
  it('deletes when the title is typed again (surrounding spaces ignored)', () => {
    const outcome = acceptFrozen(seededWorkspace(), {
      type: 'session.delete',
      id: 's1',
      confirmTitle: '  Programmateam ',
    });
    expect(outcome.state.sessions).toEqual({});
    expect(outcome.state.programmes.prog1).toBeDefined();
    expect(outcome.changes).toEqual([
      {
        key: 'sessions',
        id: 's1',
        before: seededWorkspace().sessions.s1,
        after: null,
      },
    ]);
  });

  it.each(['programmateam', 'Programma', '', 'Programmateam!'])('refuses the confirmation %j', (confirmTitle) => {
    expectWorkspaceRefused(
      seededWorkspace(),
      { type: 'session.delete', id: 's1', confirmTitle },
      FACILITATOR,
      'rule_violation',
      'confirmation_mismatch',
    );
  });

  it('refuses a missing confirmation', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'session.delete', id: 's1' }, FACILITATOR, 'invalid_payload');
  });

  it('refuses an unknown session', () => {
    expectWorkspaceRefused(seededWorkspace(), { type: 'session.delete', id: 'ghost', confirmTitle: 'x' }, FACILITATOR, 'not_found');
  });

  it('refuses participants and the projector', () => {
    const command = {
      type: 'session.delete',
      id: 's1',
      confirmTitle: 'Programmateam',
    };
    expectWorkspaceRefused(seededWorkspace(), command, PARTICIPANT, 'forbidden');
    expectWorkspaceRefused(seededWorkspace(), command, PROJECTOR, 'forbidden');
  });
});
