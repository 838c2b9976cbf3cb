import { type Action, ACTION_STATUSES, type ActionStatus, type SessionState } from '../domain';
import type { Locale } from '../i18n/messages';
import { agendaOf } from '../review';
import { formatDate, orNone, type Translate } from './format';
import type { ReportBlock, StatusBar } from './types';

/**
 * Plan-do-check-act in the reports: per session, the actions it looked back on and the ones it
 * made; per programme, how the actions of each theme moved across its sessions.
 */

/** Okabe–Ito colours, apart for colour-blind readers; the words are always printed beside them. */
export const STATUS_COLOURS: Record<ActionStatus, string> = { open: '#8C8C8C', ongoing: '#E69F00', done: '#009E73', dropped: '#CC79A7' };

const statusWord = (t: Translate, status: ActionStatus) => t(`action.status.${status}`);

/** The session report's section: reviewed actions (with the decision) and new actions. */
export function sessionActionBlocks(state: SessionState, actions: readonly Action[], t: Translate, locale: Locale): ReportBlock[] {
  const reviewed = agendaOf(state);
  const made = actions.filter((action) => action.sessionId === state.meta.id).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  if (reviewed.length === 0 && made.length === 0) return [];
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 1, text: t('report.actionsTitle'), color: null, newPage: true }];
  if (reviewed.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('report.actionsReviewed'), color: null, newPage: false });
    blocks.push({
      kind: 'table',
      columns: [t('actions.column.text'), t('actions.column.owner'), t('actions.column.status'), t('actions.column.note')],
      rows: reviewed.map((row) => [row.text, orNone(t, row.owner), row.status ? statusWord(t, row.status) : t('review.notDecided'), orNone(t, row.note)]),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: t('report.actionsMade'), color: null, newPage: false });
  if (made.length === 0) blocks.push({ kind: 'paragraph', text: t('report.actionsNone'), tone: 'muted' });
  else
    blocks.push({
      kind: 'table',
      columns: [t('actions.column.text'), t('actions.column.point'), t('actions.column.owner'), t('actions.column.due')],
      rows: made.map((action) => [action.text, action.pointTitle, orNone(t, action.owner), action.due ? formatDate(locale, action.due) : t('report.none')]),
    });
  return blocks;
}

export interface ThemeMovement {
  theme: string;
  made: number;
  /** Per session after the one the actions were made in: how many had each status after it. */
  steps: { sessionId: string; counts: Record<ActionStatus, number> }[];
  now: Record<ActionStatus, number>;
}

const zero = (): Record<ActionStatus, number> => ({ open: 0, ongoing: 0, done: 0, dropped: 0 });
const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * The actions per theme (the point's theme, or the point itself where it has none) and, session by
 * session in date order, the status each had after that session's review.
 */
export function actionMovement(sessions: readonly SessionState[], actions: readonly Action[]): ThemeMovement[] {
  const ordered = [...sessions].sort((a, b) => a.meta.date.localeCompare(b.meta.date) || a.meta.id.localeCompare(b.meta.id));
  const themeOf = (action: Action) => action.themeKey ?? action.pointTitle;
  const titleFor = new Map<string, string>();
  for (const action of actions) {
    const key = normal(themeOf(action));
    // A theme key that is a point id reads better as that point's title.
    const named = action.themeKey && !/\s/.test(action.themeKey) && action.themeKey === action.attentionPointId ? action.pointTitle : themeOf(action);
    if (!titleFor.has(key)) titleFor.set(key, named);
  }
  const status = new Map<string, ActionStatus>();
  const born = new Map<string, number>();
  for (const action of actions) born.set(action.id, Math.max(0, ordered.findIndex((state) => state.meta.id === action.sessionId)));
  const movements = new Map<string, ThemeMovement>();
  for (const [key, theme] of titleFor) movements.set(key, { theme, made: 0, steps: [], now: zero() });
  for (const action of actions) {
    const movement = movements.get(normal(themeOf(action)));
    if (movement) {
      movement.made++;
      movement.now[action.status]++;
    }
  }
  for (const [index, state] of ordered.entries()) {
    for (const action of actions) {
      if ((born.get(action.id) ?? 0) > index) continue;
      const row = state.reviews[action.id];
      if (row?.status) status.set(action.id, row.status);
      else if (!status.has(action.id)) status.set(action.id, row ? row.previousStatus : 'open');
    }
    if (!Object.values(state.reviews).some((row) => row.status !== null)) continue;
    for (const [key, movement] of movements) {
      const counts = zero();
      for (const action of actions) if (normal(themeOf(action)) === key && status.has(action.id)) counts[status.get(action.id) as ActionStatus]++;
      if (actions.some((action) => normal(themeOf(action)) === key && state.reviews[action.id])) movement.steps.push({ sessionId: state.meta.id, counts });
    }
  }
  return [...movements.values()].sort((a, b) => b.made - a.made || a.theme.localeCompare(b.theme));
}

const countsText = (t: Translate, counts: Record<ActionStatus, number>) =>
  ACTION_STATUSES.filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${statusWord(t, status).toLocaleLowerCase()}`)
    .join(', ') || '—';

/** The programme summary's section: a table per theme across sessions, and a status bar per theme. */
export function actionMovementBlocks(sessions: readonly SessionState[], actions: readonly Action[], t: Translate, locale: Locale): ReportBlock[] {
  if (actions.length === 0) return [];
  const movement = actionMovement(sessions, actions);
  const reviewing = [...sessions]
    .sort((a, b) => a.meta.date.localeCompare(b.meta.date))
    .filter((state) => movement.some((theme) => theme.steps.some((step) => step.sessionId === state.meta.id)));
  const sessionLabel = (state: SessionState) => `${state.meta.group.trim() || state.meta.title} (${formatDate(locale, state.meta.date)})`;
  const bars: StatusBar[] = movement.map((theme) => ({
    label: theme.theme,
    segments: ACTION_STATUSES.map((status) => ({ label: statusWord(t, status), count: theme.now[status], color: STATUS_COLOURS[status] })),
  }));
  return [
    { kind: 'heading', level: 1, text: t('report.actionsMovementTitle'), color: null, newPage: true },
    { kind: 'paragraph', text: t('report.actionsMovementIntro'), tone: 'body' },
    {
      kind: 'table',
      columns: [t('report.column.theme'), t('report.column.made'), ...reviewing.map(sessionLabel)],
      rows: movement.map((theme) => [
        theme.theme,
        String(theme.made),
        ...reviewing.map((state) => {
          const step = theme.steps.find((candidate) => candidate.sessionId === state.meta.id);
          return step ? countsText(t, step.counts) : '—';
        }),
      ]),
    },
    {
      kind: 'statusBars',
      bars,
      alt: t('report.actionsMovementFigure', { summary: movement.map((theme) => `${theme.theme}: ${countsText(t, theme.now)}`).join('; ') }),
    },
  ];
}
