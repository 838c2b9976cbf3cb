import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { DEFAULT_LOCALE, isLocale, type Locale, type MessageKey, type MessageParams, translate } from '../../../shared/i18n/messages';
import type { ParticipantLink, ParticipantState } from './link';
import type { KeyValueStore } from './storage';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The same key the facilitator's app uses, so one browser keeps one language choice. */
const LOCALE_KEY = 'eiland.locale';

interface LocaleServices {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const LocaleContext = createContext<LocaleServices | null>(null);
const LinkContext = createContext<ParticipantLink | null>(null);

export function LocaleProvider({ storage, children }: { storage: KeyValueStore; children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const stored = storage.getItem(LOCALE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  });
  const setLocale = useCallback(
    (next: Locale) => {
      setState(next);
      try {
        storage.setItem(LOCALE_KEY, next);
      } catch {
        // kept for this page only
      }
    },
    [storage],
  );
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleServices {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('LocaleProvider is missing');
  return value;
}

export function useT(): Translate {
  return useLocale().t;
}

export function LinkProvider({ link, children }: { link: ParticipantLink; children: ReactNode }) {
  return <LinkContext.Provider value={link}>{children}</LinkContext.Provider>;
}

export function useLink(): ParticipantLink {
  const link = useContext(LinkContext);
  if (!link) throw new Error('LinkProvider is missing');
  return link;
}

/** One narrow slice of the phone's state; the component re-renders only when it changes. */
export function useParticipant<T>(selector: (state: ParticipantState) => T): T {
  return useStore(useLink().store, selector);
}
