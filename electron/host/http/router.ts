import type { IncomingMessage, ServerResponse } from 'node:http';
import { announcesBody, BodyError, readBody } from './body';
import { type Reply, send, text } from './reply';
import { parseTarget, type Target } from './target';

/** The host's two HTTP listeners: this computer only, and (while a room is open) the local network. */
export type ListenerName = 'loopback' | 'lan';

/** What a route knows of the listener a request came in on. */
export interface ListenerContext {
  name: ListenerName;
  /** The origins of this listener's own pages (`http://127.0.0.1:4780`, …), for Origin checks. */
  origins(): readonly string[];
  /** Whether the Host header names this listener (DNS rebinding: another name resolving here). */
  hostAllowed(host: string | undefined): boolean;
  /** Who may join a room through this listener (the join route asks). */
  joins: JoinDoor;
}

export interface JoinDoor {
  /** Takes one join from the address's budget; false when it has none left. */
  admit(address: string): boolean;
  /** Whether this room may be joined here: on the network only rooms opened on the network. */
  admits(sessionId: string): boolean;
}

export interface RouteRequest {
  request: IncomingMessage;
  listener: ListenerContext;
  target: Target;
  /** The `:name` segments of the route's path. */
  params: Record<string, string>;
  /** The body, read within the route's limits; empty for routes that take none. */
  body: Buffer;
  remoteAddress: string;
}

/**
 * One route, declared once: its methods, the listeners it exists on, its body limit, and what it
 * answers. `guard` runs before the body is read (authorisation, origin, rate), so a refused
 * request costs no more than its headers.
 */
export interface Route {
  name: string;
  methods: readonly string[];
  listeners: readonly ListenerName[];
  /** The route's params when the path is one of its, else null. */
  match(segments: readonly string[]): Record<string, string> | null;
  bodyLimit: number;
  /** How long the body may take to arrive; small bodies on the network get little time. */
  bodyTimeoutMs?: number;
  guard?(request: RouteRequest): Reply | null;
  /** How this route words a refusal the router makes (a body too large): JSON for the API. */
  refusal?(status: number, code: string, message: string): Reply;
  handle(request: RouteRequest): Reply | Promise<Reply>;
}

const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/**
 * The request handler of one listener. Every request ends in exactly one answer or a dropped
 * connection, and nothing a request does — a bad target, a cut body, a handler that throws or
 * rejects — can leave the process: every promise here is caught.
 */
export function createRouter(routes: readonly Route[], listener: ListenerContext): (request: IncomingMessage, response: ServerResponse) => void {
  const own = routes.filter((route) => route.listeners.includes(listener.name));
  return (request, response) => {
    dispatch(own, listener, request, response).catch((error: unknown) => {
      console.error(`Eiland host: a ${listener.name} request failed`, error);
      send(response, text(500, 'Er ging iets mis. Er is niets veranderd.'), true);
    });
  };
}

async function dispatch(routes: readonly Route[], listener: ListenerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const parsed = parseTarget(request.url);
  if (!parsed.ok) return refuse(request, response, text(parsed.status, 'Eiland: dit adres klopt niet.'));
  // Two Host headers are ambiguous (RFC 9112 §3.2): which one was checked? Node keeps only the first.
  if (countHeader(request, 'host') > 1) return refuse(request, response, text(400, 'Eiland: dit verzoek klopt niet.'));
  if (!listener.hostAllowed(request.headers.host)) return refuse(request, response, text(403, 'Eiland: onbekend adres.'));
  const target = parsed.target;
  let found: { route: Route; params: Record<string, string> } | null = null;
  const allowed = new Set<string>();
  for (const route of routes) {
    const params = route.match(target.segments);
    if (!params) continue;
    for (const method of route.methods) allowed.add(method);
    if (route.methods.includes(request.method ?? '')) {
      found = { route, params };
      break;
    }
  }
  if (!found) {
    if (allowed.size === 0) return refuse(request, response, text(404, 'Niet gevonden'));
    return refuse(request, response, text(405, 'Eiland: niet toegestaan.', { Allow: [...allowed].join(', ') }));
  }
  const { route, params } = found;
  const routeRequest: RouteRequest = { request, listener, target, params, body: Buffer.alloc(0), remoteAddress: request.socket.remoteAddress ?? 'unknown' };
  const refused = route.guard?.(routeRequest) ?? null;
  if (refused) return refuse(request, response, refused);
  if (route.bodyLimit === 0) {
    if (announcesBody(request)) return refuse(request, response, refusal(route, 413, 'too_large', 'This request takes no body'));
  } else {
    try {
      routeRequest.body = await readBody(request, { maxBytes: route.bodyLimit, timeoutMs: route.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS });
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      if (error.status === 0) {
        request.socket.destroy();
        return;
      }
      return refuse(request, response, refusal(route, error.status, error.code, error.message));
    }
  }
  send(response, await route.handle(routeRequest));
}

export function countHeader(request: IncomingMessage, name: string): number {
  let count = 0;
  for (let index = 0; index < request.rawHeaders.length; index += 2) if (request.rawHeaders[index]?.toLowerCase() === name) count += 1;
  return count;
}

const refusal = (route: Route, status: number, code: string, message: string): Reply =>
  route.refusal?.(status, code, message) ?? text(status, `Eiland: ${message}.`);

/**
 * Answers without reading the rest of the request, and closes the connection after the answer: a
 * body left unread must not be taken for the next request.
 */
function refuse(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  const unread = announcesBody(request) && !request.complete;
  send(response, reply, unread);
  if (unread) request.resume();
}
