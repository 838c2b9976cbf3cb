import { LOCALES } from '../../../shared/i18n/messages';
import { useLocale } from './context';

/** NL | EN, each in its own language, small in the corner of the phone. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <fieldset className="locale-switch phone-locale">
      <legend className="visually-hidden">{t('locale.label')}</legend>
      {LOCALES.map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === locale} title={t(`locale.${option}`)} onClick={() => setLocale(option)}>
          {option.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
