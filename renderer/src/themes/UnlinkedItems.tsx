import { useState } from 'react';
import type { Id, Theme } from '../../../shared/domain';
import type { LinkableItem } from '../../../shared/report/suggest-themes';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { ItemLabel } from './ItemLabel';
import { linkToThemeOrNew } from './theme-commands';

const NEW = '__new__';

/** Points and groups linked to no theme: pick one of the programme's themes, or make one of its words. */
export function UnlinkedItems({ programmeId, items, themes, onChanged }: { programmeId: Id; items: readonly LinkableItem[]; themes: readonly Theme[]; onChanged(): void }) {
  const t = useT();
  return (
    <section className="theme-unlinked" data-testid="theme-unlinked">
      <h5>{t('themes.unlinkedHeading')}</h5>
      {items.length === 0 ? (
        <p className="harvest-note">{t('themes.unlinkedNone')}</p>
      ) : (
        <ul className="theme-items">
          {items.map((item) => (
            <UnlinkedRow key={`${item.sessionId}/${item.id}`} programmeId={programmeId} item={item} themes={themes} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UnlinkedRow({ programmeId, item, themes, onChanged }: { programmeId: Id; item: LinkableItem; themes: readonly Theme[]; onChanged(): void }) {
  const t = useT();
  const run = useCommand();
  const showToast = useAppStore((state) => state.showToast);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState(false);
  const link = async () => {
    setBusy(true);
    const themeId = picked === NEW ? null : picked;
    const linked = await linkToThemeOrNew(run, programmeId, themeId, item.title.slice(0, 120), [item]);
    setBusy(false);
    if (linked === null) return;
    showToast({ tone: 'info', key: 'themes.linked', params: { theme: themes.find((theme) => theme.id === linked)?.title ?? item.title } });
    onChanged();
  };
  return (
    <li data-testid="theme-unlinked-item" data-item={`${item.sessionId}/${item.id}`}>
      <ItemLabel item={item} />
      <span className="theme-pick">
        <select aria-label={t('themes.pick', { title: item.title })} value={picked} onChange={(event) => setPicked(event.target.value)}>
          <option value="">{t('themes.pickNone')}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.title}
            </option>
          ))}
          <option value={NEW}>{t('themes.pickNew')}</option>
        </select>
        <button type="button" className="button" disabled={picked === '' || busy} onClick={() => void link()}>
          {t('themes.link')}
        </button>
      </span>
    </li>
  );
}
