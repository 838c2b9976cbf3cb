import { afterEach, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../../shared/http-routes';
import { TEST_TOKEN } from '../../support/host-harness';
import { rawHttp, request } from '../../support/raw-http';
import { TestClient } from '../../support/ws-client';
import { LAN_ADDRESS, lanBase, room, startLanHost } from '../lan/lan-host';

/**
 * The one HTTP surface (electron/host/http/): every request to either listener is answered with a
 * fitting status or dropped, and none of them can stop the host. Each of these once ended it.
 */
describe('the HTTP router on both listeners', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function hostWithRoom() {
    const started = await startLanHost();
    cleanups.push(started.cleanup);
    const opened = await room(started.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const lan = new URL(lanBase(opened.joinUrl));
    const loopbackPort = started.host.server.port;
    const listeners = [
      { name: 'loopback', address: '127.0.0.1', port: loopbackPort, host: `127.0.0.1:${loopbackPort}` },
      { name: 'lan', address: LAN_ADDRESS, port: Number(lan.port), host: lan.host },
    ];
    /** The host still answers and still acknowledges a facilitator command. */
    const alive = async (label: string) => {
      expect((await fetch(started.host.url)).status, label).toBeLessThan(500);
      expect(await started.facilitator.command('s1', { type: 'note.add', id: `alive-${label}-${Math.random().toString(36).slice(2)}`, zoneId: 'ik', text: label }), label).toMatchObject({ t: 'ack' });
    };
    return { ...started, code: opened.joinCode as string, listeners, alive };
  }

  it('answers targets that cannot be parsed with 400 or 414, and goes on serving', async () => {
    const { listeners, alive } = await hostWithRoom();
    const targets: [string, number[]][] = [
      ['//[', [400]],
      ['/[', [400]],
      ['/%ff', [400]],
      ['/%', [400]],
      ['/%zz/index.html', [400]],
      ['/assets/%2e%2e/index.html', [400]],
      ['/a%2fb', [400]],
      ['/a%00b', [400]],
      ['/join.html?code=%ff%fe', [200, 404]],
      ['*', [400]],
      ['http://evil.example/', [400]],
      ['/a//b', [400]],
      [`/${'a'.repeat(5000)}`, [414]],
      [`/${'a'.repeat(64 * 1024)}`, [431]],
    ];
    for (const { name, address, port, host } of listeners) {
      for (const [target, statuses] of targets) {
        const answer = await rawHttp(address, port, { parts: [request('GET', target, { Host: host, Connection: 'close' })] });
        expect(statuses, `${name} GET ${target.slice(0, 40)} → ${answer.status}`).toContain(answer.status);
      }
      // A raw NUL in the request line is the parser's to refuse.
      const nul = await rawHttp(address, port, { parts: [Buffer.from(`GET /a\u0000b HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 'latin1')] });
      expect(nul.status, `${name} NUL`).toBe(400);
      // The upgrade path reads targets the same way.
      const upgrade = await rawHttp(address, port, {
        parts: [request('GET', '//[', { Host: host, Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': 13 })],
      });
      expect(upgrade.status, `${name} upgrade //[`).toBe(400);
      await alive(name);
    }
  });

  it('says 404 for what is not there, 405 for a wrong method, 413 for a body over its limit', async () => {
    const { listeners, alive } = await hostWithRoom();
    const [loopback, lan] = listeners as [(typeof listeners)[0], (typeof listeners)[0]];
    const at = (listener: typeof loopback, method: string, target: string, headers: Record<string, string | number> = {}, body = '') =>
      rawHttp(listener.address, listener.port, { parts: [request(method, target, { Host: listener.host, Connection: 'close', ...headers }, body)] });
    expect((await at(loopback, 'GET', '/api/nothing')).status).toBe(404);
    expect((await at(lan, 'GET', '/index.html')).status).toBe(404);
    expect((await at(lan, 'GET', `/api/export/session/s1.pdf?token=${TEST_TOKEN}`)).status).toBe(404);
    expect((await at(loopback, 'DELETE', '/index.html')).status).toBe(405);
    expect((await at(lan, 'PUT', API_ROUTES.join.path)).status).toBe(405);
    // The join takes 4 KiB; a page takes no body at all.
    const big = JSON.stringify({ code: 'ABCDEF', name: 'x'.repeat(5000) });
    for (const listener of listeners) {
      const answer = await at(listener, 'POST', API_ROUTES.join.path, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(big) }, big);
      expect(answer.status, listener.name).toBe(413);
      expect(answer.text, listener.name).toContain('"code":"too_large"');
    }
    expect((await at(loopback, 'GET', '/', { 'Content-Length': 10 }, '0123456789')).status).toBe(413);
    const demo = await at(loopback, 'POST', API_ROUTES.demo.path, { Authorization: `Bearer ${TEST_TOKEN}`, 'Transfer-Encoding': 'chunked' }, '5\r\nhello\r\n0\r\n\r\n');
    expect(demo.status).toBe(413);
    await alive('statuses');
  });

  it('drops a join whose body is cut off or never finishes, and the host goes on', async () => {
    const { listeners, code, host, alive } = await hostWithRoom();
    const participants = () => Object.keys(host.engine.session('s1')?.participants ?? {}).length;
    const before = participants();
    const body = JSON.stringify({ code, name: 'Halverwege' });
    for (const listener of listeners) {
      for (const offset of [0, 1, 5, body.length - 1]) {
        const answer = await rawHttp(listener.address, listener.port, {
          parts: [request('POST', API_ROUTES.join.path, { Host: listener.host, 'Content-Type': 'application/json', 'Content-Length': body.length }, body.slice(0, offset))],
          cut: true,
        });
        expect(answer.status, `${listener.name} cut at ${offset}`).toBeNull();
      }
      await alive(`cut-${listener.name}`);
    }
    // Slow: the rest of the body never comes; the join's own limit (5 s) answers 408 and lets go.
    const lan = listeners[1] as (typeof listeners)[0];
    const slow = await rawHttp(lan.address, lan.port, {
      parts: [request('POST', API_ROUTES.join.path, { Host: lan.host, 'Content-Type': 'application/json', 'Content-Length': body.length }, body.slice(0, 3))],
      waitMs: 8000,
    });
    expect(slow.status).toBe(408);
    expect(slow.closed).toBe(true);
    expect(participants()).toBe(before);
    await alive('slow');
  }, 20_000);

  it('answers an SQLite error inside a join with 500, changes nothing and stays up', async () => {
    const { host, code, alive } = await hostWithRoom();
    const participants = () => Object.keys(host.engine.session('s1')?.participants ?? {}).length;
    const before = participants();
    // As a full disk would: the token cannot be written.
    host.db.exec(`CREATE TRIGGER fail_tokens BEFORE INSERT ON participant_tokens BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`);
    const answer = await fetch(`${host.url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ code: 'internal' });
    expect(host.db.prepare('SELECT COUNT(*) AS n FROM participant_tokens').get()).toEqual({ n: 0 });
    expect(participants()).toBe(before);
    host.db.exec('DROP TRIGGER fail_tokens');
    // The same when the session's own write fails: the token made for the join is taken back.
    host.db.exec(`CREATE TRIGGER fail_events BEFORE INSERT ON events BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`);
    const second = await fetch(`${host.url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(second.status).toBe(500);
    expect(host.db.prepare('SELECT COUNT(*) AS n FROM participant_tokens').get()).toEqual({ n: 0 });
    expect(participants()).toBe(before);
    host.db.exec('DROP TRIGGER fail_events');
    await alive('sqlite');
    expect((await TestClient.phone(host.url, code)).participantId).toMatch(/^p-/);
  });

  it('answers only to its own names on this computer, and only to its own pages for the API', async () => {
    const { host, code, listeners, alive } = await hostWithRoom();
    const loopback = listeners[0] as (typeof listeners)[0];
    const get = (hostHeader: string, target = '/') =>
      rawHttp(loopback.address, loopback.port, { parts: [request('GET', target, { Host: hostHeader, Connection: 'close' })] });
    // DNS rebinding: evil.example resolving to 127.0.0.1 reaches the port, but not Eiland.
    for (const name of [`evil.example:${loopback.port}`, 'evil.example', `127.0.0.1:${loopback.port + 1}`, `127.0.0.2:${loopback.port}`, '']) {
      expect((await get(name)).status, name).toBe(403);
    }
    for (const name of [`127.0.0.1:${loopback.port}`, `localhost:${loopback.port}`, `LOCALHOST:${loopback.port}`, `[::1]:${loopback.port}`]) {
      expect((await get(name, '/api/nothing')).status, name).toBe(404);
    }
    const twoHosts = await rawHttp(loopback.address, loopback.port, { parts: [`GET / HTTP/1.1\r\nHost: ${loopback.host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`] });
    expect(twoHosts.status).toBe(400);
    // Another site's page may not call the API, token or not; this computer's own pages may.
    const join = (origin: string) =>
      fetch(`${host.url}api/join`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ code }) });
    expect((await join('http://evil.example')).status).toBe(403);
    expect((await join(`http://127.0.0.1:${loopback.port + 1}`)).status).toBe(403);
    expect((await join(`http://localhost:${loopback.port}`)).status).toBe(200);
    const demo = await fetch(`${host.url}api/demo`, { method: 'POST', headers: { Authorization: `Bearer ${TEST_TOKEN}`, Origin: 'http://evil.example' } });
    expect(demo.status).toBe(403);
    expect(Object.keys(host.engine.workspace.programmes)).toEqual([]);
    await alive('names');
  });
});
