import { afterEach, describe, expect, it } from 'vitest';
import type { SessionState, WorkspaceState } from '../../shared/domain';
import { startTestHost, TEST_TOKEN } from '../support/host-harness';
import { TestClient } from '../support/ws-client';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/protocol';

const newSession = (id: string, title = 'Eiland programmateam') => ({
  type: 'session.create',
  id,
  programmeId: null,
  title,
  group: 'Programmateam',
  date: '2024-06-02',
  templateId: 'lemniscaat-ik-wij-het',
});

describe('host over its real protocol', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('refuses a facilitator socket without the token, with a clear message', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const ws = host.url.replace('http', 'ws');
    await expect(TestClient.connect(`${ws}ws`)).rejects.toMatchObject({ status: 401 });
    await expect(TestClient.connect(`${ws}ws?token=wrong-token-123456`)).rejects.toThrow(/toegangscode/);
  });

  it('refuses a socket opened by a page of another website', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const ws = host.url.replace('http', 'ws');
    await expect(TestClient.connect(`${ws}ws?token=${TEST_TOKEN}`, { Origin: 'http://evil.example' })).rejects.toMatchObject({ status: 403 });
  });

  it('says its protocol and record versions in the welcome and in every snapshot', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    expect(await a.next((m) => m.t === 'welcome')).toMatchObject({ protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION });
    expect(await a.subscribe('workspace')).toMatchObject({ t: 'snapshot', schemaVersion: SCHEMA_VERSION });
    a.close();
  });

  it('acknowledges, broadcasts and persists a session across a restart', async () => {
    const host = await startTestHost();
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    const b = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.subscribe('workspace');
    await b.subscribe('workspace');
    const ack = await a.command('workspace', newSession('s1'));
    expect(ack).toMatchObject({ t: 'ack', stream: 'workspace', seq: 1 });
    const event = await b.next((m) => m.t === 'event');
    expect(event).toMatchObject({ t: 'event', seq: 1, type: 'session.create' });
    a.close();
    b.close();
    await host.stop();

    const again = await startTestHost(host.dataDir);
    cleanups.push(again.cleanup);
    const c = await TestClient.facilitator(again.url, TEST_TOKEN);
    const snapshot = await c.subscribe('workspace');
    expect(snapshot.t === 'snapshot' && (snapshot.state as WorkspaceState).sessions.s1?.title).toBe('Eiland programmateam');
    const session = await c.subscribe('s1');
    expect(session.t === 'snapshot' && (session.state as SessionState).template.zones.map((z) => z.id)).toEqual(['wij', 'ik', 'het']);
    c.close();
  });

  it('applies a repeated command id once and acknowledges it again', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.command('workspace', newSession('s1'));
    await a.subscribe('s1');
    const note = { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Gedeelde urgentie' };
    const first = await a.command('s1', note, 'cmd-1');
    const second = await a.command('s1', note, 'cmd-1');
    expect(first).toEqual(second);
    expect(Object.keys(host.engine.session('s1')?.notes ?? {})).toEqual(['n1']);
    const count = host.db.prepare("SELECT count(*) AS n FROM events WHERE stream = 's1'").get() as { n: number };
    expect(count.n).toBe(1);
    a.close();
  });

  it('resyncs a facilitator from its last sequence number', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.command('workspace', newSession('s1'));
    for (const [index, text] of ['een', 'twee', 'drie'].entries()) {
      await a.command('s1', { type: 'note.add', id: `n${index}`, zoneId: 'wij', text });
    }
    const b = await TestClient.facilitator(host.url, TEST_TOKEN);
    b.sendRaw(JSON.stringify({ t: 'subscribe', stream: 's1', sinceSeq: 1 }));
    const second = await b.next((m) => m.t === 'event' && m.seq === 2);
    const third = await b.next((m) => m.t === 'event' && m.seq === 3);
    expect(second.t === 'event' && second.changes[0]?.id).toBe('n1');
    expect(third.t === 'event' && third.changes[0]?.id).toBe('n2');
    expect(b.messages.some((m) => m.t === 'snapshot')).toBe(false);
    a.close();
    b.close();
  });

  it('undoes and redoes as commands that are persisted and broadcast', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.command('workspace', newSession('s1'));
    await a.command('s1', { type: 'note.add', id: 'n1', zoneId: 'ik', text: 'Eerst' });
    await a.command('s1', { type: 'note.move', moves: [{ id: 'n1', x: 1180, y: 500 }] });
    expect(host.engine.session('s1')?.notes.n1?.zoneId).toBe('het');
    expect(await a.command('s1', { type: 'history.undo' })).toMatchObject({ t: 'ack', seq: 3 });
    expect(host.engine.session('s1')?.notes.n1?.zoneId).toBe('ik');
    expect(await a.command('s1', { type: 'history.redo' })).toMatchObject({ t: 'ack', seq: 4 });
    expect(host.engine.session('s1')?.notes.n1?.zoneId).toBe('het');
    await a.command('s1', { type: 'history.undo' });
    await a.command('s1', { type: 'history.undo' });
    expect(host.engine.session('s1')?.notes.n1).toBeUndefined();
    expect(await a.command('s1', { type: 'history.undo' })).toMatchObject({ t: 'error', code: 'nothing_to_undo' });
    const row = host.db.prepare("SELECT count(*) AS n FROM entities WHERE stream = 's1' AND key = 'notes' AND deleted = 0").get() as { n: number };
    expect(row.n).toBe(0);
    // The undone note leaves a tombstone, so an archive tells other laptops it is gone.
    const tombstone = host.db.prepare("SELECT data, deleted FROM entities WHERE stream = 's1' AND key = 'notes' AND id = 'n1'").get();
    expect(tombstone).toEqual({ data: '{}', deleted: 1 });
    a.close();
  });

  it('keeps the sessions list in step when a session is renamed from inside', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.command('workspace', newSession('s1'));
    await a.command('s1', { type: 'meta.update', title: 'Stuurgroep juni' });
    expect(host.engine.workspace.sessions.s1?.title).toBe('Stuurgroep juni');
    await a.command('workspace', { type: 'session.rename', id: 's1', title: 'Stuurgroep 11 juni' });
    expect(host.engine.session('s1')?.meta.title).toBe('Stuurgroep 11 juni');
    a.close();
  });

  it('names the command it refused for going too fast, so the client can send it again', async () => {
    const host = await startTestHost();
    cleanups.push(host.cleanup);
    const a = await TestClient.facilitator(host.url, TEST_TOKEN);
    await a.command('workspace', newSession('s1'));
    // Cheap pings empty the bucket first, so the outcome does not hang on how fast this machine writes.
    for (let k = 0; k < 200; k++) a.sendRaw(JSON.stringify({ t: 'ping', id: `p${k}` }));
    const ids = Array.from({ length: 60 }, (_, k) => `burst-${k}`);
    for (const id of ids) a.sendRaw(JSON.stringify({ t: 'command', id, stream: 's1', command: { type: 'note.add', id: `n-${id}`, zoneId: 'ik', text: 'Snel' } }));
    const answers = await Promise.all(ids.map((id) => a.next((m) => (m.t === 'ack' || m.t === 'error') && m.id === id)));
    const limited = answers.filter((m) => m.t === 'error' && m.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    expect(answers.filter((m) => m.t === 'ack').length + limited.length).toBe(ids.length);
    expect(Object.keys(host.engine.session('s1')?.notes ?? {}).length).toBe(ids.length - limited.length);
    a.close();
  });
});
