import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex, Readable } from 'node:stream';

/** Sent with every page: scripts and connections only from this host; nothing from the internet. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** What a route answers; the router writes it (reply.ts `send`), handlers never touch the response. */
export interface Reply {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
  /**
   * A body sent as it comes, in place of `body` (a job's events, shared/jobs.ts). The router
   * destroys it when the requester goes away, so whoever writes it learns that nobody listens.
   */
  stream?: Readable;
  /** Called once the answer is out or the requester is gone (a restore reopens the host only then). */
  sent?: () => void;
}

export const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  body,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
});

export const json = (status: number, value: unknown): Reply => ({
  status,
  body: JSON.stringify(value),
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
});

/** The API's answer to anything refused: `{code, message}` (shared/http-routes.ts apiErrorSchema). */
export const failure = (status: number, code: string, message: string): Reply => json(status, { code, message });

/**
 * Writes a reply unless the client is gone. `close`: the connection is not reused, because part of
 * the request (a body over its limit, say) was left unread.
 */
export function send(response: ServerResponse, reply: Reply, close = false): void {
  if (response.headersSent || response.writableEnded || response.destroyed) {
    reply.stream?.destroy();
    reply.sent?.();
    return;
  }
  if (reply.sent) response.once('close', reply.sent);
  const headers: Record<string, string | number> = { ...SECURITY_HEADERS, ...reply.headers };
  if (close) headers.Connection = 'close';
  if (reply.stream) {
    const stream = reply.stream;
    response.writeHead(reply.status, headers);
    response.once('close', () => stream.destroy());
    stream.pipe(response);
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(reply.body);
  response.writeHead(reply.status, headers);
  response.end(reply.body);
}

/** A refusal on a raw socket (a refused WebSocket upgrade, a request the parser could not read). */
export function refuseSocket(socket: Duplex, status: number, message = ''): void {
  if (socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = Buffer.from(message, 'utf8');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
  );
  // A client that never reads the refusal must not hold the socket open.
  setTimeout(() => socket.destroy(), 2000).unref();
}
