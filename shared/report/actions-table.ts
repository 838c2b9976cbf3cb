import type { Action, ActionStatus, Id, SessionMeta } from '../domain';
import type { Locale } from '../i18n/messages';
import { toCsv } from './csv';
import { translator } from './format';

/**
 * The programme's actions as one table: filtered the same way on the overview screen and on the
 * command line, and written with the one CSV formatter (formula cells neutralised there).
 */
export interface ActionFilter {
  status?: ActionStatus | 'all';
  /** Part of the owner's name or role, case-insensitive. */
  owner?: string;
  /** A side's id, 'session' for the session as a whole, or 'all'. */
  side?: Id | 'all';
  /** The session it was made in, or 'all'. */
  session?: Id | 'all';
}

export function filterActions(actions: readonly Action[], filter: ActionFilter): Action[] {
  const owner = filter.owner?.trim().toLocaleLowerCase() ?? '';
  return actions.filter(
    (action) =>
      (!filter.status || filter.status === 'all' || action.status === filter.status) &&
      (owner === '' || action.owner.toLocaleLowerCase().includes(owner)) &&
      (!filter.side || filter.side === 'all' || (action.zoneId ?? 'session') === filter.side) &&
      (!filter.session || filter.session === 'all' || action.sessionId === filter.session),
  );
}

/** Oldest session first, then in the order they were made. */
export function sortActions(actions: readonly Action[], sessions: Readonly<Record<Id, SessionMeta>>): Action[] {
  const date = (action: Action) => sessions[action.sessionId]?.date ?? '';
  return [...actions].sort((a, b) => date(a).localeCompare(date(b)) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface ActionRowContext {
  sessions: Readonly<Record<Id, SessionMeta>>;
  /** The side's name as its session's model calls it; null for the session as a whole. */
  sideName(action: Action): string | null;
}

/** The cells of each action, as the overview and the CSV show them. */
export function actionRows(actions: readonly Action[], context: ActionRowContext, locale: Locale): string[][] {
  const t = translator(locale);
  return actions.map((action) => [
    action.text,
    action.pointTitle,
    context.sideName(action) ?? t('actions.wholeSession'),
    context.sessions[action.sessionId]?.title ?? action.sessionId,
    action.owner,
    action.due ?? '',
    t(`action.status.${action.status}`),
    action.note,
  ]);
}

export function actionColumns(locale: Locale): string[] {
  const t = translator(locale);
  return (['text', 'point', 'side', 'session', 'owner', 'due', 'status', 'note'] as const).map((column) => t(`actions.column.${column}`));
}

/** The actions as CSV: id first, then the overview's columns. */
export function actionsCsv(actions: readonly Action[], context: ActionRowContext, locale: Locale): string {
  const rows = actionRows(actions, context, locale);
  return toCsv(['id', ...actionColumns(locale)], actions.map((action, index) => [action.id, ...(rows[index] ?? [])]));
}
