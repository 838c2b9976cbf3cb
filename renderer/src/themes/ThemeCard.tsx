import { useEffect, useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { LIMITS } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import type { LinkableItem } from '../../../shared/report/suggest-themes';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { LeadTextField } from './LeadTextField';
import { ItemLabel } from './ItemLabel';
import { unlinkFromTheme } from './theme-commands';

/** One theme of the programme in the harvest panel: its name, the lead's text, what is linked to it. */
export function ThemeCard({ theme, items, onChanged }: { theme: Theme; items: readonly LinkableItem[]; onChanged(): void }) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [title, setTitle] = useState(theme.title);
  // A name changed elsewhere (undo, another window) shows here too.
  useEffect(() => setTitle(theme.title), [theme.title]);
  const rename = async () => {
    if (await run(WORKSPACE_STREAM, { type: 'theme.rename', id: theme.id, title })) showToast({ tone: 'info', key: 'themes.saved' });
  };
  const remove = async () => {
    if (await run(WORKSPACE_STREAM, { type: 'theme.delete', id: theme.id })) {
      showToast({ tone: 'info', key: 'themes.deleted', params: { theme: theme.title } });
      onChanged();
    }
  };
  const unlink = async (item: LinkableItem) => {
    if (await unlinkFromTheme(run, item.sessionId, item.target, item.id)) {
      showToast({ tone: 'info', key: 'themes.unlinked' });
      onChanged();
    }
  };
  return (
    <li className="theme-card" data-testid="theme-card" data-theme-id={theme.id}>
      <div className="theme-card-title">
        <label>
          <span>{t('themes.title')}</span>
          <input value={title} maxLength={LIMITS.themeTitle} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <button type="button" className="button" disabled={title.trim() === theme.title} onClick={() => void rename()}>
          {t('themes.rename')}
        </button>
      </div>
      <LeadTextField
        label={t('themes.summary')}
        saved={theme.summary}
        testId="theme-summary"
        onSave={async (text) => (await run(WORKSPACE_STREAM, { type: 'theme.summary.set', id: theme.id, text })) !== null}
      />
      <h5>{t('themes.linkedHeading')}</h5>
      {items.length === 0 ? (
        <p className="harvest-note">{t('themes.linkedNone')}</p>
      ) : (
        <ul className="theme-items">
          {items.map((item) => (
            <li key={`${item.sessionId}/${item.id}`} data-testid="theme-linked-item" data-item={`${item.sessionId}/${item.id}`}>
              <ItemLabel item={item} />
              {item.viaZone ? (
                <span className="harvest-context">{t('themes.viaZone')}</span>
              ) : (
                <button type="button" className="button button-quiet" onClick={() => void unlink(item)}>
                  {t('themes.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet button-danger" onClick={() => void remove()}>
        {t('themes.delete')}
      </button>
    </li>
  );
}
