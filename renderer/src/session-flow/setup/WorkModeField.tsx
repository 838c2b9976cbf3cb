import { useId, useState } from 'react';
import { type Id, LIMITS, type ModelTemplate } from '../../../../shared/domain';
import { WORK_MODES, type WorkMode, wholeZones, workMode } from '../../../../shared/zones';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { createTheme } from '../../themes/theme-commands';
import { useProgrammeThemes } from '../../themes/use-programme-themes';

export interface WorkModeChoice {
  mode: WorkMode;
  themeIds: Id[];
}

/** How the session works now: its mode and the themes its whole-session zones stand for. */
export function workModeOf(template: ModelTemplate): WorkModeChoice {
  return { mode: workMode(template), themeIds: wholeZones(template.zones).flatMap((zone) => (zone.themeId ? [zone.themeId] : [])) };
}

export const sameWorkMode = (a: WorkModeChoice, b: WorkModeChoice) => a.mode === b.mode && a.themeIds.join() === b.themeIds.join();

interface WorkModeFieldProps {
  value: WorkModeChoice;
  onChange(next: WorkModeChoice): void;
  /** The session's programme; without one there are no themes to choose, only "Hele sessie". */
  programmeId: Id | null;
  run: RunCommand;
  disabled: boolean;
}

/**
 * "Werken per": the figure's sides, themes of the whole session, or both. With themes, the
 * programme's themes to work on (each gets its own zone); none chosen gives one "Hele sessie" zone.
 * A new theme can be made here too, and is chosen at once.
 */
export function WorkModeField({ value, onChange, programmeId, run, disabled }: WorkModeFieldProps) {
  const t = useT();
  const name = useId();
  const [newTitle, setNewTitle] = useState('');
  const themes = useProgrammeThemes(programmeId);
  const toggle = (themeId: Id, on: boolean) =>
    onChange({ ...value, themeIds: on ? [...value.themeIds, themeId] : value.themeIds.filter((id) => id !== themeId) });
  const addTheme = async () => {
    if (programmeId === null || newTitle.trim() === '') return;
    const id = await createTheme(run, programmeId, newTitle);
    if (id === null) return;
    setNewTitle('');
    onChange({ ...value, themeIds: [...value.themeIds, id] });
  };
  return (
    <fieldset className="field setup-work-mode" data-testid="setup-work-mode">
      <legend className="field-label">{t('setup.workMode')}</legend>
      <div className="setup-work-options">
        {WORK_MODES.map((mode) => (
          <label key={mode} className="setup-check">
            <input
              type="radio"
              name={name}
              value={mode}
              checked={value.mode === mode}
              disabled={disabled}
              onChange={() => onChange({ mode, themeIds: mode === 'sides' ? [] : value.themeIds })}
              data-testid={`work-mode-${mode}`}
            />
            {t(`setup.workMode.${mode}`)}
          </label>
        ))}
      </div>
      {value.mode !== 'sides' && (
        <div className="setup-work-themes">
          <p className="field-hint">{t(programmeId === null ? 'setup.workThemes.noProgramme' : 'setup.workThemes.hint')}</p>
          {themes.map((theme) => (
            <label key={theme.id} className="setup-check">
              <input
                type="checkbox"
                checked={value.themeIds.includes(theme.id)}
                disabled={disabled}
                onChange={(event) => toggle(theme.id, event.target.checked)}
                data-testid="work-theme"
                data-theme={theme.id}
              />
              {theme.title}
            </label>
          ))}
          {programmeId !== null && (
            <div className="setup-work-new">
              <input
                value={newTitle}
                maxLength={LIMITS.themeTitle}
                placeholder={t('themes.newTitle')}
                aria-label={t('themes.newTitle')}
                disabled={disabled}
                onChange={(event) => setNewTitle(event.target.value)}
                data-testid="work-theme-new"
              />
              <button type="button" className="button button-quiet" disabled={disabled || newTitle.trim() === ''} onClick={() => void addTheme()}>
                {t('themes.create')}
              </button>
            </div>
          )}
        </div>
      )}
    </fieldset>
  );
}
