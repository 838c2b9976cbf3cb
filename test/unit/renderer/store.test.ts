import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/changes';
import type { Note, SessionMeta, SessionState, WorkspaceState } from '../../../shared/domain';
import { createSessionState } from '../../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import { EilandClient } from '../../../renderer/src/client';
import { createAppStore } from '../../../renderer/src/store';
import { groupByProgramme, latestSession, listSessions } from '../../../renderer/src/store/selectors';
import { bindConnection, followWorkspace } from '../../../renderer/src/store/sync';
import { eventually, ProtocolServer } from './protocol-server';

/** The protocol server here knows its own test commands, which the host's registry does not: the client only carries them. */
import type { CommandInput } from '../../../renderer/src/client';
const probe = (command: { type: string; [field: string]: unknown }) => command as unknown as CommandInput;

const meta = (id: string, fields: Partial<SessionMeta> = {}): SessionMeta => ({
  id,
  programmeId: null,
  title: id,
  group: '',
  date: '2025-06-02',
  facilitator: '',
  createdAt: 1,
  updatedAt: 1,
  archived: false,
  ...fields,
});

const note = (id: string, zoneId = 'ik'): Note => ({
  id,
  zoneId,
  text: id,
  x: 800,
  y: 500,
  color: null,
  authorId: null,
  authorName: null,
  clusterId: null,
  createdAt: 1,
});

function sessionWith(id: string, notes: Note[]): SessionState {
  const state = createSessionState(meta(id), LEMNISCATE_IK_WIJ_HET);
  for (const item of notes) state.notes[item.id] = item;
  return state;
}

describe('the session slice', () => {
  it('keeps only the open session and applies its changes', () => {
    const store = createAppStore({ locale: 'nl' });
    store.getState().sessionOpened('s1');
    store.getState().sessionSnapshot('other', sessionWith('other', [note('x')]));
    expect(store.getState().session).toBeNull();
    store.getState().sessionSnapshot('s1', sessionWith('s1', [note('a')]));
    const add: Change = { key: 'notes', id: 'b', before: null, after: note('b', 'het') };
    store.getState().sessionChanged('s1', [add]);
    expect(Object.keys(store.getState().session?.notes ?? {})).toEqual(['a', 'b']);
    store.getState().sessionChanged('other', [{ key: 'notes', id: 'a', before: note('a'), after: null }]);
    expect(store.getState().session?.notes.a).toBeDefined();
  });

  it('drops notes deleted elsewhere from the selection, and only then', () => {
    const store = createAppStore({ locale: 'nl' });
    store.getState().sessionOpened('s1');
    store.getState().sessionSnapshot('s1', sessionWith('s1', [note('a'), note('b')]));
    store.getState().select(['a', 'b']);
    const before = store.getState().selection;
    store.getState().sessionChanged('s1', [{ key: 'notes', id: 'a', before: note('a'), after: { ...note('a'), x: 10 } }]);
    expect(store.getState().selection).toBe(before);
    store.getState().sessionChanged('s1', [{ key: 'notes', id: 'a', before: note('a'), after: null }]);
    expect(store.getState().selection).toEqual(['b']);
  });

  it('forgets selection and editing when another session opens', () => {
    const store = createAppStore({ locale: 'en' });
    store.getState().select(['a']);
    store.getState().startEditing({ kind: 'edit', noteId: 'a' });
    store.getState().sessionOpened('s2');
    expect(store.getState()).toMatchObject({ sessionId: 's2', session: null, selection: [], editing: null, locale: 'en' });
  });
});

describe('the ui slice', () => {
  it('toggles a selection and keeps at most three messages', () => {
    const store = createAppStore({ locale: 'nl' });
    store.getState().select(['a', 'b']);
    store.getState().select(['b', 'c'], 'toggle');
    expect(store.getState().selection).toEqual(['a', 'c']);
    for (let i = 0; i < 5; i += 1) store.getState().showToast({ tone: 'info', key: 'toast.archived', params: { title: String(i) } });
    expect(store.getState().toasts.map((toast) => toast.params?.title)).toEqual(['2', '3', '4']);
    store.getState().dismissToast(store.getState().toasts[0]?.id ?? -1);
    expect(store.getState().toasts).toHaveLength(2);
  });
});

