import { type Locale, type MessageKey, type MessageParams, translate } from '../i18n/messages';

/** A translator bound to one locale, so builders read as plain sentences. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);

/**
 * "2024-06-02" → "2 juni 2024" / "2 June 2024". The date is a calendar date, not a moment: it is
 * formatted in UTC so it never shifts a day with the laptop's time zone. Anything that is not a
 * valid YYYY-MM-DD is shown as it is.
 */
export function formatDate(locale: Locale, isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function dotsLabel(t: Translate, dots: number): string {
  return dots === 1 ? t('report.dots.one') : t('report.dots.other', { count: dots });
}

/** Text or the "none" mark, so an empty field reads as empty rather than missing. */
export function orNone(t: Translate, text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? t('report.none') : trimmed;
}

/** Orders by a number, then by a text, for lists that must read the same every time. */
export function byOrderThenText<T>(order: (item: T) => number, text: (item: T) => string) {
  return (a: T, b: T): number => order(a) - order(b) || text(a).localeCompare(text(b));
}
