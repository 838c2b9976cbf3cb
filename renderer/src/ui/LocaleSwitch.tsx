import { LOCALES } from '../../../shared/i18n/messages';
import { useAppStore } from './app-context';
import { storeLocale, useT } from './i18n';

/** NL | EN. Each button names its language in that language, so anyone can find their way back. */
export function LocaleSwitch() {
  const locale = useAppStore((state) => state.locale);
  const setLocale = useAppStore((state) => state.setLocale);
  const t = useT();
  return (
    <fieldset className="locale-switch">
      <legend className="visually-hidden">{t('locale.label')}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          title={t(`locale.${option}`)}
          onClick={() => {
            setLocale(option);
            storeLocale(option);
          }}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
