import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostMessage } from '../../../shared/protocol';
import { TestClient } from '../../support/ws-client';
import { joinFrom, LAN_ADDRESS, lanBase, room, startLanHost } from './lan-host';

/** A participant socket from a given source address; resolves with its messages once open. */
function socketFrom(base: string, token: string, localAddress: string): Promise<{ ws: WebSocket; messages: HostMessage[] } | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}ws?participant=${token}`, { localAddress });
    const messages: HostMessage[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as HostMessage));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    ws.once('error', reject);
  });
}

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('limits per address on the network', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function openLan(limits: Parameters<typeof startLanHost>[0]) {
    const started = await startLanHost(limits);
    cleanups.push(started.cleanup);
    const opened = await room(started.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    return { ...started, base: lanBase(opened.joinUrl), code: opened.joinCode as string };
  }

  it('shares one message budget between all sockets of one address, on top of each socket’s own', async () => {
    const { base, code } = await openLan({ limits: { messageBurst: 60, messagesPerSecond: 1 } });
    const tokens = await Promise.all([1, 2, 3].map(async () => (await joinFrom(base, code, '127.0.0.5')).body.token as string));
    const sockets: { ws: WebSocket; messages: HostMessage[] }[] = [];
    for (const token of tokens) {
      const socket = await socketFrom(base, token, '127.0.0.5');
      if (typeof socket === 'number') throw new Error(`refused: ${socket}`);
      sockets.push(socket);
    }
    // 3 × 30 pings: each socket stays far below its own 200, the address goes over its 60.
    for (const [index, { ws }] of sockets.entries()) {
      for (let ping = 0; ping < 30; ping += 1) ws.send(JSON.stringify({ t: 'ping', id: `${index}-${ping}` }));
    }
    const answered = (messages: HostMessage[]) => messages.filter((m) => m.t === 'pong' || (m.t === 'error' && m.code === 'rate_limited')).length;
    await until(() => sockets.every(({ messages }) => answered(messages) === 30));
    const all = sockets.flatMap(({ messages }) => messages);
    const pongs = all.filter((m) => m.t === 'pong').length;
    const limited = all.filter((m) => m.t === 'error' && m.code === 'rate_limited').length;
    expect(pongs).toBeGreaterThanOrEqual(60);
    expect(pongs).toBeLessThanOrEqual(62);
    expect(limited).toBe(90 - pongs);

    // Another phone, at another address, has its own budget.
    const other = await socketFrom(base, (await joinFrom(base, code, '127.0.0.6')).body.token as string, '127.0.0.6');
    if (typeof other === 'number') throw new Error(`refused: ${other}`);
    for (let ping = 0; ping < 30; ping += 1) other.ws.send(JSON.stringify({ t: 'ping', id: `other-${ping}` }));
    await until(() => other.messages.filter((m) => m.t === 'pong').length === 30);
    for (const { ws } of [...sockets, other]) ws.close();
  });

  it('caps the sockets one address may hold open', async () => {
    const { base, code } = await openLan({ limits: { sockets: 2 } });
    const token = (await joinFrom(base, code, '127.0.0.7')).body.token as string;
    const first = await socketFrom(base, token, '127.0.0.7');
    const second = await socketFrom(base, token, '127.0.0.7');
    expect(await socketFrom(base, token, '127.0.0.7')).toBe(429);
    expect(typeof (await socketFrom(base, token, '127.0.0.8'))).toBe('object');
    if (typeof first === 'number' || typeof second === 'number') throw new Error('refused');
    const gone = new Promise((resolve) => first.ws.once('close', resolve));
    first.ws.close();
    await gone;
    // The host counts the socket out when its side has closed too, a moment later.
    let again = await socketFrom(base, token, '127.0.0.7');
    for (let tries = 0; again === 429 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await socketFrom(base, token, '127.0.0.7');
    }
    expect(typeof again).toBe('object');
  });

  it('limits joins per address, right code or not, and wrong codes as before', async () => {
    const { base, code } = await openLan({ limits: { joinBurst: 3, joinsPerSecond: 0.001 } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await joinFrom(base, code, '127.0.0.9')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await joinFrom(base, code, '127.0.0.10')).status).toBe(200);

    const guesses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) guesses.push((await joinFrom(base, `WRONG${attempt}`, '127.0.0.11')).status);
    expect(guesses.at(-1)).toBe(429);
  });

  it('refuses messages over the size limit on the network as on this computer', async () => {
    const { base, code } = await openLan({});
    const phone = await TestClient.phone(base, code);
    phone.sendRaw(JSON.stringify({ t: 'command', id: 'big', stream: 's1', command: { type: 'note.add', id: 'big', zoneId: 'ik', text: 'x'.repeat(70_000) } }));
    expect(await phone.next((m) => m.t === 'error')).toMatchObject({ code: 'too_large' });
    const closed = new Promise<number>((resolve) => phone.ws.once('close', resolve));
    phone.sendRaw('x'.repeat(1024 * 1024 + 10));
    expect(await closed).toBe(1009);
  });
});
