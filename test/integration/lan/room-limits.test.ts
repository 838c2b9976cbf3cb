import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, type RoomMessage } from '../../../shared/protocol';
import { TEST_TOKEN } from '../../support/host-harness';
import { rawHttp, request } from '../../support/raw-http';
import { sleep } from '../../support/reliability';
import { socketVerdict, TestClient } from '../../support/ws-client';
import { joinFrom, LAN_ADDRESS, lanBase, room, startLanHost } from './lan-host';

/**
 * The room's limits (electron/host/room/): each bad input is refused, and nothing changes by it.
 */
describe('room limits', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function lanHost(options: Parameters<typeof startLanHost>[0] = {}) {
    const started = await startLanHost(options);
    cleanups.push(started.cleanup);
    const opened = await room(started.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const participants = (session = 's1') => Object.keys(started.host.engine.session(session)?.participants ?? {}).sort();
    return { ...started, base, code: opened.joinCode as string, participants };
  }

  it('gives every open room a new code after too many wrong codes from all addresses together, and tells the facilitator', async () => {
    const { host, facilitator, base, code, participants } = await lanHost({ joinLimits: { failuresPerAddress: 3, failuresInAll: 8 } });
    const phone = await TestClient.phone(base, code, 'Al binnen');
    cleanups.push(() => phone.close());
    const before = participants();
    // Eight addresses, one wrong code each: none reaches its own limit of 3, together they reach 8.
    for (let index = 0; index < 7; index += 1) expect((await joinFrom(base, `WRONG${index}`, `127.0.0.${20 + index}`)).status).toBe(404);
    expect(host.rooms.status('s1')?.joinCode).toBe(code);
    const told = facilitator.next((m) => m.t === 'room' && m.sessionId === 's1' && m.codeChanged === 'guessing');
    expect((await joinFrom(base, 'WRONG7', '127.0.0.27')).status).toBe(404);
    const update = (await told) as RoomMessage;
    expect(update.joinCode).not.toBe(code);
    expect(update.joinUrl).toBe(`${base}join.html?code=${update.joinCode}`);
    // The old code is worth nothing now; the new one works; the phone that was in stays in.
    expect((await joinFrom(base, code, '127.0.0.30')).status).toBe(404);
    expect(participants()).toEqual(before);
    expect(await phone.command('s1', { type: 'note.add', id: 'still-in', zoneId: 'ik', text: 'Nog steeds binnen' })).toMatchObject({ t: 'ack' });
    expect((await joinFrom(base, update.joinCode as string, '127.0.0.31')).status).toBe(200);
  });

  it('lets the facilitator, and only the facilitator, give the room a new code', async () => {
    const { host, facilitator, base, code } = await lanHost();
    const projector = await TestClient.facilitator(host.url, TEST_TOKEN, 'projector');
    cleanups.push(() => projector.close());
    await room(projector, { action: 'status', sessionId: 's1' });
    const phone = await TestClient.phone(base, code);
    cleanups.push(() => phone.close());
    for (const client of [projector, phone]) {
      client.sendRaw(JSON.stringify({ t: 'room', action: 'rotate', sessionId: 's1' }));
      expect(await client.next((m) => m.t === 'error' && m.id === null)).toMatchObject({ code: 'forbidden' });
    }
    expect(host.rooms.status('s1')?.joinCode).toBe(code);
    const rotated = await room(facilitator, { action: 'rotate', sessionId: 's1' });
    expect(rotated).toMatchObject({ open: true, codeChanged: 'facilitator' });
    expect(rotated.joinCode).not.toBe(code);
    // The projector shows the new code at once.
    expect(await projector.next((m) => m.t === 'room' && m.joinCode === rotated.joinCode)).toMatchObject({ codeChanged: 'facilitator' });
    expect(await phone.command('s1', { type: 'note.add', id: 'na-nieuwe-code', zoneId: 'wij', text: 'Blijft' })).toMatchObject({ t: 'ack' });
    // The notice goes once the facilitator does something else with the room.
    expect(await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS })).toMatchObject({ codeChanged: null });
  });

  it('refuses a network join for a room open on this computer only, at the door', async () => {
    const { host, facilitator, base, participants } = await lanHost();
    const local = await room(facilitator, { action: 'open', sessionId: 's2' });
    expect(local.joinUrl).toBeNull();
    const before = participants('s2');
    expect((await joinFrom(base, local.joinCode as string, '127.0.0.40')).status).toBe(404);
    expect(participants('s2')).toEqual(before);
    // On this computer it may be joined; that token does not open a socket over the network.
    const here = await TestClient.phone(host.url, local.joinCode as string);
    cleanups.push(() => here.close());
    expect(await socketVerdict(`${base.replace('http', 'ws')}ws?participant=${here.token}`)).toEqual({ closeCode: CLOSE_CODES.roomClosed });
  });

  it('caps plain connections per address on the network, and drops requests that never finish their headers', async () => {
    const { base } = await lanHost({ limits: { connections: 4 } });
    const { hostname, port, host } = new URL(base);
    // Six half-sent requests from one address: four are held (until their time runs out), two are cut at once.
    const half = request('GET', '/join.html', { Host: host }).subarray(0, 20);
    const attempts = Array.from({ length: 6 }, () => rawHttp(hostname, Number(port), { parts: [half], localAddress: '127.0.0.50', waitMs: 8000 }));
    await sleep(500);
    const other = await fetch(`${base}join.html`);
    expect(other.status).toBeLessThan(500);
    const answers = await Promise.all(attempts);
    const cutAtOnce = answers.filter((answer) => answer.closed && answer.status === null && answer.text === '');
    expect(cutAtOnce.length).toBeGreaterThanOrEqual(2);
    // The held ones are dropped by the header timeout (5 s), with 408, not kept for ever.
    const timedOut = answers.filter((answer) => answer.status === 408);
    expect(timedOut.length).toBe(4);
    // Once they are gone, the address is served again (the host counts a socket out when its close arrives).
    let again = null as number | null;
    for (let tries = 0; again !== 200 && tries < 20; tries += 1) {
      if (tries > 0) await sleep(50);
      again = (await rawHttp(hostname, Number(port), { parts: [request('GET', '/join.html', { Host: host, Connection: 'close' })], localAddress: '127.0.0.50' })).status;
    }
    expect(again).toBe(200);
  }, 20_000);

  it('checks the role before a replayed command id is acknowledged', async () => {
    const { host, facilitator, base, code } = await lanHost();
    expect(await facilitator.command('s1', { type: 'voting.open', open: true }, 'facilitator-open')).toMatchObject({ t: 'ack' });
    expect(await facilitator.command('s1', { type: 'voting.open', open: false }, 'facilitator-close')).toMatchObject({ t: 'ack' });
    const phone = await TestClient.phone(base, code);
    cleanups.push(() => phone.close());
    const seq = host.engine.seqOf('s1');
    // The phone saw the ids in the events; sending one again must not get it an ack.
    for (const [id, type] of [['facilitator-open', 'voting.open'], ['facilitator-close', 'history.undo'], ['facilitator-open', 'nonsense']] as const) {
      const reply = await phone.command('s1', { type, open: true }, id);
      expect(reply, `${id} ${type}`).toMatchObject({ t: 'error', code: type === 'nonsense' ? 'unknown_command' : 'forbidden' });
    }
    expect(host.engine.seqOf('s1')).toBe(seq);
    expect(host.engine.session('s1')?.flow.votingOpen).toBe(false);
  });

  it('gives the projector a token that can only watch', async () => {
    const { host, facilitator } = await lanHost();
    const welcome = await facilitator.next((m) => m.t === 'welcome');
    expect(welcome).toMatchObject({ role: 'facilitator', projectorToken: host.projectorToken });
    for (const query of [`token=${host.projectorToken}`, `token=${host.projectorToken}&role=facilitator`]) {
      const projector = await TestClient.connect(`${host.url.replace('http', 'ws')}ws?${query}`);
      cleanups.push(() => projector.close());
      const hello = await projector.next((m) => m.t === 'welcome');
      expect(hello).toMatchObject({ role: 'projector' });
      expect(hello).not.toHaveProperty('projectorToken');
      expect(await projector.subscribe('s1')).toMatchObject({ t: 'snapshot' });
      expect(await projector.command('s1', { type: 'voting.open', open: true })).toMatchObject({ t: 'error', code: 'forbidden' });
      projector.sendRaw(JSON.stringify({ t: 'room', action: 'close', sessionId: 's1' }));
      expect(await projector.next((m) => m.t === 'error' && m.id === null)).toMatchObject({ code: 'forbidden' });
    }
    // The API is the facilitator's alone.
    expect((await fetch(`${host.url}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${host.projectorToken}` } })).status).toBe(401);
    expect((await fetch(`${host.url}api/export/session/s1.csv?token=${host.projectorToken}`)).status).toBe(401);
    expect(host.rooms.status('s1')?.open).toBe(true);
  });
});
