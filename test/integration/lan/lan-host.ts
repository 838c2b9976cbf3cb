import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startHost } from '../../../electron/host/host';
import type { AddressLimits } from '../../../electron/host/room/address-book';
import type { JoinGuardLimits } from '../../../electron/host/room/join-guard';
import type { RoomMessage } from '../../../shared/protocol';
import { TEST_TOKEN, tempDataDir } from '../../support/host-harness';
import { TestClient } from '../../support/ws-client';

/**
 * The LAN address every test here uses. Tests never bind or send to anything outside 127.0.0.0/8:
 * the host is told that this loopback alias is "the network".
 */
export const LAN_ADDRESS = '127.0.0.2';

/**
 * A tiny built renderer: the facilitator's and projector's pages with their own script, the
 * participant page with its script, a chunk it shares, and a font its stylesheet loads.
 */
function writeRenderer(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>facilitator</title><script type="module" src="./assets/index-F1.js"></script><link rel="modulepreload" href="./assets/shared-S1.js">',
    'projector.html': '<!doctype html><title>projector</title><script type="module" src="./assets/projector-P1.js"></script>',
    'join.html':
      '<!doctype html><title>join</title><script type="module" crossorigin src="./assets/join-J1.js"></script><link rel="modulepreload" crossorigin href="./assets/shared-S1.js"><link rel="stylesheet" href="./assets/join-C1.css">',
    'assets/index-F1.js': 'import{a}from"./shared-S1.js";import("./canvas-K1.js");console.log("facilitator",a)',
    'assets/canvas-K1.js': 'export const konva = 1;',
    'assets/projector-P1.js': 'import{a}from"./shared-S1.js";console.log("projector",a)',
    'assets/join-J1.js': 'import{a}from"./shared-S1.js";const later=()=>import("./later-L1.js");console.log("join",a,later)',
    'assets/later-L1.js': 'export const later = 1;',
    'assets/shared-S1.js': 'export const a = 1;',
    'assets/join-C1.css': '@font-face{font-family:x;src:url(./font-W1.woff2) format("woff2")}',
    'assets/font-W1.woff2': 'font',
    'assets/index-F1.js.map': '{}',
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
}

export async function startLanHost(options: { limits?: Partial<AddressLimits>; addresses?: string[]; port?: number; joinLimits?: JoinGuardLimits } = {}) {
  const dataDir = tempDataDir('eiland-lan-');
  const rendererDir = join(dataDir, 'renderer');
  writeRenderer(rendererDir);
  const addresses = (options.addresses ?? [LAN_ADDRESS]).map((address, index) => ({ name: `test${index}`, address }));
  const host = await startHost({
    dataDir,
    port: 0,
    token: TEST_TOKEN,
    rendererDir,
    lan: { addresses: () => addresses, ...(options.limits ? { limits: options.limits } : {}), ...(options.port ? { port: options.port } : {}) },
    ...(options.joinLimits ? { joinLimits: options.joinLimits } : {}),
  });
  const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
  for (const [id, title] of [
    ['s1', 'Programmateam'],
    ['s2', 'Stuurgroep'],
  ] as const) {
    await facilitator.command('workspace', {
      type: 'session.create',
      id,
      programmeId: null,
      title,
      group: title,
      date: '2025-03-04',
      templateId: 'lemniscaat-ik-wij-het',
    });
  }
  return {
    host,
    facilitator,
    async cleanup() {
      facilitator.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a room message as `client` and waits for the room's state in reply. */
export async function room(client: TestClient, message: Record<string, unknown> & { action: string; sessionId: string }): Promise<RoomMessage> {
  client.sendRaw(JSON.stringify({ t: 'room', ...message }));
  const reply = await client.next((m) => (m.t === 'room' && m.sessionId === message.sessionId) || (m.t === 'error' && m.id === null));
  if (reply.t !== 'room') throw new Error(`room ${message.action} refused: ${JSON.stringify(reply)}`);
  return reply;
}

/** The LAN base URL (http://127.0.0.2:PORT/) out of a room's join URL. */
export function lanBase(joinUrl: string | null): string {
  if (joinUrl === null) throw new Error('the room is not on the network');
  const url = new URL(joinUrl);
  return `${url.origin}/`;
}

/** A GET or POST on the raw HTTP level, without following redirects. */
export async function http(url: string, init: RequestInit = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** Whether anything accepts a TCP connection on the address and port (false when refused). */
export async function listening(base: string): Promise<boolean> {
  try {
    await fetch(base, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** POST /api/join from a given source address in 127.0.0.0/8, as another phone on the network would. */
export function joinFrom(base: string, code: string, localAddress: string): Promise<{ status: number; body: { token?: string } }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ code, name: null });
    const req = request(
      `${base}api/join`,
      { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as { token?: string } }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

