import type { Action, Programme, SessionState, Theme } from '../../../shared/domain';
import type { Locale } from '../../../shared/i18n/messages';
import { notesCsv, votesCsv } from '../../../shared/report/csv';
import { buildProgrammeReport } from '../../../shared/report/programme-report';
import { buildSessionReport } from '../../../shared/report/session-report';
import { type LinkSuggestion, suggestLinks } from '../../../shared/report/suggest';
import { type LinkableItem, linkableItems, suggestThemes, type ThemeSuggestion } from '../../../shared/report/suggest-themes';
import type { Engine } from '../engine';
import { readArchive } from './archive-read';
import { type ArchiveContent, writeArchive } from './archive-write';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { recordFor } from '../../../shared/records/index';
import type { StampedRecord } from '../../../shared/records/merge';
import { ExportError, unknownProgramme, unknownSession } from './errors';
import { type ImportReport, importArchive } from './importer';
import { type RenderedDocx, renderDocx } from './render-docx';
import { type RenderedPdf, renderPdf, type RenderOptions } from './render-pdf';
import type { ReportDocument } from '../../../shared/report/types';

/**
 * The one code path for every export and import: the app's HTTP API, the command line and the
 * tests all call these, so a PDF or archive is the same whichever way it was asked for.
 */
export function sessionOf(engine: Engine, id: string): SessionState {
  const state = engine.session(id);
  if (!state) throw unknownSession(id);
  return state;
}

export function programmeOf(engine: Engine, id: string): Programme {
  const programme = engine.workspace.programmes[id];
  if (!programme) throw unknownProgramme(id);
  return programme;
}

/** The chosen sessions of a programme (all of them when none are named), by date. */
export function programmeSessions(engine: Engine, programmeId: string, sessionIds?: readonly string[]): SessionState[] {
  programmeOf(engine, programmeId);
  const ids = sessionIds?.length
    ? sessionIds
    : Object.values(engine.workspace.sessions)
        .filter((meta) => meta.programmeId === programmeId)
        .map((meta) => meta.id);
  const states = ids.map((id) => sessionOf(engine, id));
  const stranger = states.find((state) => state.meta.programmeId !== programmeId);
  if (stranger) throw new ExportError('bad_request', `Sessie "${stranger.meta.title}" hoort niet bij dit programma.`);
  return states.sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.title.localeCompare(b.meta.title));
}

/** The session report's model: what the PDF and the Word file are both made from. */
export function sessionReport(engine: Engine, id: string, locale: Locale): ReportDocument {
  const state = sessionOf(engine, id);
  const programmeName = state.meta.programmeId ? (engine.workspace.programmes[state.meta.programmeId]?.name ?? null) : null;
  const actions = programmeActions(engine, state.meta.programmeId);
  const themes = state.meta.programmeId ? programmeThemeRecords(engine, state.meta.programmeId) : [];
  return buildSessionReport(state, { locale, programmeName, actions, themes });
}

/** The programme summary's model, over the chosen sessions (all when none are named). */
export function programmeReport(engine: Engine, programmeId: string, locale: Locale, sessionIds?: readonly string[]): ReportDocument {
  const programme = programmeOf(engine, programmeId);
  return buildProgrammeReport(programme, programmeSessions(engine, programmeId, sessionIds), {
    locale,
    actions: programmeActions(engine, programmeId),
    themes: programmeThemeRecords(engine, programmeId),
  });
}

export function sessionPdf(engine: Engine, id: string, locale: Locale, options: RenderOptions = {}): Promise<RenderedPdf> {
  return renderPdf(sessionReport(engine, id, locale), options);
}

export function programmePdf(
  engine: Engine,
  programmeId: string,
  locale: Locale,
  sessionIds?: readonly string[],
  options: RenderOptions = {},
): Promise<RenderedPdf> {
  return renderPdf(programmeReport(engine, programmeId, locale, sessionIds), options);
}

/** The session report as an editable Word document, from the same model as its PDF. */
export function sessionDocx(engine: Engine, id: string, locale: Locale): Promise<RenderedDocx> {
  return renderDocx(sessionReport(engine, id, locale));
}

/** The programme summary as an editable Word document, from the same model as its PDF. */
export function programmeDocx(engine: Engine, programmeId: string, locale: Locale, sessionIds?: readonly string[]): Promise<RenderedDocx> {
  return renderDocx(programmeReport(engine, programmeId, locale, sessionIds));
}

/** The name of an action's side in the model of the session it came from (null: the whole session). */
export function sideName(engine: Engine, action: Action): string | null {
  if (action.zoneId === null) return null;
  const zone = engine.session(action.sessionId)?.template.zones.find((candidate) => candidate.id === action.zoneId);
  return zone?.name ?? action.zoneId;
}

