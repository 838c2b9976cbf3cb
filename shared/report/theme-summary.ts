import type { Action, SessionState, Theme } from '../domain';
import type { Locale } from '../i18n/messages';
import { dotsLabel, formatDate, type Translate } from './format';
import { programmeThemes, type ProgrammeTheme, type ThemeSession } from './programme-themes';
import type { PointRef } from './themes';
import type { LeadTextBlock, ReportBlock } from './types';

/** The lead's text as paragraphs: a blank line parts them, a single line break stays in one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function leadText(purpose: LeadTextBlock['purpose'], themeId: string | null, text: string): LeadTextBlock[] {
  const paragraphs = paragraphsOf(text);
  return paragraphs.length === 0 ? [] : [{ kind: 'leadText', purpose, themeId, paragraphs }];
}

function pointLine(t: Translate, locale: Locale, ref: PointRef): string {
  return t('report.programme.pointLine', { group: ref.group || '—', date: formatDate(locale, ref.date), title: ref.title, dots: dotsLabel(t, ref.dots) });
}

/** What one group said about a theme: its points with dots, their ingredients, its clusters and notes. */
function groupBlocks(part: ThemeSession, t: Translate, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 3, text: t('report.summary.groupLine', { group: part.group.trim() || '—', date: formatDate(locale, part.date) }), color: null, newPage: false },
  ];
  if (part.points.length > 0) {
    blocks.push({ kind: 'bullets', items: part.points.map((point) => t('report.summary.point', { title: point.title, dots: dotsLabel(t, point.dots) })) });
  }
  const ingredients = part.points.flatMap((point) => point.ingredients);
  if (ingredients.length > 0) blocks.push({ kind: 'paragraph', text: t('report.ingredients.heading'), tone: 'question' }, { kind: 'bullets', items: ingredients });
  const said = [
    ...part.clusters.map((cluster) => (cluster.notes.length === 0 ? cluster.title : t('report.summary.cluster', { title: cluster.title, notes: cluster.notes.join('; ') }))),
    ...part.notes,
  ];
  if (said.length > 0) blocks.push({ kind: 'paragraph', text: t('report.summary.said'), tone: 'question' }, { kind: 'bullets', items: said });
  return blocks;
}

function actionLine(t: Translate, action: Action): string {
  return t('report.summary.action', { text: action.text, owner: action.owner.trim() || t('action.noOwner'), status: t(`action.status.${action.status}`) });
}

function themeBlocks(theme: ProgrammeTheme, t: Translate, locale: Locale): ReportBlock[] {
  const mentioned = theme.groupCount === 1 ? t('report.summary.mentionedByOne') : t('report.programme.mentionedBy', { count: theme.groupCount });
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: t('report.programme.theme', { theme: theme.title }), color: null, newPage: false },
    { kind: 'paragraph', text: mentioned, tone: 'muted' },
    ...leadText('themeSummary', theme.themeId, theme.summary),
  ];
  for (const part of theme.sessions) blocks.push(...groupBlocks(part, t, locale));
  if (theme.actions.length > 0) {
    blocks.push({ kind: 'paragraph', text: t('report.summary.actions'), tone: 'question' }, { kind: 'bullets', items: theme.actions.map((action) => actionLine(t, action)) });
  }
  return blocks;
}

export interface SummaryInput {
  sessions: readonly SessionState[];
  /** The programme's theme records. */
  themes: readonly Theme[];
  actions: readonly Action[];
  /** The lead's introduction ('' or absent: the standard sentence). */
  introduction: string;
}

/** "Samengevat": the lead's introduction, each theme with what the groups said, then what only one group said. */
export function summaryBlocks(input: SummaryInput, t: Translate, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: t('report.programme.summary'), color: null, newPage: true }];
  blocks.push(...leadText('introduction', null, input.introduction));
  const { themes, outside } = programmeThemes(input.sessions, input.themes, input.actions);
  if (themes.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('report.programme.noRecurring'), tone: 'muted' });
  } else {
    if (paragraphsOf(input.introduction).length === 0) blocks.push({ kind: 'paragraph', text: t('report.programme.summaryIntro'), tone: 'body' });
    for (const theme of themes) blocks.push(...themeBlocks(theme, t, locale));
  }
  if (outside.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('report.programme.single'), color: null, newPage: false });
    blocks.push({ kind: 'bullets', items: outside.map((ref) => pointLine(t, locale, ref)) });
  }
  return blocks;
}
