import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomMessage } from '../../../shared/protocol';
import { tempDataDir } from '../../support/host-harness';
import { buildHostBundle, type HostBundle, type HostProcess, spawnHost } from '../../support/host-process';
import { type FuzzContext, fuzzRequest } from '../../support/http-fuzz';
import { rawHttp } from '../../support/raw-http';
import { report, seed, seededRandom, size } from '../../support/reliability';
import { TrackingClient } from '../../support/tracking-client';

/**
 * targets.md, Reliability, "HTTP": at least 5,000 malformed requests (targets, methods, headers,
 * cut and slow bodies) against both listeners of a real host process, sent over raw sockets. After
 * every batch the host must still answer and still acknowledge a facilitator command; it never
 * exits, no request is answered 500 (a handler that threw), and the last resort never had to act.
 */
const REQUESTS = size('EILAND_HTTP_FUZZ', 400, 5000);
const BATCH = 50;
const LAN_ADDRESS = '127.0.0.2';
const RANDOM_SEED = seed();

describe('reliability: malformed HTTP against both listeners', () => {
  let bundle: HostBundle;
  let host: HostProcess;
  let facilitator: TrackingClient;
  let dataDir: string;
  const token = randomBytes(16).toString('hex');

  beforeAll(async () => {
    bundle = await buildHostBundle();
    dataDir = tempDataDir('eiland-http-fuzz-');
    host = await spawnHost(bundle.file, dataDir, token, 15_000, ['--lan-address', LAN_ADDRESS]);
    facilitator = await TrackingClient.staff(host.url, token);
  });

  afterAll(async () => {
    facilitator?.close();
    await host?.stop();
    bundle?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers or drops ${REQUESTS} malformed requests and keeps serving`, async () => {
    const started = Date.now();
    const create = { type: 'session.create', id: 's1', programmeId: null, title: 'Fuzz', group: 'Team', date: '2025-01-01', templateId: 'lemniscaat-ik-wij-het' };
    expect(await facilitator.command('create', 'workspace', create)).toMatchObject({ t: 'ack' });
    facilitator.ws.send(JSON.stringify({ t: 'room', action: 'open', sessionId: 's1', interfaceAddress: LAN_ADDRESS }));
    const opened = (await facilitator.waitFor((m) => m.t === 'room' && m.joinUrl !== null)) as RoomMessage;
    const lan = new URL(opened.joinUrl as string);
    const listeners = [
      { name: 'loopback', address: '127.0.0.1', port: host.port, context: { host: `127.0.0.1:${host.port}`, code: opened.joinCode as string, token } },
      { name: 'lan', address: LAN_ADDRESS, port: Number(lan.port), context: { host: lan.host, code: opened.joinCode as string, token } },
    ] satisfies { name: string; address: string; port: number; context: FuzzContext }[];

    const random = seededRandom(RANDOM_SEED);
    const statuses = new Map<string, number>();
    const kinds = new Map<string, number>();
    const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    const fivehundreds: string[] = [];
    let sent = 0;
    let checks = 0;
    while (sent < REQUESTS) {
      const batch = Math.min(BATCH, REQUESTS - sent);
      await Promise.all(
        Array.from({ length: batch }, async (_, index) => {
          const listener = listeners[(sent + index) % 2] as (typeof listeners)[number];
          const { kind, options } = fuzzRequest(random, listener.context);
          count(kinds, `${listener.name} ${kind}`);
          const answer = await rawHttp(listener.address, listener.port, options);
          count(statuses, answer.status === null ? 'none' : String(answer.status));
          if (answer.status !== null && answer.status >= 500) fivehundreds.push(`${listener.name} ${kind}: ${options.parts.map((part) => part.toString().slice(0, 120)).join('|')}`);
        }),
      );
      sent += batch;
      // After every batch: still running, still serving pages, still acknowledging the facilitator.
      expect(host.child.exitCode, host.output()).toBeNull();
      expect(host.child.signalCode, host.output()).toBeNull();
      expect((await fetch(host.url)).status).toBeLessThan(500);
      const id = `alive-${checks}`;
      expect(await facilitator.command(id, 's1', { type: 'note.add', id: `n-${id}`, zoneId: 'ik', text: `Na ${sent} verzoeken` })).toMatchObject({ t: 'ack' });
      checks += 1;
    }
    expect(fivehundreds).toEqual([]);
    expect(host.output()).not.toContain('last resort');
    report(
      `reliability.http: ${sent} malformed requests over raw sockets to both listeners (${[...kinds].map(([key, n]) => `${key} ${n}`).join(', ')}); ` +
        `answers ${[...statuses].sort().map(([key, n]) => `${key}×${n}`).join(', ')}; 0 exits, 0 × 5xx; ${checks} checks after each batch: host answered and acked; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s; seed ${RANDOM_SEED}`,
    );
  }, 14 * 60_000);
});
