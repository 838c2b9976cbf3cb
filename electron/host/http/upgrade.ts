import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { refuseSocket } from './reply';
import { countHeader, type ListenerContext } from './router';
import { parseTarget } from './target';

/** The one WebSocket endpoint, on both listeners. */
export const SOCKET_PATH = '/ws';

export type UpgradeAccept = (request: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams) => void;

/**
 * The checks every WebSocket upgrade passes before a listener looks at its token: a readable
 * target, this listener's own host name, the socket path, and no other site's page as origin.
 * (listener.ts also catches whatever `accept` throws.)
 */
export function guardedUpgrade(listener: ListenerContext, accept: UpgradeAccept): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    const parsed = parseTarget(request.url);
    if (!parsed.ok) return refuseSocket(socket, parsed.status, 'Eiland: dit adres klopt niet.');
    if (countHeader(request, 'host') > 1) return refuseSocket(socket, 400, 'Eiland: dit verzoek klopt niet.');
    if (!listener.hostAllowed(request.headers.host)) return refuseSocket(socket, 403, 'Eiland: onbekend adres.');
    if (parsed.target.path !== SOCKET_PATH) return refuseSocket(socket, 404, 'Eiland: onbekend adres.');
    const origin = request.headers.origin;
    if (origin !== undefined && !listener.origins().includes(origin)) {
      return refuseSocket(socket, 403, 'Eiland: verbinding van een andere website geweigerd.');
    }
    accept(request, socket, head, parsed.target.query);
  };
}
