import { useState } from 'react';
import type { LinkTarget } from '../../../shared/commands/themes';
import type { Id } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import type { RunCommand } from '../ui/use-command';
import { linkToThemeOrNew, unlinkFromTheme } from './theme-commands';
import { useProgrammeThemes } from './use-programme-themes';

const NONE = '';
const NEW = '__new__';

export interface ThemeSelectProps {
  sessionId: Id;
  programmeId: Id;
  target: LinkTarget;
  id: Id;
  /** The words a new theme is named after (the point's or group's title, the note's text). */
  title: string;
  themeId: Id | undefined;
  disabled: boolean;
  run: RunCommand;
  label: string;
  testId?: string;
}

/**
 * Links one point, group or note by hand: choose one of the programme's themes, "geen thema" to
 * unlink, or a new theme named after it. Each choice is one undoable command (two for a new theme).
 */
export function ThemeSelect({ sessionId, programmeId, target, id, title, themeId, disabled, run, label, testId }: ThemeSelectProps) {
  const t = useT();
  const showToast = useAppStore((state) => state.showToast);
  const [busy, setBusy] = useState(false);
  const themes = useProgrammeThemes(programmeId);
  // A link to a theme that was deleted counts as none.
  const current = themeId !== undefined && themes.some((theme) => theme.id === themeId) ? themeId : NONE;
  const choose = async (value: string) => {
    setBusy(true);
    if (value === NONE) {
      if (await unlinkFromTheme(run, sessionId, target, id)) showToast({ tone: 'info', key: 'themes.unlinked' });
    } else {
      const linked = await linkToThemeOrNew(run, programmeId, value === NEW ? null : value, title.trim().slice(0, 120), [{ sessionId, target, id }]);
      const name = value === NEW ? title.trim().slice(0, 120) : themes.find((theme) => theme.id === value)?.title;
      if (linked) showToast({ tone: 'info', key: 'themes.linked', params: { theme: name ?? '' } });
    }
    setBusy(false);
  };
  return (
    <select
      className="theme-select"
      aria-label={label}
      value={current}
      disabled={disabled || busy}
      data-testid={testId}
      onChange={(event) => void choose(event.target.value)}
    >
      <option value={NONE}>{t('points.themeNone')}</option>
      {themes.map((theme) => (
        <option key={theme.id} value={theme.id}>
          {theme.title}
        </option>
      ))}
      <option value={NEW}>{t('themes.pickNew')}</option>
    </select>
  );
}