/** A programme's actions, oldest first (none without a programme). */
/** The programme's themes, oldest first (the summary orders them by what was linked). */
export function programmeThemeRecords(engine: Engine, programmeId: string): Theme[] {
  return Object.values(engine.workspace.themes)
    .filter((theme) => theme.programmeId === programmeId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function programmeActions(engine: Engine, programmeId: string | null): Action[] {
  if (programmeId === null) return [];
  return Object.values(engine.workspace.actions)
    .filter((action) => action.programmeId === programmeId)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** A session as a standalone archive, with its programme so the file is complete on its own. */
export function sessionArchive(engine: Engine, id: string): Buffer {
  return writeArchive(sessionArchiveContent(engine, id));
}

export function sessionArchiveContent(engine: Engine, id: string): ArchiveContent {
  const state = sessionOf(engine, id);
  const workspace = engine.recordRows(WORKSPACE_STREAM);
  const programmeId = state.meta.programmeId;
  return {
    scope: 'session',
    scopeId: id,
    workspace: workspace.filter((row) => (row.key === 'programmes' && row.id === programmeId) || (row.key === 'sessions' && row.id === id) || isProgrammeRecord(row, programmeId)),
    sessions: [{ id, records: sessionRecords(engine, id) }],
  };
}

/**
 * A programme with its sessions (all, or the chosen ones), and the tombstones of its deleted
 * sessions, so a deletion on this laptop reaches the laptop that merges the archive.
 */
export function programmeArchive(engine: Engine, programmeId: string, sessionIds?: readonly string[]): Buffer {
  return writeArchive(programmeArchiveContent(engine, programmeId, sessionIds));
}

export function programmeArchiveContent(engine: Engine, programmeId: string, sessionIds?: readonly string[]): ArchiveContent {
  const ids = programmeSessions(engine, programmeId, sessionIds).map((state) => state.meta.id);
  const chosen = new Set(ids);
  const workspace = engine.recordRows(WORKSPACE_STREAM).filter((row) => {
    if (row.key === 'programmes') return row.id === programmeId;
    if (row.key === 'actions' || row.key === 'themes') return isProgrammeRecord(row, programmeId);
    if (row.key !== 'sessions') return false;
    if (row.value === null) return !sessionIds?.length && row.kept?.programmeId === programmeId;
    return chosen.has(row.id);
  });
  return { scope: 'programme', scopeId: programmeId, workspace, sessions: ids.map((id) => ({ id, records: sessionRecords(engine, id) })) };
}

/**
 * The programme's actions and themes (tombstones by the programme they kept) travel with every
 * archive of it, a session's too: they are the programme's, the next session on any laptop reviews
 * the actions, and the session's points, clusters and notes may be linked to the themes.
 */
function isProgrammeRecord(row: { key: string; value: unknown; kept?: Record<string, unknown> | null }, programmeId: string | null): boolean {
  if ((row.key !== 'actions' && row.key !== 'themes') || programmeId === null) return false;
  const value = (row.value ?? row.kept) as { programmeId?: unknown } | null | undefined;
  return value?.programmeId === programmeId;
}

/** A session's records for an archive; its meta copy stays home (the sessions-list entry carries it). */
function sessionRecords(engine: Engine, id: string): StampedRecord[] {
  return engine.recordRows(id).filter((row) => recordFor('session', row.key)?.table != null) as StampedRecord[];
}

export type CsvTable = 'notes' | 'votes';

export function sessionCsv(engine: Engine, id: string, table: CsvTable, locale: Locale): string {
  const state = sessionOf(engine, id);
  return table === 'votes' ? votesCsv(state, locale) : notesCsv(state, locale);
}

export function importArchiveBytes(engine: Engine, bytes: Buffer): ImportReport {
  return importArchive(engine, readArchive(bytes));
}

/**
 * Suggested links and themes between the sessions of a programme (a person confirms each one), and
 * every point and cluster of them with its theme, for the harvest panel's linking by hand.
 */
export function programmeSuggestions(
  engine: Engine,
  programmeId: string,
  sessionIds?: readonly string[],
): { suggestions: LinkSuggestion[]; themes: ThemeSuggestion[]; items: LinkableItem[] } {
  const sessions = programmeSessions(engine, programmeId, sessionIds);
  const themes = programmeThemeRecords(engine, programmeId);
  return { suggestions: suggestLinks(sessions), themes: suggestThemes(sessions, themes), items: linkableItems(sessions, themes) };
}
