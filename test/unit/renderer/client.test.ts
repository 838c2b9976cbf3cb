import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../../../shared/changes';
import { type EventMessage, PROTOCOL_VERSION, type StreamState } from '../../../shared/protocol';
import { type ConnectionState, EilandClient, HostError } from '../../../renderer/src/client';
import { eventually, ProtocolServer } from './protocol-server';

/** The protocol server here knows its own test commands, which the host's registry does not: the client only carries them. */
import type { CommandInput } from '../../../renderer/src/client';
const probe = (command: { type: string; [field: string]: unknown }) => command as unknown as CommandInput;

type Items = { items: Record<string, unknown> };

/** A subscriber that keeps a copy of the stream the way the store does. */
function follower() {
  const seen = { state: null as Items | null, seqs: [] as number[], snapshots: 0 };
  return {
    seen,
    handlers: {
      snapshot(state: StreamState, seq: number) {
        seen.state = state as unknown as Items;
        seen.snapshots += 1;
        seen.seqs.push(seq);
      },
      event(event: EventMessage) {
        if (seen.state) seen.state = applyChanges(seen.state, event.changes);
        seen.seqs.push(event.seq);
      },
    },
  };
}

describe('EilandClient against a real WebSocket server', () => {
  let server: ProtocolServer;
  let client: EilandClient;

  const makeClient = (url = server.url) =>
    new EilandClient({ url, backoff: { initialMs: 20, maxMs: 100 }, pingIntervalMs: 100, pongTimeoutMs: 100 });

  beforeEach(async () => {
    server = await ProtocolServer.start();
  });

  afterEach(async () => {
    client?.stop();
    await server.stop();
  });

  it('goes from connecting to online and reports the welcome', async () => {
    client = makeClient();
    const states: ConnectionState[] = [];
    client.onChange(() => states.push(client.state));
    client.start();
    expect(client.state).toBe('connecting');
    await eventually(() => expect(client.state).toBe('online'));
    expect(client.welcome?.role).toBe('facilitator');
    expect(states).toEqual(['connecting', 'online']);
  });

  it('stops and says so when the host speaks another protocol version, instead of failing later', async () => {
    server.protocolVersion = PROTOCOL_VERSION + 1;
    client = makeClient();
    client.start();
    await eventually(() => expect(client.state).toBe('outdated'));
    await expect(client.send('s1', probe({ type: 'item.add', itemId: 'a' }))).rejects.toThrow();
    const connections = server.connections;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // No reconnect loop against a host that cannot be understood.
    expect(server.connections).toBe(connections);
    expect(client.state).toBe('outdated');
  });

  it('delivers a snapshot, acknowledges a command and applies its event', async () => {
    client = makeClient();
    const { seen, handlers } = follower();
    client.start();
    client.subscribe('workspace', handlers);
    await eventually(() => expect(seen.snapshots).toBe(1));
    const ack = await client.send('workspace', probe({ type: 'item.add', itemId: 'a' }));
    expect(ack).toMatchObject({ stream: 'workspace', seq: 1 });
    await eventually(() => expect(seen.state?.items).toEqual({ a: { id: 'a' } }));
    expect(client.pendingCount).toBe(0);
  });

  it('rejects a refused command with the host code and reason', async () => {
    client = makeClient();
    client.start();
    const refused = client.send('s1', probe({ type: 'refuse' }));
    await expect(refused).rejects.toBeInstanceOf(HostError);
    await expect(refused).rejects.toMatchObject({ code: 'rule_violation', reason: 'no_dots_left' });
    expect(client.pendingCount).toBe(0);
  });

  it('keeps commands made while offline and sends them once the host is back', async () => {
    server.refuseUpgrades = true;
    client = makeClient();
    client.start();
    const first = client.send('s1', probe({ type: 'item.add', itemId: 'x' }));
    const second = client.send('s1', probe({ type: 'item.add', itemId: 'y' }));
    await eventually(() => expect(client.state).toBe('offline'));
    expect(client.pendingCount).toBe(2);
    server.refuseUpgrades = false;
    await expect(first).resolves.toMatchObject({ seq: 1 });
    await expect(second).resolves.toMatchObject({ seq: 2 });
    expect(server.applied).toHaveLength(2);
  });

  it('re-sends an unacknowledged command with the same id and the host applies it once', async () => {
    client = makeClient();
    const { seen, handlers } = follower();
    client.start();
    client.subscribe('s1', handlers);
    await eventually(() => expect(seen.snapshots).toBe(1));
    server.crashBeforeNextAck = true;
    const ack = await client.send('s1', probe({ type: 'item.add', itemId: 'n1' }));
    expect(ack.seq).toBe(1);
    expect(server.applied).toHaveLength(1);
    const sends = server.received.filter((m) => m.t === 'command');
    expect(sends).toHaveLength(2);
    expect(sends[0]?.t === 'command' && sends[1]?.t === 'command' && sends[0].id === sends[1].id).toBe(true);
    // The missed event came through the resubscribe from the last seen sequence, not a new snapshot.
    await eventually(() => expect(seen.state?.items).toEqual({ n1: { id: 'n1' } }));
    expect(seen.snapshots).toBe(1);
    expect(server.received).toContainEqual({ t: 'subscribe', stream: 's1', sinceSeq: 0, pictures: [] });
  });

  it('resubscribes from the last sequence when it sees a gap', async () => {
    client = makeClient();
    const { seen, handlers } = follower();
    client.start();
    client.subscribe('s1', handlers);
    await eventually(() => expect(seen.snapshots).toBe(1));
    await client.send('s1', probe({ type: 'item.add', itemId: 'a' }));
    server.loseEvents = 1;
    await client.send('s1', probe({ type: 'item.add', itemId: 'b' }));
    await client.send('s1', probe({ type: 'item.add', itemId: 'c' }));
    await eventually(() => expect(Object.keys(seen.state?.items ?? {})).toEqual(['a', 'b', 'c']));
    expect(seen.seqs).toEqual([0, 1, 2, 3]);
    expect(server.received).toContainEqual({ t: 'subscribe', stream: 's1', sinceSeq: 1, pictures: [] });
  });

  it('reconnects after the connection drops and catches up on what it missed', async () => {
    client = makeClient();
    const { seen, handlers } = follower();
    client.start();
    client.subscribe('s1', handlers);
    await eventually(() => expect(seen.snapshots).toBe(1));
    server.refuseUpgrades = true;
    server.dropConnections();
    await eventually(() => expect(client.state).toBe('offline'));
    // Another client's change while this one is away.
    const other = makeClient();
    server.refuseUpgrades = false;
    other.start();
    await other.send('s1', probe({ type: 'item.add', itemId: 'while-away' }));
    other.stop();
    await eventually(() => expect(seen.state?.items).toEqual({ 'while-away': { id: 'while-away' } }));
    expect(client.state).toBe('online');
  });

  it('notices a host that stops answering and connects again', async () => {
    client = makeClient();
    client.start();
    await eventually(() => expect(client.state).toBe('online'));
    server.answerPings = false;
    await eventually(() => expect(server.connections).toBeGreaterThanOrEqual(2), 3000);
  });

  it('stays offline against a host that refuses its token, and keeps trying', async () => {
    client = makeClient(server.url.replace('token=good', 'token=bad'));
    client.start();
    await eventually(() => expect(client.state).toBe('offline'));
    server.refuseUpgrades = false;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.state).not.toBe('online');
    expect(server.connections).toBe(0);
  });

  it('sends commands again after the host throttled them without saying which', async () => {
    client = new EilandClient({ url: server.url, backoff: { initialMs: 20, maxMs: 100 }, resendDelayMs: 50 });
    client.start();
    await eventually(() => expect(client.state).toBe('online'));
    server.throttleFrames = 2;
    const acks = await Promise.all([1, 2, 3].map((n) => client.send('s1', probe({ type: 'item.add', itemId: `t${n}` }))));
    expect(acks.map((ack) => ack.seq).sort()).toEqual([1, 2, 3]);
    expect(server.applied).toHaveLength(3);
  });

  it('rejects pending commands when stopped', async () => {
    server.refuseUpgrades = true;
    client = makeClient();
    client.start();
    const pending = client.send('s1', probe({ type: 'item.add' }));
    client.stop();
    await expect(pending).rejects.toThrow(/stopped/);
  });
});
