import type { Action, Programme, SessionState, Theme } from '../domain';
import { actionMovementBlocks } from './actions-report';
import type { Locale } from '../i18n/messages';
import { formatDate, translator } from './format';
import { contributionGroups } from './contributions';
import { pointThemeIn, sessionHeadingFacts, sessionWideBlocks, sideBlocks, sidesInOrder } from './session-report';
import { summaryBlocks } from './theme-summary';
import type { ReportBlock, ReportDocument } from './types';

export interface ProgrammeReportOptions {
  locale: Locale;
  /** The programme's actions; the summary shows how they moved across the sessions. */
  actions?: readonly Action[];
  /** The programme's themes; "Samengevat" groups by them. */
  themes?: readonly Theme[];
}

const sessionOrder = (a: SessionState, b: SessionState) =>
  a.meta.date.localeCompare(b.meta.date) || a.meta.title.localeCompare(b.meta.title) || a.meta.id.localeCompare(b.meta.id);

/**
 * The programme summary: "Samengevat" first (what the programme lead reads and sends on), then one
 * section per chosen session (its sides and session-wide points, as in the memo), then how the
 * actions moved. Sessions are ordered by date, whatever order they were chosen in.
 */
export function buildProgrammeReport(programme: Programme, chosen: readonly SessionState[], options: ProgrammeReportOptions): ReportDocument {
  const { locale } = options;
  const t = translator(locale);
  const sessions = [...chosen].sort(sessionOrder);
  const dates = sessions.map((state) => formatDate(locale, state.meta.date));
  const range = dates.length === 0 ? '' : dates[0] === dates.at(-1) ? (dates[0] ?? '') : `${dates[0]} – ${dates.at(-1)}`;
  const blocks: ReportBlock[] = [
    { kind: 'title', eyebrow: t('report.programme.eyebrow'), text: programme.name, subtitle: range },
    { kind: 'heading', level: 2, text: t('report.programme.sessionsHeading'), color: null, newPage: false },
  ];
  if (sessions.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.programme.noSessions'), tone: 'muted' });
  } else {
    blocks.push({
      kind: 'bullets',
      items: sessions.map((state) =>
        t('report.programme.sessionLine', { date: formatDate(locale, state.meta.date), group: state.meta.group || '—', title: state.meta.title }),
      ),
    });
  }
  if (sessions.length > 0) {
    const input = { sessions, themes: options.themes ?? [], actions: options.actions ?? [], introduction: programme.introduction ?? '' };
    blocks.push(...summaryBlocks(input, t, locale));
  }
  const themeOf = pointThemeIn(sessions, options.themes);
  for (const state of sessions) {
    const group = state.meta.group.trim() || state.meta.title;
    blocks.push({ kind: 'heading', level: 1, text: t('report.programme.sessionHeading', { group }), color: null, newPage: true });
    blocks.push({ kind: 'facts', rows: sessionHeadingFacts(state, t, locale, programme.name) });
    // "Daarbij is het volgende ingebracht": every note, in its cluster as the memo lists them per
    // theme, the notes in none after the clusters of their side.
    const groups = contributionGroups(state, t);
    if (groups.length > 0) blocks.push({ kind: 'heading', level: 2, text: t('report.programme.contributions'), color: null, newPage: false }, ...groups);
    for (const zone of sidesInOrder(state)) blocks.push(...sideBlocks(state, zone, t, themeOf, 2));
    blocks.push(...sessionWideBlocks(state, t, themeOf, 2));
  }
  if (sessions.length > 0) blocks.push(...actionMovementBlocks(sessions, options.actions ?? [], t, locale));
  return {
    locale,
    title: programme.name,
    subject: t('report.programme.subject'),
    footer: [programme.name, range].filter(Boolean).join(' · '),
    pageLabel: t('report.page', { page: '{page}', pages: '{pages}' }),
    blocks,
  };
}
