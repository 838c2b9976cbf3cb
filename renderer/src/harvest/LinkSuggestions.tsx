import { useCallback, useEffect, useId, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { LinkSuggestion } from '../../../shared/report/suggest';
import type { PointRef } from '../../../shared/report/themes';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { fetchSuggestions } from './harvest-api';

type Loaded = { phase: 'loading' } | { phase: 'failed'; key: MessageKey } | { phase: 'ready'; list: LinkSuggestion[] };

const pairKey = (suggestion: LinkSuggestion) => `${suggestion.a.sessionId}/${suggestion.a.pointId}|${suggestion.b.sessionId}/${suggestion.b.pointId}`;

/**
 * The host's guesses at points that are about the same theme in different sessions. A guess is
 * only shown: linking takes the facilitator's click, which sends `attention.link` for both points
 * with one theme key. "Niet koppelen" only hides the guess in this panel; nothing is merged.
 */
export function LinkSuggestions({ programmeId, sessions }: { programmeId: string; sessions: readonly string[] }) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [linking, setLinking] = useState<string | null>(null);
  const headingId = useId();
  const chosenKey = sessions.join(',');

  const load = useCallback(async (signal: { stale: boolean }) => {
    const result = await fetchSuggestions(programmeId, chosenKey.split(','));
    if (signal.stale) return;
    setLoaded(result.ok ? { phase: 'ready', list: result.value } : { phase: 'failed', key: result.reason });
  }, [programmeId, chosenKey]);

  useEffect(() => {
    const signal = { stale: false };
    setLoaded({ phase: 'loading' });
    void load(signal);
    return () => {
      signal.stale = true;
    };
  }, [load]);

  const link = async (suggestion: LinkSuggestion) => {
    const key = pairKey(suggestion);
    setLinking(key);
    const linkOne = (point: PointRef) => run(point.sessionId, { type: 'attention.link', id: point.pointId, themeKey: suggestion.themeKey });
    const done = (await linkOne(suggestion.a)) !== null && (await linkOne(suggestion.b)) !== null;
    setLinking(null);
    if (!done) return;
    showToast({ tone: 'info', key: 'harvest.linked', params: { theme: suggestion.themeKey } });
    await load({ stale: false });
  };

  const shown = loaded.phase === 'ready' ? loaded.list.filter((suggestion) => !skipped.has(pairKey(suggestion))) : [];
  const group = (point: PointRef) => point.group || t('session.noGroup');

  return (
    <section className="harvest-links" aria-labelledby={headingId} data-testid="harvest-links">
      <h4 id={headingId}>{t('harvest.links')}</h4>
      {loaded.phase === 'loading' && (
        <p className="harvest-note harvest-busy">
          <span className="harvest-spinner" aria-hidden="true" />
          {t('harvest.linksLoading')}
        </p>
      )}
      {loaded.phase === 'failed' && <p className="harvest-failed">{t(loaded.key)}</p>}
      {loaded.phase === 'ready' && shown.length === 0 && <p className="harvest-note">{t('harvest.linksNone')}</p>}
      {shown.length > 0 && (
        <>
          <p className="harvest-note">{t('harvest.linksIntro')}</p>
          <ul className="harvest-link-list">
            {shown.map((suggestion) => {
              const key = pairKey(suggestion);
              return (
                <li
                  key={key}
                  className="harvest-link"
                  data-testid="link-suggestion"
                  data-a={`${suggestion.a.sessionId}/${suggestion.a.pointId}`}
                  data-b={`${suggestion.b.sessionId}/${suggestion.b.pointId}`}
                >
                  <ul className="harvest-link-pair">
                    {[suggestion.a, suggestion.b].map((point) => (
                      <li key={point.pointId}>
                        <span className="harvest-link-group">{group(point)}</span>
                        {t('harvest.linkTitle', { title: point.title })}
                      </li>
                    ))}
                  </ul>
                  <p className="harvest-link-theme">{t('harvest.linkTheme', { theme: suggestion.themeKey })}</p>
                  <p className="harvest-link-why">{t('harvest.linkWords', { words: suggestion.sharedWords.join(', ') })}</p>
                  <div className="harvest-link-buttons">
                    <button type="button" className="button button-primary" disabled={linking !== null} onClick={() => void link(suggestion)}>
                      {t('harvest.link')}
                    </button>
                    <button type="button" className="button button-quiet" disabled={linking === key} onClick={() => setSkipped(new Set([...skipped, key]))}>
                      {t('harvest.skip')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
