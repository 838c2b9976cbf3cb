import { useId } from 'react';
import { useT } from '../../ui/i18n';
import { type ActionContext, GESTURES, HELP_GROUPS, KEYED_ACTIONS, type KeyName, keyLabel } from './actions';

/**
 * Every key of the board, from the same register the keys are handled by, and the pointer's
 * gestures beside them. A key that does not apply in the current phase is greyed and says so.
 * Not modal: the board stays usable behind it, and ? or Esc closes it again.
 */
export function HelpOverlay({ context, onClose }: { context: ActionContext; onClose(): void }) {
  const t = useT();
  const titleId = useId();
  const phase = context.phase;
  const rows = [
    ...KEYED_ACTIONS.map((action) => ({
      kind: 'action' as const,
      id: action.id,
      group: action.group,
      keys: action.keys ?? [],
      text: action.help ?? action.label,
      // Only the phase greys a key: what is chosen changes from moment to moment.
      off: action.whyNot({ ...context, readOnly: false })?.kind === 'phase',
    })),
    ...GESTURES.map((gesture) => ({ kind: 'gesture' as const, id: gesture.id, group: gesture.group, keys: gesture.keys, text: gesture.label, off: false })),
  ];
  return (
    <section className="help-overlay" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="help-overlay">
      <header className="help-head">
        <h2 id={titleId}>{t('help.title')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('form.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {phase && rows.some((row) => row.off) && <p className="help-phase">{t('help.phaseNote', { phase: t(`phase.${phase}`) })}</p>}
      <div className="help-groups">
        {HELP_GROUPS.map((group) => (
          <div key={group} className="help-group">
            <h3>{t(group)}</h3>
            <dl>
              {rows
                .filter((row) => row.group === group)
                .map((row) => (
                  <div key={row.id} className={`help-row${row.off ? ' help-row-off' : ''}`} {...{ [`data-${row.kind}`]: row.id }}>
                    <dt>
                      {row.keys.map((key: KeyName, index) => (
                        <span key={keyLabel(key, t)}>
                          {index > 0 && <span className="help-or"> / </span>}
                          <kbd>{keyLabel(key, t)}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>
                      {t(row.text)}
                      {row.off && <span className="help-off"> ({t('help.notInPhase')})</span>}
                    </dd>
                  </div>
                ))}
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
