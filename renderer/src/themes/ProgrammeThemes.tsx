import { useCallback, useEffect, useId, useState } from 'react';
import type { Id } from '../../../shared/domain';
import { LIMITS } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n/messages';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { fetchSuggestions, type SuggestionsReply } from '../harvest/harvest-api';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { LeadTextField } from './LeadTextField';
import { createTheme } from './theme-commands';
import { ThemeCard } from './ThemeCard';
import { ThemeSuggestionList } from './ThemeSuggestionList';
import { UnlinkedItems } from './UnlinkedItems';
import { useProgrammeThemes } from './use-programme-themes';

type Loaded = { phase: 'loading' } | { phase: 'failed'; key: MessageKey } | { phase: 'ready'; reply: SuggestionsReply };

/**
 * "Samengevat" as the programme lead finishes it in the app: the introduction, the programme's
 * themes with the lead's text per theme and what is linked to each, suggested themes to confirm or
 * dismiss, and what is linked to none (pick a theme or make one). Every change is one undoable
 * command; "Laatste wijziging ongedaan maken" takes back the last text or theme.
 */
export function ProgrammeThemes({ programmeId, sessions }: { programmeId: Id; sessions: readonly Id[] }) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const workspace = useAppStore((state) => state.workspace);
  const headingId = useId();
  const newId = useId();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [newTitle, setNewTitle] = useState('');
  const chosenKey = sessions.join(',');
  const programme = workspace?.programmes[programmeId];
  const themes = useProgrammeThemes(programmeId);

  const load = useCallback(
    async (signal: { stale: boolean }) => {
      const result = await fetchSuggestions(programmeId, chosenKey.split(','));
      if (signal.stale) return;
      setLoaded(result.ok ? { phase: 'ready', reply: result.value } : { phase: 'failed', key: result.reason });
    },
    [programmeId, chosenKey],
  );
  // A theme made or deleted (here, by undo, or in another window) changes what is linked where.
  const themeIds = themes.map((theme) => theme.id).join(',');
  useEffect(() => {
    const signal = { stale: false };
    if (themeIds !== null) void load(signal);
    return () => {
      signal.stale = true;
    };
  }, [load, themeIds]);
  const reload = () => void load({ stale: false });

  const make = async () => {
    const title = newTitle;
    if (await createTheme(run, programmeId, title)) {
      // Emptied only if it still holds what was made: a next title typed meanwhile stays.
      setNewTitle((current) => (current === title ? '' : current));
      showToast({ tone: 'info', key: 'themes.created', params: { theme: title.trim() } });
    }
  };
  const undo = async () => {
    if (await run(WORKSPACE_STREAM, { type: 'history.undo' })) showToast({ tone: 'info', key: 'themes.undone' });
  };
  const items = loaded.phase === 'ready' ? loaded.reply.items : [];

  return (
    <section className="programme-themes" aria-labelledby={headingId} data-testid="programme-themes">
      <div className="programme-themes-head">
        <h4 id={headingId}>{t('themes.heading')}</h4>
        <button type="button" className="button button-quiet" onClick={() => void undo()}>
          {t('themes.undo')}
        </button>
      </div>
      <p className="harvest-note">{t('themes.explain')}</p>
      <LeadTextField
        label={t('themes.introduction')}
        saved={programme?.introduction ?? ''}
        testId="lead-introduction"
        onSave={async (text) => (await run(WORKSPACE_STREAM, { type: 'programme.introduction.set', programmeId, text })) !== null}
      />
      <div className="theme-new">
        <label htmlFor={newId}>{t('themes.newTitle')}</label>
        <input id={newId} value={newTitle} maxLength={LIMITS.themeTitle} onChange={(event) => setNewTitle(event.target.value)} />
        <button type="button" className="button" onClick={() => void make()}>
          {t('themes.create')}
        </button>
      </div>
      {themes.length === 0 ? (
        <p className="harvest-note">{t('themes.none')}</p>
      ) : (
        <ul className="theme-cards">
          {themes.map((theme) => (
            <ThemeCard key={theme.id} theme={theme} items={items.filter((item) => item.themeId === theme.id)} onChanged={reload} />
          ))}
        </ul>
      )}
      {loaded.phase === 'loading' && (
        <p className="harvest-note harvest-busy">
          <span className="harvest-spinner" aria-hidden="true" />
          {t('themes.loading')}
        </p>
      )}
      {loaded.phase === 'failed' && <p className="harvest-failed">{t(loaded.key)}</p>}
      {loaded.phase === 'ready' && (
        <div className="harvest-columns">
          <ThemeSuggestionList programmeId={programmeId} suggestions={loaded.reply.themes} onChanged={reload} />
          <UnlinkedItems programmeId={programmeId} items={items.filter((item) => item.themeId === null)} themes={themes} onChanged={reload} />
        </div>
      )}
    </section>
  );
}
