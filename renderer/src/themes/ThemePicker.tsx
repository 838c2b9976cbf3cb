import { useEffect, useId } from 'react';
import type { SessionState } from '../../../shared/domain';
import type { ThemeTarget } from '../canvas/canvas-slice';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import type { RunCommand } from '../ui/use-command';
import { ThemeSelect } from './ThemeSelect';

/**
 * The board's "Aan thema koppelen" for the chosen group or note: one of the programme's themes, a
 * new theme named after it, or none. Not modal, like the help: the board stays usable, Esc closes it.
 */
export function ThemePicker({ session, sessionId, target, readOnly, run, onClose }: { session: SessionState; sessionId: string; target: ThemeTarget; readOnly: boolean; run: RunCommand; onClose(): void }) {
  const t = useT();
  const titleId = useId();
  const workspace = useAppStore((state) => state.workspace);
  const item = target.target === 'cluster' ? session.clusters[target.id] : session.notes[target.id];
  const title = item ? ('title' in item ? item.title : item.text) : '';
  const programmeId = session.meta.programmeId;
  const current = item?.themeId !== undefined ? workspace?.themes[item.themeId] : undefined;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  // The group or note went away (deleted, ungrouped): nothing left to link.
  useEffect(() => {
    if (!item) onClose();
  }, [item, onClose]);
  if (!item) return null;
  return (
    <section className="theme-picker" role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid="theme-picker">
      <header className="help-head">
        <h2 id={titleId}>{t('themePicker.heading')}</h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('themePicker.close')} <kbd>Esc</kbd>
        </button>
      </header>
      {programmeId === null ? (
        <p>{t('themePicker.noProgramme')}</p>
      ) : (
        <>
          <p>{t('themePicker.for', { title })}</p>
          {current && <p className="harvest-context">{t('themePicker.current', { theme: current.title })}</p>}
          <ThemeSelect
            sessionId={sessionId}
            programmeId={programmeId}
            target={target.target}
            id={target.id}
            title={title}
            themeId={item.themeId}
            disabled={readOnly}
            run={run}
            label={t('themePicker.for', { title })}
            testId="theme-picker-select"
          />
        </>
      )}
    </section>
  );
}