describe('session list selectors', () => {
  const workspace: WorkspaceState = {
    programmes: {},
    actions: {},
    themes: {},
    sessions: {
      a: meta('a', { title: 'Voorjaar', group: 'Stuurgroep', date: '2025-03-01', updatedAt: 5 }),
      b: meta('b', { title: 'Najaar', group: 'Programmateam', date: '2025-10-01', updatedAt: 2 }),
      c: meta('c', { title: 'Oud', group: 'Stuurgroep', date: '2024-01-01', archived: true, updatedAt: 9 }),
    },
  };

  it('lists the newest date first, archived apart, and searches title and group', () => {
    expect(listSessions(workspace, '').active.map((s) => s.id)).toEqual(['b', 'a']);
    expect(listSessions(workspace, '').archived.map((s) => s.id)).toEqual(['c']);
    expect(listSessions(workspace, '  stuurGROEP ').active.map((s) => s.id)).toEqual(['a']);
    expect(listSessions(workspace, 'najaar').active.map((s) => s.id)).toEqual(['b']);
    expect(listSessions(null, '')).toEqual({ active: [], archived: [] });
  });

  it('finds sessions by the name of their programme, and groups them under it, sessions without one last', () => {
    const withProgrammes: WorkspaceState = {
      ...workspace,
      programmes: {
        p1: { id: 'p1', name: 'Alliantie van Kracht', createdAt: 1 },
        p2: { id: 'p2', name: 'Buurtteams', createdAt: 2 },
        p3: { id: 'p3', name: 'Zonder sessies', createdAt: 3 },
      },
      sessions: {
        a: meta('a', { title: 'Voorjaar', date: '2025-03-01', programmeId: 'p1' }),
        b: meta('b', { title: 'Najaar', date: '2025-10-01' }),
        d: meta('d', { title: 'Zomer', date: '2025-07-01', programmeId: 'p2' }),
        e: meta('e', { title: 'Winter', date: '2025-01-01', programmeId: 'p1' }),
      },
    };
    expect(listSessions(withProgrammes, 'kracht').active.map((s) => s.id)).toEqual(['a', 'e']);
    const groups = groupByProgramme(withProgrammes, listSessions(withProgrammes, '').active);
    expect(groups.map((group) => [group.programme?.id ?? null, group.sessions.map((s) => s.id)])).toEqual([
      ['p2', ['d']],
      ['p1', ['a', 'e']],
      [null, ['b']],
    ]);
    // A session whose programme is gone (deleted on another laptop) is shown, without a programme.
    const orphan = meta('f', { programmeId: 'gone' });
    expect(groupByProgramme(withProgrammes, [orphan])).toEqual([{ programme: null, sessions: [orphan] }]);
  });

  it('picks the most recently updated session that is not archived', () => {
    expect(latestSession(workspace)?.id).toBe('a');
    expect(latestSession({ programmes: {}, sessions: {}, actions: {}, themes: {} })).toBeNull();
  });
});

describe('the store fed by a real connection', () => {
  let server: ProtocolServer;
  let client: EilandClient;

  beforeEach(async () => {
    server = await ProtocolServer.start();
    client = new EilandClient({ url: server.url, backoff: { initialMs: 20, maxMs: 100 } });
  });

  afterEach(async () => {
    client.stop();
    await server.stop();
  });

  it('mirrors the connection and the workspace stream', async () => {
    const store = createAppStore({ locale: 'nl' });
    bindConnection(client, store);
    followWorkspace(client, store);
    expect(store.getState().connection).toBe('offline');
    client.start();
    await eventually(() => expect(store.getState()).toMatchObject({ connection: 'online', role: 'facilitator' }));
    await eventually(() => expect(store.getState().workspace).not.toBeNull());
    await client.send('workspace', probe({ type: 'item.add', itemId: 'x' }));
    await eventually(() => expect((store.getState().workspace as unknown as { items: object }).items).toEqual({ x: { id: 'x' } }));
    server.dropConnections();
    await eventually(() => expect(store.getState().connection).not.toBe('online'));
    await eventually(() => expect(store.getState().connection).toBe('online'));
  });

  it('takes from the welcome whether the host can only read, and drops it when a later welcome says otherwise', async () => {
    const store = createAppStore({ locale: 'nl' });
    bindConnection(client, store);
    expect(store.getState().readOnly).toBe(false);
    server.readOnly = true;
    client.start();
    await eventually(() => expect(store.getState()).toMatchObject({ connection: 'online', readOnly: true }));
    expect(client.welcome?.readOnly).toBe(true);
    server.readOnly = false;
    server.dropConnections();
    await eventually(() => expect(store.getState().connection).not.toBe('online'));
    await eventually(() => expect(store.getState()).toMatchObject({ connection: 'online', readOnly: false }));
  });
});
