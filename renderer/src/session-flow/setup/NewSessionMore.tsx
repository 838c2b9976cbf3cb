import '../dialogs.css';
import { useId } from 'react';
import { type Id, LIMITS, type SessionSettings } from '../../../../shared/domain';
import { DEFAULT_SETTINGS } from '../../../../shared/session-factory';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { type ProgrammeChoice, resolveProgramme } from './programme';
import { changedSettings, SettingsFields } from './SettingsFields';

/** What the new-session form adds beyond title, date, group and model: the programme (in the form itself) and "Meer instellingen". */
export interface MoreSetup {
  facilitator: string;
  programme: ProgrammeChoice;
  settings: SessionSettings;
}

export const DEFAULT_MORE: MoreSetup = { facilitator: '', programme: { programmeId: null, newName: null }, settings: DEFAULT_SETTINGS };

/** "Meer instellingen": closed by default, so a quick session needs only a title. */
export function NewSessionMore({ value, onChange }: { value: MoreSetup; onChange(next: MoreSetup): void }) {
  const t = useT();
  const facilitatorId = useId();
  return (
    <details className="setup-more" data-testid="more-settings">
      <summary>{t('setup.more')}</summary>
      <div className="setup-more-body">
        <div className="field">
          <label htmlFor={facilitatorId} className="field-label">
            {t('setup.facilitator')}
          </label>
          <input
            id={facilitatorId}
            value={value.facilitator}
            maxLength={LIMITS.shortText}
            onChange={(event) => onChange({ ...value, facilitator: event.target.value })}
            data-testid="new-facilitator"
          />
        </div>
        <SettingsFields value={value.settings} onChange={(settings) => onChange({ ...value, settings })} />
        <p className="field-hint">{t('setup.moreLater')}</p>
      </div>
    </details>
  );
}

/** The session.create fields from "Meer instellingen"; null when making a new programme was refused. */
export async function createFields(run: RunCommand, more: MoreSetup): Promise<{ programmeId: Id | null; facilitator: string } | null> {
  const programmeId = await resolveProgramme(run, more.programme);
  if (programmeId === undefined) return null;
  return { programmeId, facilitator: more.facilitator.trim() };
}

/** After session.create: the rules chosen in "Meer instellingen", sent to the new session. */
export async function applySettings(run: RunCommand, sessionId: Id, more: MoreSetup): Promise<void> {
  const changes = changedSettings(DEFAULT_SETTINGS, more.settings);
  if (Object.keys(changes).length > 0) await run(sessionId, { type: 'settings.update', ...changes });
}
