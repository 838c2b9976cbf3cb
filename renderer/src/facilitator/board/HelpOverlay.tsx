import { useId } from 'react';
import { useT } from '../../ui/i18n';
import { SHORTCUTS, type Shortcut } from './shortcuts';

const GROUPS: readonly Shortcut['group'][] = ['help.notes', 'help.groups', 'help.view', 'help.general'];

/**
 * Every shortcut of the board, from the same table the keys are handled by. Not modal: the board
 * stays usable behind it, and ? or Esc closes it again.
 */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="help-overlay" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="help-overlay">
      <header className="help-head">
        <h2 id={titleId}>{t('help.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('form.close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div className="help-groups">
        {GROUPS.map((group) => (
          <div key={group} className="help-group">
            <h3>{t(group)}</h3>
            <dl>
              {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={shortcut.id} className="help-row">
                  <dt>
                    {shortcut.keys.map((key, index) => (
                      <span key={typeof key === 'string' ? key : key.text}>
                        {index > 0 && <span className="help-or"> / </span>}
                        <kbd>{typeof key === 'string' ? key : t(key.text)}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{t(shortcut.label)}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
