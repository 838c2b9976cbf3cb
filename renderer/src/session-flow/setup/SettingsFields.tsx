import { useId } from 'react';
import { LIMITS, type SessionSettings } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';

/** Dots, anonymity, hidden notes and moderation: the rules of a session, as plain choices. */
export function SettingsFields({ value, onChange }: { value: SessionSettings; onChange(next: SessionSettings): void }) {
  const t = useT();
  const dotsId = useId();
  const maxId = useId();
  const set = (changes: Partial<SessionSettings>) => onChange({ ...value, ...changes });
  const clamp = (raw: string, fallback: number) => {
    const number = Math.round(Number(raw));
    return Number.isFinite(number) && number >= 1 ? Math.min(number, LIMITS.dotsPerParticipant) : fallback;
  };
  return (
    <div className="setup-settings" data-testid="settings-fields">
      <fieldset className="field setup-group">
        <legend className="field-label">{t('setup.voting')}</legend>
        <div className="setup-inline">
          <label htmlFor={dotsId}>{t('setup.dots')}</label>
          <input
            id={dotsId}
            type="number"
            className="setup-number"
            min={1}
            max={LIMITS.dotsPerParticipant}
            value={value.dotsPerParticipant}
            onChange={(event) => set({ dotsPerParticipant: clamp(event.target.value, value.dotsPerParticipant) })}
            data-testid="setting-dots"
          />
        </div>
        <div className="setup-inline">
          <label className="setup-check">
            <input
              type="checkbox"
              checked={value.maxDotsPerItem !== null}
              onChange={(event) => set({ maxDotsPerItem: event.target.checked ? Math.min(2, value.dotsPerParticipant) : null })}
              data-testid="setting-max-on"
            />
            {t('setup.maxOn')}
          </label>
          {value.maxDotsPerItem !== null && (
            <>
              <span aria-hidden="true">{t('setup.maxBefore')}</span>
              <label htmlFor={maxId} className="visually-hidden">
                {t('setup.max')}
              </label>
              <input
                id={maxId}
                type="number"
                className="setup-number"
                min={1}
                max={LIMITS.dotsPerParticipant}
                value={value.maxDotsPerItem}
                onChange={(event) => set({ maxDotsPerItem: clamp(event.target.value, value.maxDotsPerItem ?? 1) })}
                data-testid="setting-max"
              />
              <span>{t('setup.maxUnit')}</span>
            </>
          )}
        </div>
      </fieldset>
      <fieldset className="field setup-group">
        <legend className="field-label">{t('setup.privacy')}</legend>
        <Toggle checked={value.anonymous} onChange={(anonymous) => set({ anonymous })} label={t('setup.anonymous')} hint={t('setup.anonymousHint')} testId="setting-anonymous" />
        <Toggle
          checked={value.hideNotesUntilReveal}
          onChange={(hideNotesUntilReveal) => set({ hideNotesUntilReveal })}
          label={t('setup.hidden')}
          hint={t('setup.hiddenHint')}
          testId="setting-hidden"
        />
        <Toggle checked={value.moderation} onChange={(moderation) => set({ moderation })} label={t('moderation.setting')} hint={t('moderation.settingHint')} testId="setting-moderation" />
      </fieldset>
    </div>
  );
}

function Toggle({ checked, onChange, label, hint, testId }: { checked: boolean; onChange(on: boolean): void; label: string; hint: string; testId: string }) {
  const hintId = useId();
  return (
    <label className="setup-check setup-toggle">
      <input type="checkbox" checked={checked} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />
      <span>
        {label}
        <span id={hintId} className="field-hint setup-hint">
          {hint}
        </span>
      </span>
    </label>
  );
}

/** The settings that differ from `before`, for one settings.update (nothing when nothing changed). */
export function changedSettings(before: SessionSettings, after: SessionSettings): Partial<SessionSettings> {
  const changes: Partial<SessionSettings> = {};
  for (const key of Object.keys(after) as (keyof SessionSettings)[]) {
    if (before[key] !== after[key]) Object.assign(changes, { [key]: after[key] });
  }
  return changes;
}
