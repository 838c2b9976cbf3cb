import type { Locale } from '../../../shared/i18n/messages';
import { intlLocale } from '../ui/i18n';

/**
 * "5 december 2026 om 14:32" / "5 December 2026 at 14:32": when a backup was made, in local time;
 * with seconds in the list, where two backups can fall in one minute.
 */
export function formatMoment(at: number, locale: Locale, seconds = false): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: seconds ? 'medium' : 'short' }).format(new Date(at));
}

/** "7,4 MB", "320 kB": a backup's size as a file manager shows it, in the page's language. */
export function formatSize(bytes: number, locale: Locale): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(
    mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)),
  );
}
