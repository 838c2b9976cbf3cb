import { useState } from 'react';
import type { Id } from '../../../shared/domain';
import type { ThemeSuggestion } from '../../../shared/report/suggest-themes';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { ItemLabel } from './ItemLabel';
import { linkToThemeOrNew } from './theme-commands';

const keyOf = (suggestion: ThemeSuggestion) => suggestion.items.map((item) => `${item.sessionId}/${item.id}`).join('|');

/**
 * The host's suggested themes. A suggestion is only shown: "Koppelen" makes the theme (or takes the
 * existing one) and links its items, one undoable command each; "Niet koppelen" hides it here.
 */
export function ThemeSuggestionList({ programmeId, suggestions, onChanged }: { programmeId: Id; suggestions: readonly ThemeSuggestion[]; onChanged(): void }) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const shown = suggestions.filter((suggestion) => !skipped.has(keyOf(suggestion)));
  const accept = async (suggestion: ThemeSuggestion) => {
    setBusy(true);
    const linked = await linkToThemeOrNew(run, programmeId, suggestion.themeId, suggestion.title, suggestion.items);
    setBusy(false);
    if (linked === null) return;
    showToast({ tone: 'info', key: 'themes.linked', params: { theme: suggestion.title } });
    onChanged();
  };
  return (
    <section className="harvest-links" data-testid="theme-suggestions">
      <h5>{t('themes.suggestions')}</h5>
      {shown.length === 0 ? (
        <p className="harvest-note">{t('themes.suggestionsNone')}</p>
      ) : (
        <>
          <p className="harvest-note">{t('themes.suggestionsIntro')}</p>
          <ul className="harvest-link-list">
            {shown.map((suggestion) => (
              <li key={keyOf(suggestion)} className="harvest-link" data-testid="theme-suggestion">
                <p className="harvest-link-theme">
                  <strong>{t('themes.suggestionTitle', { title: suggestion.title })}</strong>
                  {suggestion.themeId !== null && <span className="harvest-context"> ({t('themes.suggestionExisting')})</span>}
                </p>
                <ul className="harvest-link-pair">
                  {suggestion.items.map((item) => (
                    <li key={`${item.sessionId}/${item.id}`}>
                      <ItemLabel item={item} />
                    </li>
                  ))}
                </ul>
                <p className="harvest-link-why">
                  {suggestion.words.length > 0 ? t('themes.suggestionWords', { words: suggestion.words.join(', ') }) : t('themes.suggestionOldKey')}
                </p>
                <div className="harvest-link-buttons">
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void accept(suggestion)}>
                    {t('themes.accept')}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setSkipped(new Set([...skipped, keyOf(suggestion)]))}>
                    {t('themes.skip')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
