/**
 * The language of the shell's own words (menus, native dialogs). It follows the facilitator page:
 * the page reports its language through the preload, and the shell remembers it for the next start.
 * Before that it takes the system's language when that is English, else Dutch (Eiland's default).
 * All texts come from the one catalogue in shared/i18n, like the pages' texts.
 */
import { DEFAULT_LOCALE, type Locale, type MessageKey, type MessageParams, translate } from '../../shared/i18n/messages';

/** English for any English system locale ('en', 'en-GB', …); Dutch for everything else. */
export function localeFromSystem(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

let current: Locale = DEFAULT_LOCALE;

export function shellLocale(): Locale {
  return current;
}

export function setShellLocale(locale: Locale): void {
  current = locale;
}

/** A catalogue text in the shell's current language. */
export function st(key: MessageKey, params?: MessageParams): string {
  return translate(current, key, params);
}
