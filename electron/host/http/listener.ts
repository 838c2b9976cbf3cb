import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { refuseSocket } from './reply';

/**
 * Time limits for one listener. Node checks them every `connectionsCheckingInterval`; we make that
 * one second, so a half-sent request is dropped on time rather than up to 30 s late.
 */
export interface ListenerLimits {
  /** The request line and headers must have arrived by then. */
  headersTimeoutMs: number;
  /** The whole request, body included. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** At most this many open connections (plain HTTP and WebSocket alike) per remote address. */
  connectionsPerAddress?: number;
}

export interface ListenOptions {
  address: string;
  /** Ports to try in order; the last choice may be 0 (any free port). */
  ports: readonly number[];
  handler: RequestListener;
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  limits: ListenerLimits;
}

export interface Listening {
  server: Server;
  address: string;
  port: number;
  close(): Promise<void>;
}

/** What the parser's own refusals answer: too large a head, too slow, or not HTTP at all. */
function statusOfClientError(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * An HTTP server for one listener, hardened at the socket level: malformed requests get an answer
 * from the parser, slow ones are dropped, one address cannot take all connections, and a socket
 * error never becomes an uncaught exception.
 */
export async function listen(options: ListenOptions): Promise<Listening> {
  const { limits } = options;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: 1000,
      requireHostHeader: true,
    },
    options.handler,
  );
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over without an error listener: an ECONNRESET would be uncaught.
    socket.on('error', () => socket.destroy());
    try {
      options.upgrade(request, socket, head);
    } catch (error) {
      console.error('Eiland host: a WebSocket upgrade failed', error);
      socket.destroy();
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') {
      socket.destroy();
      return;
    }
    refuseSocket(socket, statusOfClientError(error.code));
  });
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const cap = limits.connectionsPerAddress;
    if (cap === undefined) return;
    const address = socket.remoteAddress ?? 'unknown';
    const open = perAddress.get(address) ?? 0;
    if (open >= cap) {
      socket.destroy();
      return;
    }
    perAddress.set(address, open + 1);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });

  const attempt = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once('error', onError);
      server.listen(port, options.address, () => {
        server.off('error', onError);
        resolve();
      });
    });
  for (const [index, port] of options.ports.entries()) {
    try {
      await attempt(port);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || index === options.ports.length - 1) throw error;
    }
  }
  // After listening, a server error (rare: the interface went away) is logged, never thrown.
  server.on('error', (error) => console.error('Eiland host: listener error', error));
  return {
    server,
    address: options.address,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
