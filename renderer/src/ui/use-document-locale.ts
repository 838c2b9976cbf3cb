import { useEffect } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { useAppStore } from './app-context';
import { useT } from './i18n';

/** Keeps <html lang> and the window title in the chosen language (screen readers and hyphenation use lang). */
export function useDocumentLocale(titleKey: MessageKey): void {
  const locale = useAppStore((state) => state.locale);
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(titleKey);
  }, [locale, t, titleKey]);
}
