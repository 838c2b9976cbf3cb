import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, fillPath } from '../../../shared/http-routes';
import { TEST_TOKEN } from '../../support/host-harness';
import { rawHttp, request } from '../../support/raw-http';
import { LAN_ADDRESS, lanBase, room, startLanHost } from '../lan/lan-host';

/**
 * Every facilitator route declared in shared/http-routes.ts — the harvest's, the jobs', the
 * backups' — is served by the one router with the same checks: only on this computer's listener,
 * only under its own Host name, only from its own pages, only with the facilitator's token. Each
 * refusal changes nothing and the host goes on.
 */
const FACILITATOR_ROUTES = Object.entries(API_ROUTES).filter(([, spec]) => spec.auth === 'facilitator');

/** A concrete address for a route: its `:name` segments filled with a plausible value. */
const pathOf = (path: string) => fillPath(path, { id: '00000000-0000-0000-0000-000000000000', scope: 'session', file: 's1.pdf' });

describe('facilitator routes in the one router', () => {
  let started: Awaited<ReturnType<typeof startLanHost>>;
  let loopback: { address: string; port: number; host: string };
  let lan: { address: string; port: number; host: string };

  beforeAll(async () => {
    started = await startLanHost();
    const opened = await room(started.facilitator, { action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS });
    const lanUrl = new URL(lanBase(opened.joinUrl));
    const port = started.host.server.port;
    loopback = { address: '127.0.0.1', port, host: `127.0.0.1:${port}` };
    lan = { address: LAN_ADDRESS, port: Number(lanUrl.port), host: lanUrl.host };
  }, 60_000);

  afterAll(async () => {
    await started?.cleanup();
  });

  const ask = (listener: typeof loopback, method: string, path: string, headers: Record<string, string | number>) =>
    rawHttp(listener.address, listener.port, { parts: [request(method, path, { Host: listener.host, Connection: 'close', ...headers })] });

  it('declares the job and backup routes with the others', () => {
    const paths = FACILITATOR_ROUTES.map(([, spec]) => `${spec.method} ${spec.path}`);
    for (const expected of [
      'POST /api/jobs/export',
      'POST /api/jobs/import',
      'POST /api/jobs/prepare',
      'DELETE /api/jobs/:id',
      'GET /api/jobs/:id/file',
      'GET /api/backups',
      'POST /api/backups/now',
      'POST /api/backups/settings',
      'POST /api/backups/restore',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('refuses each one without the token, from another origin, under another host name, and on the network', async () => {
    for (const [name, spec] of FACILITATOR_ROUTES) {
      const path = pathOf(spec.path);
      const anonymous = await ask(loopback, spec.method, path, {});
      expect(anonymous.status, `${name} without token`).toBe(401);
      expect(anonymous.text, name).toContain('"code":"unauthorized"');
      const foreign = await ask(loopback, spec.method, path, { Authorization: `Bearer ${TEST_TOKEN}`, Origin: 'http://evil.example' });
      expect(foreign.status, `${name} from another origin`).toBe(403);
      const rebound = await ask(loopback, spec.method, path, { Authorization: `Bearer ${TEST_TOKEN}`, Host: `evil.example:${loopback.port}` });
      expect(rebound.status, `${name} under another host name`).toBe(403);
      const network = await ask(lan, spec.method, path, { Authorization: `Bearer ${TEST_TOKEN}` });
      expect(network.status, `${name} on the network listener`).toBe(404);
    }
    expect(await started.facilitator.command('s1', { type: 'note.add', id: 'after-refusals', zoneId: 'ik', text: 'nog hier' })).toMatchObject({ t: 'ack' });
  });

  it('checks bodies against the declared schemas before anything runs', async () => {
    const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
    const json = (value: unknown) => {
      const body = JSON.stringify(value);
      return { headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }, body };
    };
    const cases: [string, string, { headers: Record<string, string | number>; body: string }, number, string][] = [
      ['POST', API_ROUTES.backupSettings.path, json({ secondFolder: 5 }), 400, 'bad_request'],
      ['POST', API_ROUTES.backupRestore.path, json({ name: 'x.sqlite', folder: 'usb' }), 400, 'bad_request'],
      ['POST', API_ROUTES.backupNow.path, json({ now: true }), 400, 'bad_request'],
      ['POST', API_ROUTES.jobExport.path, json({ scope: 'session', id: 's1', format: 'odt' }), 400, 'bad_request'],
      ['POST', API_ROUTES.jobExport.path, { headers: { ...auth, 'Content-Type': 'text/plain', 'Content-Length': 2 }, body: '{}' }, 415, 'bad_request'],
      ['POST', API_ROUTES.jobExport.path, { headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': 3 }, body: '{x}' }, 400, 'bad_request'],
    ];
    for (const [method, path, { headers, body }, status, code] of cases) {
      const answer = await rawHttp(loopback.address, loopback.port, { parts: [request(method, path, { Host: loopback.host, Connection: 'close', ...headers }, body)] });
      expect(answer.status, `${method} ${path} ${body}`).toBe(status);
      expect(answer.text, `${method} ${path} ${body}`).toContain(`"code":"${code}"`);
    }
    const tooBig = 'x'.repeat(API_ROUTES.backupSettings.bodyLimit + 1);
    const big = await rawHttp(loopback.address, loopback.port, {
      parts: [request('POST', API_ROUTES.backupSettings.path, { Host: loopback.host, Connection: 'close', ...auth, 'Content-Type': 'application/json', 'Content-Length': tooBig.length }, tooBig)],
    });
    expect(big.status).toBe(413);
    const stopUnknown = await ask(loopback, 'DELETE', pathOf(API_ROUTES.jobCancel.path), auth);
    expect(stopUnknown.status).toBe(404);
    expect(stopUnknown.text).toContain('"code":"not_found"');
    const badId = await ask(loopback, 'DELETE', fillPath(API_ROUTES.jobCancel.path, { id: 'x' }), auth);
    expect(badId.status).toBe(404);
    expect((await ask(loopback, 'PUT', API_ROUTES.backups.path, auth)).status).toBe(405);
  });
});
