import { useEffect, useState } from 'react';
import { type CarryChoice, CARRY_CHOICES, type PreviousTheme, previousThemes } from '../../../shared/carry-themes';
import type { Id, SessionState } from '../../../shared/domain';
import { useAppStore, useClient } from '../ui/app-context';
import { useT } from '../ui/i18n';

/**
 * The previous session's themes for "Volgende sessie voorbereiden", each with its chosen points as
 * context and a choice: a theme for the whole session, a point to vote on, or left behind. The
 * session's state comes once from the host (a snapshot of its stream), as the sessions list does not hold it.
 */
export function useSourceThemes(sessionId: Id): PreviousTheme[] | null {
  const client = useClient();
  const workspace = useAppStore((state) => state.workspace);
  const [source, setSource] = useState<SessionState | null>(null);
  useEffect(() => {
    let stop: (() => void) | null = null;
    stop = client.subscribe(sessionId, {
      snapshot: (state) => {
        setSource(state as SessionState);
        stop?.();
        stop = null;
      },
      event: () => {},
    });
    return () => stop?.();
  }, [client, sessionId]);
  if (!source) return null;
  return previousThemes(source, Object.values(workspace?.themes ?? {}));
}

export function ThemeCarryChoices({ offered, choices, onChoose }: { offered: readonly PreviousTheme[] | null; choices: ReadonlyMap<Id, CarryChoice>; onChoose(themeId: Id, choice: CarryChoice): void }) {
  const t = useT();
  if (offered === null) return <p className="dialog-text">{t('duplicate.themesLoading')}</p>;
  if (offered.length === 0) return null;
  return (
    <fieldset className="carry-themes" data-testid="carry-themes">
      <legend>{t('duplicate.themes')}</legend>
      <p className="dialog-text">{t('duplicate.themesIntro')}</p>
      {offered.map(({ theme, chosenPoints }) => (
        <div key={theme.id} className="carry-theme" data-theme-id={theme.id}>
          <strong>{theme.title}</strong>
          <p className="carry-context">
            {chosenPoints.length === 0 ? t('duplicate.noChosen') : t('duplicate.chosen', { titles: chosenPoints.map((point) => `“${point.title}”`).join(', ') })}
          </p>
          <div className="carry-options" role="radiogroup" aria-label={theme.title}>
            {CARRY_CHOICES.map((choice) => (
              <label key={choice} className="carry-option">
                <input type="radio" name={`carry-${theme.id}`} checked={(choices.get(theme.id) ?? 'whole') === choice} onChange={() => onChoose(theme.id, choice)} />
                {t(`duplicate.carry.${choice}`)}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
