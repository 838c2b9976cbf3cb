import { timingSafeEqual } from 'node:crypto';
import { type ApiRoute, matchPath } from '../../../shared/http-routes';
import { summariseIssues } from '../../../shared/protocol';
import { storageFailureReply } from '../db/storage-errors';
import { ExportError } from '../export/errors';
import { failure, json, type Reply } from './reply';
import type { ListenerName, Route, RouteRequest } from './router';

/** A refusal a handler throws: answered as `{code, message}` with its status. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiInput<Body> {
  /** The JSON body checked against the route's schema; for 'bytes' routes, undefined (see `bytes`). */
  body: Body;
  bytes: Buffer;
  params: Record<string, string>;
  query: URLSearchParams;
  request: RouteRequest;
  /** Runs `callback` once the answer is out (or the requester gone); only if the handler succeeds. */
  whenSent(callback: () => void): void;
}

interface ApiOptions<Body, Answer> {
  listeners: readonly ListenerName[];
  /** The facilitator's token, for routes declared `auth: 'facilitator'`. */
  token?: string;
  bodyTimeoutMs?: number;
  /**
   * Checks a JSON body in place of the generic check against the route's schema, for a route that
   * says more precisely what is wrong (it must use that schema too, and throw ApiRefusal or ExportError).
   */
  parseBody?(raw: unknown): Body | Promise<Body>;
  /** A check of the route's own before the body is read (a rate limit, say). */
  guard?(request: RouteRequest): Reply | null;
  /** The route's own refusals for errors of its own kind (a backup's, a stopped job); null: not one. */
  refuse?(error: unknown): Reply | null;
  handle(input: ApiInput<Body>): Answer | Promise<Answer>;
}

/** Routes without a reply schema answer with a Reply of their own (a file); the others with their value. */
type AnswerOf<Reply_> = [Reply_] extends [undefined] ? Reply : Reply_;

function checkBody<Body>(spec: ApiRoute<Body, unknown>, raw: unknown): Body {
  const parsed = spec.body?.safeParse(raw);
  if (!parsed) throw new Error(`${spec.path} declares a JSON body without a schema`);
  if (!parsed.success) throw new ApiRefusal(400, 'bad_request', `Dit verzoek klopt niet: ${summariseIssues(parsed.error)}`);
  return parsed.data;
}

export function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(request: RouteRequest): string | null {
  const header = request.request.headers.authorization;
  return request.target.query.get('token') ?? (header?.startsWith('Bearer ') ? header.slice(7).trim() : null);
}

const UNAUTHORIZED = 'Toegangscode ontbreekt of klopt niet. Open Eiland via het adres dat bij het starten werd getoond.';

/**
 * An API route made from its declaration in shared/http-routes.ts: the method, path, body limit
 * and auth come from there, the body is checked against its schema before the handler runs, and
 * the handler's answer against the reply schema before it is sent.
 */
export function apiRoute<Body, Reply_>(spec: ApiRoute<Body, Reply_>, options: ApiOptions<Body, AnswerOf<Reply_>>): Route {
  return {
    name: spec.path,
    methods: [spec.method],
    listeners: options.listeners,
    match: (segments) => matchPath(spec.path, segments),
    bodyLimit: spec.bodyLimit,
    ...(options.bodyTimeoutMs ? { bodyTimeoutMs: options.bodyTimeoutMs } : {}),
    guard(request) {
      // Another site's page may not make the facilitator's browser (or a phone's) call the API.
      const origin = request.request.headers.origin;
      if (origin !== undefined && !request.listener.origins().includes(origin)) {
        return failure(403, 'forbidden', 'Eiland: alleen vanaf de eigen pagina’s van Eiland.');
      }
      if (spec.auth === 'facilitator' && !sameSecret(tokenOf(request), options.token ?? '')) return failure(401, 'unauthorized', UNAUTHORIZED);
      if (spec.bodyKind === 'json' && !request.request.headers['content-type']?.startsWith('application/json')) {
        return failure(415, 'bad_request', 'Stuur dit verzoek als JSON (Content-Type: application/json).');
      }
      return options.guard?.(request) ?? null;
    },
    refusal: failure,
    async handle(request) {
      let body: unknown;
      let raw: unknown;
      if (spec.bodyKind === 'json') {
        try {
          raw = JSON.parse(request.body.toString('utf8'));
        } catch {
          return failure(400, 'bad_request', 'Dit verzoek is geen geldige JSON.');
        }
      }
      let answer: unknown;
      let sent: (() => void) | undefined;
      const whenSent = (callback: () => void) => {
        sent = callback;
      };
      try {
        if (spec.bodyKind === 'json') body = options.parseBody ? await options.parseBody(raw) : checkBody(spec, raw);
        answer = await options.handle({ body: body as Body, bytes: request.body, params: request.params, query: request.target.query, request, whenSent });
      } catch (error) {
        if (error instanceof ApiRefusal || error instanceof ExportError) return failure(error.status, error.code, error.message);
        const own = options.refuse?.(error);
        if (own) return own;
        const storage = storageFailureReply(error);
        if (storage) return failure(storage.status, storage.code, storage.message);
        console.error(`Eiland host: ${spec.path} failed`, error);
        return failure(500, 'internal', 'Er ging iets mis. Er is niets veranderd.');
      }
      if (spec.reply === null) return sent ? { ...(answer as Reply), sent } : (answer as Reply);
      const checked = spec.reply.safeParse(answer);
      if (!checked.success) {
        console.error(`Eiland host: ${spec.path} answered outside its declared shape`, summariseIssues(checked.error));
        return failure(500, 'internal', 'Er ging iets mis. Er is niets veranderd.');
      }
      return sent ? { ...json(200, checked.data), sent } : json(200, checked.data);
    },
  };
}
