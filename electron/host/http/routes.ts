import { API_ROUTES, exportFileStem, type ImportReply, parseExportTarget } from '../../../shared/http-routes';
import { DEFAULT_LOCALE } from '../../../shared/i18n/messages';
import type { Engine } from '../engine';
import { ApiRefusal, apiRoute } from './api-route';
import { failure, type Reply, text } from './reply';
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
  address: string;
  /** Whether a room may be joined through the listener the request came in on. */
  admits(sessionId: string): boolean;
}

export type JoinOutcome =
  | { ok: true; token: string; participantId: string; sessionId: string }
  | { ok: false; status: number; code: string; message: string };

/**
 * The export code (pdfkit, fonts) is loaded on the first export, not at start: it is most of the
 * host's code, and the facilitator's screen should not wait for it.
 */
const loadExporter = () => import('../export/exporter');
const loadDemo = () => import('../export/demo');
const loadWriter = () => import('../export/write-to-file');

/** A file name for a download: plain letters for old tools, the real title in filename*. */
function disposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[^\w.-]+/g, '-').replace(/-+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const download = (type: string, body: Buffer | string, filename: string): Reply => ({
  status: 200,
  body,
  headers: { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Disposition': disposition(filename) },
});

export function buildRoutes(services: HttpServices): Route[] {
  const { engine, token, rendererDir } = services;
  const facilitatorOnly = { listeners: ['loopback'] as const, token };
  return [
    apiRoute(API_ROUTES.join, {
      listeners: ['loopback', 'lan'],
      bodyTimeoutMs: 5_000,
      guard: (request) => (request.listener.joins.admit(request.remoteAddress) ? null : failure(429, 'rate_limited', 'Too many join attempts; wait a minute')),
      handle({ body, request }) {
        const door = request.listener.joins;
        const outcome = services.join({ code: body.code, name: body.name ?? null, address: request.remoteAddress, admits: (id) => door.admits(id) });
        if (!outcome.ok) throw new ApiRefusal(outcome.status, outcome.code, outcome.message);
        return { token: outcome.token, participantId: outcome.participantId, sessionId: outcome.sessionId };
      },
    }),
    apiRoute(API_ROUTES.exportFile, {
      ...facilitatorOnly,
      async handle({ params, query }) {
        const wanted = parseExportTarget(params, query);
        if (!wanted) throw new ApiRefusal(404, 'not_found', 'Een sessie kan als PDF, archief of CSV worden geëxporteerd, een programma als PDF of archief.');
        const exporter = await loadExporter();
        const locale = wanted.lang ?? DEFAULT_LOCALE;
        if (wanted.scope === 'session') {
          const meta = exporter.sessionOf(engine, wanted.id).meta;
          const stem = exportFileStem(meta.title, meta.date);
          if (wanted.format === 'pdf') return download('application/pdf', (await exporter.sessionPdf(engine, wanted.id, locale)).pdf, `${stem}.pdf`);
          if (wanted.format === 'sqlite') return download('application/vnd.sqlite3', exporter.sessionArchive(engine, wanted.id), `${stem}.eiland`);
          const table = wanted.format === 'votes-csv' ? 'votes' : 'notes';
          return download('text/csv; charset=utf-8', exporter.sessionCsv(engine, wanted.id, table, locale), `${stem} ${table}.csv`);
        }
        const stem = exportFileStem(exporter.programmeOf(engine, wanted.id).name);
        if (wanted.format === 'pdf') return download('application/pdf', (await exporter.programmePdf(engine, wanted.id, locale, wanted.sessions)).pdf, `${stem}.pdf`);
        return download('application/vnd.sqlite3', exporter.programmeArchive(engine, wanted.id, wanted.sessions), `${stem}.eiland`);
      },
    }),
    apiRoute(API_ROUTES.suggestions, {
      ...facilitatorOnly,
      async handle({ params, query }) {
        const sessions = query.get('sessions')?.split(',').filter(Boolean);
        return { suggestions: (await loadExporter()).programmeSuggestions(engine, params.id ?? '', sessions) };
      },
    }),
    apiRoute(API_ROUTES.import, {
      ...facilitatorOnly,
      bodyTimeoutMs: 120_000,
      async handle({ bytes }): Promise<ImportReply> {
        return (await loadExporter()).importArchiveBytes(engine, bytes);
      },
    }),
    apiRoute(API_ROUTES.exportToFile, {
      ...facilitatorOnly,
      parseBody: async (raw) => (await loadWriter()).parseExportRequest(raw),
      async handle({ body }) {
        const { status, body: answer } = await (await loadWriter()).exportToFile(engine, body);
        if ('code' in answer) throw new ApiRefusal(status, answer.code, answer.message);
        return answer;
      },
    }),
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
