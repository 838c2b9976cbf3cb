import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SESSION_COMMANDS } from '../../../shared/reducer';
import { TEST_TOKEN } from '../../support/host-harness';
import { HISTORY_PAYLOADS, sessionPayloads } from '../../support/payloads';
import { CLOSE_CODES } from '../../../shared/protocol';
import { socketVerdict, TestClient } from '../../support/ws-client';
import { http, LAN_ADDRESS, lanBase, listening, room, startLanHost } from './lan-host';

/** The HTTP status a WebSocket upgrade gets, or 101 when it is accepted. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

/** A GET with a Host header of our choosing (fetch does not allow setting it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

describe('the LAN listener: phones reach the host over the network only while a room is open', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function lanHost(options?: Parameters<typeof startLanHost>[0]) {
    const started = await startLanHost(options);
    cleanups.push(started.cleanup);
    return started;
  }

  it('listens on the chosen address only between opening and closing the room', async () => {
    const { host, facilitator } = await lanHost();
    const port = host.server.port;
    const candidate = `http://${LAN_ADDRESS}:${port}/`;

    const before = await room(facilitator, { action: 'status', sessionId: 's1' });
    expect(before).toMatchObject({ open: false, joinCode: null, joinUrl: null, addresses: [{ address: LAN_ADDRESS }] });
    expect(await listening(candidate)).toBe(false);

    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    expect(opened.open).toBe(true);
    expect(opened.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    // The same port number as on this computer, so the address on the projector stays the same.
    expect(opened.joinUrl).toBe(`http://${LAN_ADDRESS}:${port}/join.html?code=${opened.joinCode}`);
    expect(host.server.roomControl.lanEndpoint).toEqual({ address: LAN_ADDRESS, port });
    expect(await listening(candidate)).toBe(true);

    const closed = await room(facilitator, { action: 'close', sessionId: 's1' });
    expect(closed).toMatchObject({ open: false, joinUrl: null, joinCode: opened.joinCode });
    expect(host.server.roomControl.lanEndpoint).toBeNull();
    expect(await listening(candidate)).toBe(false);
  });

  it('takes its own fixed port when free, else the loopback port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, LAN_ADDRESS, resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const busy = await lanHost({ port: taken });
      const opened = await room(busy.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
      expect(new URL(opened.joinUrl as string).port).toBe(String(busy.host.server.port));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const free = await lanHost({ port: taken });
    const opened = await room(free.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    expect(new URL(opened.joinUrl as string).port).toBe(String(taken));
  });

  it('gets its last port back when the room opens again, even once the fixed port is free', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, LAN_ADDRESS, resolve));
    const fixed = (blocker.address() as AddressInfo).port;
    const { host, facilitator } = await lanHost({ port: fixed });
    const first = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const fallback = new URL(first.joinUrl as string).port;
    expect(fallback).toBe(String(host.server.port));
    await new Promise((resolve) => blocker.close(resolve));

    await room(facilitator, { action: 'close', sessionId: 's1' });
    const again = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    // The phones' pages and the address on the wall still point at the port of the first opening.
    expect(new URL(again.joinUrl as string).port).toBe(fallback);
  });

  it('tells the facilitator how many people have a phone connected, counting one person’s sockets once', async () => {
    const { host, facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    expect(opened.connected).toBe(0);
    const connectedBecomes = async (count: number) => {
      for (;;) {
        const update = await facilitator.next((m) => m.t === 'room' && m.sessionId === 's1');
        if (update.t === 'room' && update.connected === count) return;
      }
    };
    const anna = await TestClient.phone(host.url, opened.joinCode as string, 'Anna');
    const bram = await TestClient.phone(host.url, opened.joinCode as string, 'Bram');
    await connectedBecomes(2);
    // Anna's page reloads: a second socket with the same token is still one person.
    const annaAgain = await TestClient.connect(`${host.url.replace(/^http/, 'ws')}ws?participant=${anna.token}`);
    await annaAgain.subscribe('s1');
    expect(host.server.roomControl.sockets.connectedPeople('s1')).toHaveLength(2);
    expect(host.server.roomControl.sockets.connectedPeople('s2')).toEqual([]);
    bram.close();
    await connectedBecomes(1);
    anna.close();
    annaAgain.close();
    await connectedBecomes(0);
  });

  it('opens on this computer only when no address is chosen, and never on an address it does not offer', async () => {
    const { host, facilitator } = await lanHost();
    const local = await room(facilitator, { action: 'open', sessionId: 's1' });
    expect(local).toMatchObject({ open: true, joinUrl: null, problem: null });
    expect(host.server.roomControl.lanEndpoint).toBeNull();

    for (const address of ['0.0.0.0', '127.0.0.1', '127.0.0.9', '::', 'localhost']) {
      const refused = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: address });
      expect(refused).toMatchObject({ open: true, joinUrl: null, problem: 'address_unavailable' });
      expect(host.server.roomControl.lanEndpoint).toBeNull();
    }
    // Phones on this computer can still join while the room is open here.
    expect((await TestClient.phone(host.url, local.joinCode as string)).participantId).toMatch(/^p-/);
  });

  it('serves the participant page and its own assets, and nothing of the facilitator', async () => {
    const { facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);

    const page = await http(opened.joinUrl as string);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>join</title>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const asset of ['join-J1.js', 'shared-S1.js', 'later-L1.js', 'join-C1.css', 'font-W1.woff2']) {
      expect((await http(`${base}assets/${asset}`)).status, asset).toBe(200);
    }
    // Only the address, as typed from the projector: straight to the participant page.
    const root = await http(`${base}?code=ABC`);
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/join.html?code=ABC');
    expect(root.text).not.toContain('facilitator');

    const unreachable = [
      'index.html',
      'projector.html',
      `index.html?token=${TEST_TOKEN}`,
      'assets/index-F1.js',
      'assets/index-F1.js.map',
      'assets/canvas-K1.js',
      'assets/projector-P1.js',
      'assets/../index.html',
      'assets/%2e%2e/index.html',
      '%2e%2e/%2e%2e/etc/passwd',
      `api/export/session/s1.pdf?token=${TEST_TOKEN}`,
      `api/export/session/s1.sqlite?token=${TEST_TOKEN}`,
      `api/export/session/s1.csv?token=${TEST_TOKEN}&table=votes`,
      `api/export/programme/prog1.pdf?token=${TEST_TOKEN}`,
      `api/programme/prog1/suggestions?token=${TEST_TOKEN}`,
      'api/token',
      `ws?token=${TEST_TOKEN}`,
      'join.html/../index.html',
    ];
    for (const path of unreachable) {
      const response = await http(`${base}${path}`);
      expect([403, 404], path).toContain(response.status);
      expect(response.text, path).not.toContain('facilitator');
    }
    expect((await http(`${base}api/join`)).status).toBe(405);
    // The API of this computer does not exist on the network, token or not.
    for (const path of ['api/import', 'api/demo', 'api/export-to-file']) {
      expect((await http(`${base}${path}?token=${TEST_TOKEN}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    }
    // Another site cannot make a phone's browser join: a plain form post or another origin is refused.
    const code = opened.joinCode as string;
    const json = { 'Content-Type': 'application/json' };
    expect((await http(`${base}api/join`, { method: 'POST', body: JSON.stringify({ code }) })).status).toBe(415);
    expect((await http(`${base}api/join`, { method: 'POST', headers: { ...json, Origin: 'http://evil.example' }, body: JSON.stringify({ code }) })).status).toBe(403);
    const port = new URL(base).port;
    expect((await http(`${base}api/join`, { method: 'POST', headers: { ...json, Origin: `http://${LAN_ADDRESS}:${port}` }, body: JSON.stringify({ code }) })).status).toBe(200);
    expect((await http(`${base}join.html`, { method: 'POST' })).status).toBe(405);

    // The facilitator's and projector's sockets do not exist on the network, token or not.
    const ws = base.replace(/^http/, 'ws');
    expect(await upgradeStatus(`${ws}ws?token=${TEST_TOKEN}`)).toBe(404);
    expect(await upgradeStatus(`${ws}ws?token=${TEST_TOKEN}&role=projector`)).toBe(404);
    expect(await upgradeStatus(`${ws}ws?token=${TEST_TOKEN}&participant=x`)).toBe(404);
    expect(await upgradeStatus(`${ws}ws`)).toBe(404);
    expect(await upgradeStatus(`${ws}other?participant=x`)).toBe(404);
    expect(await socketVerdict(`${ws}ws?participant=not-a-token`)).toEqual({ closeCode: CLOSE_CODES.roomClosed });
  });

  it('answers only to its own address: other host names and other sites are refused', async () => {
    const { facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const port = new URL(base).port;
    expect(await getWithHost(`${base}join.html`, `${LAN_ADDRESS}:${port}`)).toBe(200);
    expect(await getWithHost(`${base}join.html`, `evil.example:${port}`)).toBe(403);
    expect(await getWithHost(`${base}join.html`, `localhost:${port}`)).toBe(403);

    const phone = await TestClient.phone(base, opened.joinCode as string);
    const socket = `${base.replace(/^http/, 'ws')}ws?participant=${phone.token}`;
    expect(await upgradeStatus(socket, { Origin: `http://${LAN_ADDRESS}:${port}` })).toBe(101);
    expect(await upgradeStatus(socket, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(socket, { Origin: `http://127.0.0.1:${port}` })).toBe(403);
    expect(await upgradeStatus(socket, { Origin: `http://${LAN_ADDRESS}:${port}`, Host: `evil.example:${port}` })).toBe(403);
    phone.close();
  });

  it('lets phones join over the network and act only as participants of their own session', async () => {
    const { host, facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const phone = await TestClient.phone(base, opened.joinCode as string, 'Anna');
    expect(await phone.next((m) => m.t === 'welcome')).toMatchObject({ role: 'participant', participantId: phone.participantId });
    expect(await phone.subscribe('s1')).toMatchObject({ t: 'snapshot', stream: 's1' });
    expect(await phone.command('s1', { type: 'note.add', id: 'lan-n1', zoneId: 'ik', text: 'Via de wifi' })).toMatchObject({ t: 'ack' });
    expect(host.engine.session('s1')?.notes['lan-n1']).toMatchObject({ authorId: phone.participantId, authorName: null });

    for (const command of [
      { type: 'phase.set', phaseId: 'voting' },
      { type: 'voting.open', open: true },
      { type: 'settings.update', moderation: false },
      { type: 'note.approve', ids: ['lan-n1'] },
      { type: 'note.move', moves: [{ id: 'lan-n1', x: 1, y: 1 }] },
      { type: 'history.undo' },
    ]) {
      expect(await phone.command('s1', command), command.type).toMatchObject({ t: 'error', code: 'forbidden' });
    }
    expect(await phone.command('workspace', { type: 'session.delete', id: 's1' })).toMatchObject({ t: 'error', code: 'wrong_session' });
    expect(await phone.command('s2', { type: 'note.add', id: 'lan-n2', zoneId: 'ik', text: 'Elders' })).toMatchObject({ t: 'error', code: 'wrong_session' });
    phone.sendRaw(JSON.stringify({ t: 'room', action: 'close', sessionId: 's1' }));
    expect(await phone.next((m) => m.t === 'error' && m.id === null)).toMatchObject({ code: 'forbidden' });
    expect(host.engine.session('s1')?.flow.votingOpen).toBe(false);
    phone.close();
  });

  it('refuses every facilitator-only command from a phone on the network, and changes nothing', async () => {
    const { host, facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const phone = await TestClient.phone(lanBase(opened.joinUrl), opened.joinCode as string);
    const payloads = sessionPayloads({
      fresh: 'x1',
      zoneId: 'ik',
      noteId: 'n1',
      deletableNoteId: 'n2',
      clusterId: 'c1',
      deletableClusterId: 'c2',
      attentionPointId: 'a1',
      deletableAttentionPointId: 'a2',
      ingredientId: 'i1',
      deletableIngredientId: 'i2',
      deletableOtherPointId: 'o1',
      voteId: 'v1',
      participantId: phone.participantId,
      duplicateParticipantId: phone.participantId,
      phaseId: 'checkin',
      programmeId: 'prog1',
      sessionId: 's1',
      deletableSession: { id: 's2', title: 'Stuurgroep' },
      deletableProgramme: { id: 'prog-del', name: 'Weg programma' },
      actionId: 'act-keep',
      deletableActionId: 'act-del',
      actionSessionId: 's0',
      actionIngredientId: 'ing0-free',
      themeId: 'th-keep',
      deletableThemeId: 'th-del',
    });
    const before = host.engine.seqOf('s1');
    let refused = 0;
    for (const [type, definition] of SESSION_COMMANDS) {
      if (definition.roles.includes('participant')) continue;
      const payload = payloads[type];
      expect(payload, `a payload for ${type}`).toBeDefined();
      expect(await phone.command('s1', payload as { type: string }), type).toMatchObject({ t: 'error', code: 'forbidden' });
      refused += 1;
    }
    for (const payload of Object.values(HISTORY_PAYLOADS)) {
      expect(await phone.command('s1', payload), payload.type).toMatchObject({ t: 'error', code: 'forbidden' });
    }
    expect(refused).toBeGreaterThan(20);
    expect(host.engine.seqOf('s1')).toBe(before);
    phone.close();
  });

  it('closing the room drops every phone, closes the listener and ends their tokens', async () => {
    const { host, facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(opened.joinUrl);
    const code = opened.joinCode as string;
    const overLan = await TestClient.phone(base, code);
    const onThisComputer = await TestClient.phone(host.url, code);
    const closes = [overLan, onThisComputer].map((phone) => new Promise<number>((resolve) => phone.ws.once('close', resolve)));

    await room(facilitator, { action: 'close', sessionId: 's1' });
    expect(await Promise.all(closes)).toEqual([CLOSE_CODES.roomClosed, CLOSE_CODES.roomClosed]);
    expect(await listening(base)).toBe(false);
    expect(await socketVerdict(`${host.url.replace('http', 'ws')}ws?participant=${overLan.token}`)).toEqual({ closeCode: CLOSE_CODES.roomClosed });

    // Opened again (same code), the old tokens stay ended: the phones join again with the code.
    const again = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    expect(again.joinCode).toBe(code);
    const lanSocket = `${lanBase(again.joinUrl).replace('http', 'ws')}ws`;
    for (const url of [`${lanSocket}?participant=${overLan.token}`, `${host.url.replace('http', 'ws')}ws?participant=${onThisComputer.token}`]) {
      expect(await socketVerdict(url)).toEqual({ closeCode: CLOSE_CODES.roomClosed });
    }
    const back = await TestClient.phone(lanBase(again.joinUrl), code);
    expect(await back.next((m) => m.t === 'welcome')).toMatchObject({ participantId: back.participantId });
    expect(back.participantId).not.toBe(overLan.participantId);
    back.close();
  });

  it('keeps the listener while another session still has its room open on the network', async () => {
    const { facilitator } = await lanHost();
    const first = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const second = await room(facilitator, { action: 'open', sessionId: 's2', interfaceAddress: LAN_ADDRESS });
    const base = lanBase(first.joinUrl);
    expect(lanBase(second.joinUrl)).toBe(base);
    const phoneOfSecond = await TestClient.phone(base, second.joinCode as string);
    const phoneOfFirst = await TestClient.phone(base, first.joinCode as string);
    const firstClosed = new Promise<number>((resolve) => phoneOfFirst.ws.once('close', resolve));

    await room(facilitator, { action: 'close', sessionId: 's1' });
    expect(await firstClosed).toBe(4001);
    expect(await listening(base)).toBe(true);
    expect(await phoneOfSecond.command('s2', { type: 'note.add', id: 'still-here', zoneId: 'wij', text: 'Nog open' })).toMatchObject({ t: 'ack' });
    phoneOfSecond.close();
  });

  it('lets go of the network when the session of its only room is deleted', async () => {
    const { host, facilitator } = await lanHost();
    const opened = await room(facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    expect(await facilitator.command('workspace', { type: 'session.delete', id: 's1', confirmTitle: 'Programmateam' })).toMatchObject({ t: 'ack' });
    expect(await room(facilitator, { action: 'status', sessionId: 's2' })).toMatchObject({ open: false, joinUrl: null });
    expect(host.server.roomControl.lanEndpoint).toBeNull();
    expect(await listening(lanBase(opened.joinUrl))).toBe(false);
  });

  it('tells the projector about the room, and lets it do nothing but ask', async () => {
    const { host, facilitator } = await lanHost();
    const projector = await TestClient.facilitator(host.url, TEST_TOKEN, 'projector');
    expect(await room(projector, { action: 'status', sessionId: 's1' })).toMatchObject({ open: false, showJoinInfo: true });

    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS }));
    const pushed = await projector.next((m) => m.t === 'room' && m.open);
    expect(pushed).toMatchObject({ sessionId: 's1', joinUrl: expect.stringContaining(`http://${LAN_ADDRESS}:`) });

    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'hide', sessionId: 's1' }));
    expect(await projector.next((m) => m.t === 'room' && !m.showJoinInfo)).toMatchObject({ open: true });

    // The look and language the facilitator's screen sets reach the projector; a bad one changes nothing.
    expect(await room(projector, { action: 'status', sessionId: 's1' })).toMatchObject({ display: null });
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'display', sessionId: 's1', display: { contrast: true, locale: 'en' } }));
    expect(await projector.next((m) => m.t === 'room' && m.display !== null)).toMatchObject({ display: { contrast: true, locale: 'en' } });
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'display', sessionId: 's1' }));
    expect(await facilitator.next((m) => m.t === 'error' && m.id === null)).toMatchObject({ code: 'invalid_payload' });
    facilitator.sendRaw(JSON.stringify({ t: 'room', action: 'display', sessionId: 's1', display: { contrast: true, locale: 'fr' } }));
    expect(await facilitator.next((m) => m.t === 'error' && m.id === null)).toMatchObject({ code: 'bad_message' });

    for (const action of ['open', 'close', 'show', 'hide', 'display']) {
      projector.sendRaw(JSON.stringify({ t: 'room', action, sessionId: 's1', display: { contrast: false, locale: 'nl' } }));
      expect(await projector.next((m) => m.t === 'error' && m.id === null), action).toMatchObject({ code: 'forbidden' });
    }
    // A projector that connects later (another browser) hears the same, and nothing of the refused ones.
    const later = await TestClient.facilitator(host.url, TEST_TOKEN, 'projector');
    expect(await room(later, { action: 'status', sessionId: 's1' })).toMatchObject({ display: { contrast: true, locale: 'en' } });
    later.close();
    expect(host.rooms.status('s1')?.open).toBe(true);
    expect(await room(facilitator, { action: 'status', sessionId: 'nope' }).catch((error: Error) => error.message)).toContain('not_found');
    projector.close();
  });
});
