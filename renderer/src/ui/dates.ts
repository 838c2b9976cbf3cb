import type { Locale } from '../../../shared/i18n/messages';
import { intlLocale } from './i18n';

const pad = (value: number) => String(value).padStart(2, '0');

/** Today on the facilitator's own calendar (not UTC: a session at 00:30 belongs to that day). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "3 juni 2025" / "3 June 2025"; an unreadable date is shown as it was stored rather than hidden. */
export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(year, month - 1, day));
}
