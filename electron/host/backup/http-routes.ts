import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackupFolderKind, RestoreAnswer } from '../../../shared/backup';
import { sameSecret } from '../http/api-route';
import { loopbackContext } from '../http/listener-context';
import { SECURITY_HEADERS } from '../http/reply';
import { BackupError, classify } from './errors';
import type { BackupRun, BackupService } from './service';

/**
 * The backups over HTTP, for the facilitator's page; every route needs the facilitator token.
 * Failures answer `{code, message, folder}` (code: shared/backup.ts) and change nothing.
 *
 *   GET  /api/backups             status and the list of backups (BackupStatus)
 *   POST /api/backups/now         take a backup now; answers the status afterwards
 *   POST /api/backups/settings    {secondFolder: string | null}; answers the status
 *   POST /api/backups/restore     {name, folder: 'local' | 'second'}; answers {keptAs}, then the
 *                                 host closes, swaps the files and reopens on the same address
 *
 * All of it sits in front of the server's own request handler (attachBackupRoutes), in this one
 * file, until the host has a router to register these routes with.
 */
export interface BackupRoutes {
  token: string;
  backups: BackupService;
  /** Prepares a restore; the host reopens on it once the answer has been sent (`reopen`). */
  restore(path: string): Promise<RestoreAnswer & { reopen(): void }>;
}

const PREFIX = '/api/backups';
const MAX_BODY_BYTES = 8 * 1024;

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

const failure = (error: BackupError) => ({ code: error.code, message: error.text('nl'), folder: error.folder });

class BadRequest extends Error {}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of request) {
    raw += String(chunk);
    if (raw.length > MAX_BODY_BYTES) throw new BadRequest('too large');
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new BadRequest('not a JSON object');
}

/** A run that failed in every folder it tried is the failure of the first. */
function runFailure(run: BackupRun): BackupError | null {
  if (!(run.local instanceof BackupError)) return null;
  if (run.second !== null && !(run.second instanceof BackupError)) return null;
  return run.local;
}

async function route(request: IncomingMessage, response: ServerResponse, url: URL, routes: BackupRoutes): Promise<void> {
  const { backups } = routes;
  const method = request.method ?? 'GET';
  const path = url.pathname;
  if (path === PREFIX && method === 'GET') return send(response, 200, await backups.status());
  if (method !== 'POST') return send(response, 405, { code: 'bad_request', message: 'Gebruik GET of POST.' });
  if (path === `${PREFIX}/now`) {
    const failed = runFailure(await backups.backupNow());
    return failed ? send(response, failed.status, failure(failed)) : send(response, 200, await backups.status());
  }
  const body = await readJson(request);
  if (path === `${PREFIX}/settings`) {
    const given = body.secondFolder;
    if (given !== null && typeof given !== 'string') throw new BadRequest('secondFolder');
    // A first backup into the new folder is part of choosing it; its failure is shown in the status.
    await backups.setSecondFolder(given);
    return send(response, 200, await backups.status());
  }
  if (path === `${PREFIX}/restore`) {
    const { name, folder } = body;
    if (typeof name !== 'string' || (folder !== 'local' && folder !== 'second')) throw new BadRequest('name, folder');
    const answer = await routes.restore(await backups.find(name, folder as BackupFolderKind));
    response.once('finish', () => answer.reopen());
    return send(response, 200, { keptAs: answer.keptAs });
  }
  send(response, 404, { code: 'not_found', message: 'Dit adres kent Eiland niet.' });
}

/** The facilitator's token, from the Authorization header or `?token=`. */
function authorised(request: IncomingMessage, url: URL, token: string): boolean {
  const header = request.headers.authorization;
  const given = url.searchParams.get('token') ?? (header?.startsWith('Bearer ') ? header.slice(7).trim() : null);
  return sameSecret(given, token);
}

function handle(request: IncomingMessage, response: ServerResponse, url: URL, routes: BackupRoutes): void {
  if (!authorised(request, url, routes.token)) {
    request.resume();
    send(response, 401, { code: 'unauthorized', message: 'Toegangscode ontbreekt of klopt niet.' });
    return;
  }
  route(request, response, url, routes).catch((error: unknown) => {
    request.resume();
    if (response.headersSent) return;
    if (error instanceof BadRequest) return send(response, 400, { code: 'bad_request', message: `Onjuiste vraag: ${error.message}.` });
    const known = classify(error, null);
    if (known.code === 'failed') console.error('Eiland host: backup route failed', error);
    send(response, known.status, failure(known));
  });
}

/** Puts the backup routes in front of the server's own request handler. */
export function attachBackupRoutes(server: Server, routes: BackupRoutes): void {
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const context = loopbackContext(() => (server.address() as AddressInfo | null)?.port ?? 0);
  // Only this computer's own pages: another name for 127.0.0.1 (DNS rebinding) or another site's page gets nothing.
  const ours = (request: IncomingMessage) =>
    context.hostAllowed(request.headers.host) && (request.headers.origin === undefined || context.origins().includes(request.headers.origin));
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    let url: URL | null = null;
    try {
      url = new URL(request.url ?? '/', 'http://host');
    } catch {
      // Not a target we can read: the router behind answers it (400), it never reaches the backups.
    }
    if (url && ours(request) && (url.pathname === PREFIX || url.pathname.startsWith(`${PREFIX}/`))) {
      handle(request, response, url, routes);
      return;
    }
    for (const listener of others) listener.call(server, request, response);
  });
}
