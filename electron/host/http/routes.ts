import { API_ROUTES, type ImportReply, parseExportTarget } from '../../../shared/http-routes';
import { DEFAULT_LOCALE } from '../../../shared/i18n/messages';
import { type BackupRoutes, backupRoutes } from '../backup/http-routes';
import type { Engine } from '../engine';
import type { Jobs } from '../jobs/jobs';
import { cancelOnClose, exportInOnePiece, jobRoutes, refuseStopped } from '../jobs/routes';
import { ApiRefusal, apiRoute } from './api-route';
import { failure, text } from './reply';
import type { Route } from './router';
import { notFound, staticFile } from './static-files';

/**
 * Every HTTP route of the host, on which listener it exists, and what it answers. The loopback
 * listener (this computer) serves the pages, the API and the join; the LAN listener (phones, while
 * a room is open) only the participant page, its own assets and the join. Not on a listener means
 * not there at all: a 404, whatever token comes with it.
 */
export interface HttpServices {
  engine: Engine;
  /** Exports and archive reading: every one runs in the export worker (jobs/), never on this loop. */
  jobs: Jobs;
  backups: BackupRoutes;
  token: string;
  rendererDir: string;
  /** Trades a join code for a participant token (room/rooms.ts). */
  join(request: JoinAttempt): JoinOutcome;
  /** The built files the participant page needs, the only ones the LAN listener serves. */
  participantAssets(): ReadonlySet<string>;
}

export interface JoinAttempt {
  code: string;
  name: string | null;
  /** The token this phone had before in the same session (its room closed, its code changed). */
  previous: string | null;
  address: string;
  /** Whether a room may be joined through the listener the request came in on. */
  admits(sessionId: string): boolean;
}

export type JoinOutcome =
  | { ok: true; token: string; participantId: string; sessionId: string }
  | { ok: false; status: number; code: string; message: string };

/**
 * The export code (pdfkit, fonts) is loaded on first use, not at start: it is most of the host's
 * code, and the facilitator's screen should not wait for it. Exports themselves run in the export
 * worker (jobs/); the host loads it for link suggestions, the demo and applying an import.
 */
const loadExporter = () => import('../export/exporter');
const loadDemo = () => import('../export/demo');
const loadWriter = () => import('../export/write-to-file');

export function buildRoutes(services: HttpServices): Route[] {
  const { engine, jobs, token, rendererDir } = services;
  const facilitatorOnly = { listeners: ['loopback'] as const, token };
  return [
    apiRoute(API_ROUTES.join, {
      listeners: ['loopback', 'lan'],
      bodyTimeoutMs: 5_000,
      guard: (request) => (request.listener.joins.admit(request.remoteAddress) ? null : failure(429, 'rate_limited', 'Too many join attempts; wait a minute')),
      handle({ body, request }) {
        const door = request.listener.joins;
        const outcome = services.join({ code: body.code, name: body.name ?? null, previous: body.previous ?? null, address: request.remoteAddress, admits: (id) => door.admits(id) });
        if (!outcome.ok) throw new ApiRefusal(outcome.status, outcome.code, outcome.message);
        return { token: outcome.token, participantId: outcome.participantId, sessionId: outcome.sessionId };
      },
    }),
    apiRoute(API_ROUTES.exportFile, {
      ...facilitatorOnly,
      refuse: refuseStopped,
      handle({ params, query, request }) {
        const wanted = parseExportTarget(params, query);
        if (!wanted) throw new ApiRefusal(404, 'not_found', 'Een sessie kan als PDF, Word, archief of CSV worden geëxporteerd, een programma als PDF, Word of archief.');
        const { sessions, ...what } = wanted;
        return exportInOnePiece(jobs, { ...what, lang: wanted.lang ?? DEFAULT_LOCALE, ...(sessions ? { sessions: [...sessions] } : {}) }, request.request);
      },
    }),
    apiRoute(API_ROUTES.suggestions, {
      ...facilitatorOnly,
      async handle({ params, query }) {
        const sessions = query.get('sessions')?.split(',').filter(Boolean);
        return (await loadExporter()).programmeSuggestions(engine, params.id ?? '', sessions);
      },
    }),
    apiRoute(API_ROUTES.import, {
      ...facilitatorOnly,
      bodyTimeoutMs: 120_000,
      refuse: refuseStopped,
      // Read and checked in the worker, applied here (jobs.ts startImport); the report in one piece.
      handle({ bytes, request }): Promise<ImportReply> {
        const job = jobs.startImport(bytes);
        cancelOnClose(request.request, job);
        return job.result;
      },
    }),
    apiRoute(API_ROUTES.exportToFile, {
      ...facilitatorOnly,
      refuse: refuseStopped,
      parseBody: async (raw) => (await loadWriter()).parseExportToFileRequest(raw),
      async handle({ body, request }) {
        const { status, body: answer } = await (await loadWriter()).exportToFile(jobs, body, (job) => cancelOnClose(request.request, job));
        if ('code' in answer) throw new ApiRefusal(status, answer.code, answer.message);
        return answer;
      },
    }),
    ...jobRoutes(jobs, token),
    ...backupRoutes(services.backups, token),
    apiRoute(API_ROUTES.demo, {
      ...facilitatorOnly,
      async handle() {
        return (await loadDemo()).createDemo(engine);
      },
    }),
    {
      // Typing only the address (as shown on the projector) lands on the participant page.
      name: 'phone start',
      methods: ['GET', 'HEAD'],
      listeners: ['lan'],
      match: (segments) => (segments.length === 0 ? {} : null),
      bodyLimit: 0,
      handle: ({ target }) => {
        const query = target.query.toString();
        return text(302, '', { Location: `/join.html${query ? `?${query}` : ''}` });
      },
    },
    {
      name: 'participant page',
      methods: ['GET', 'HEAD'],
      listeners: ['lan'],
      match: (segments) => (segments.length === 1 && segments[0] === 'join.html' ? {} : null),
      bodyLimit: 0,
      handle: () => staticFile(rendererDir, ['join.html']),
    },
    {
      name: 'participant asset',
      methods: ['GET', 'HEAD'],
      listeners: ['lan'],
      match: (segments) => (segments.length === 2 && segments[0] === 'assets' ? { name: segments[1] as string } : null),
      bodyLimit: 0,
      handle: ({ params }) => (services.participantAssets().has(params.name ?? '') ? staticFile(rendererDir, ['assets', params.name ?? '']) : notFound()),
    },
    {
      // Everything else on this computer is a file of the built renderer (pages, assets).
      name: 'renderer',
      methods: ['GET', 'HEAD'],
      listeners: ['loopback'],
      match: (segments) => (segments[0] === 'api' ? null : {}),
      bodyLimit: 0,
      handle: ({ target }) => staticFile(rendererDir, target.segments),
    },
  ];
}
