import { useCallback } from 'react';
import { DEFAULT_LOCALE, isLocale, type Locale, type MessageKey, type MessageParams, translate } from '../../../shared/i18n/messages';
import { useAppStore } from './app-context';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The translate function for the window's current language. */
export function useT(): Translate {
  const locale = useAppStore((state) => state.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

/** The language choice is kept per machine, like any other preference of the facilitator. */
export const LOCALE_STORAGE_KEY = 'eiland.locale';

export function readStoredLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // A locked-down profile may refuse storage; the choice then lasts for this window only.
  }
}

/** Intl names for our two languages, for dates. */
export function intlLocale(locale: Locale): string {
  return locale === 'nl' ? 'nl-NL' : 'en-GB';
}
