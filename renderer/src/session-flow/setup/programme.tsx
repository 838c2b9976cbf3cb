import { nanoid } from 'nanoid';
import { useId } from 'react';
import { type Id, LIMITS } from '../../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../../shared/protocol';
import { useAppStore } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';

/** A programme picked from the list, or a new one by name; '' with newName '' means none. */
export interface ProgrammeChoice {
  programmeId: Id | null;
  /** Set when the facilitator chose "new programme": the name typed. */
  newName: string | null;
}

const NEW = '__new__';

export function ProgrammeField({ value, onChange }: { value: ProgrammeChoice; onChange(next: ProgrammeChoice): void }) {
  const t = useT();
  const id = useId();
  const nameId = useId();
  const programmes = useAppStore((state) => state.workspace?.programmes);
  const list = Object.values(programmes ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const selected = value.newName !== null ? NEW : (value.programmeId ?? '');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('setup.programme')}
      </label>
      <p className="field-hint">{t('setup.programmeHint')}</p>
      <select
        id={id}
        className="setup-select"
        value={selected}
        data-testid="setup-programme"
        onChange={(event) => {
          const choice = event.target.value;
          if (choice === NEW) onChange({ programmeId: null, newName: '' });
          else onChange({ programmeId: choice === '' ? null : choice, newName: null });
        }}
      >
        <option value="">{t('setup.noProgramme')}</option>
        {list.map((programme) => (
          <option key={programme.id} value={programme.id}>
            {programme.name}
          </option>
        ))}
        <option value={NEW}>{t('setup.newProgramme')}</option>
      </select>
      {value.newName !== null && (
        <>
          <label htmlFor={nameId} className="visually-hidden">
            {t('setup.newProgrammeName')}
          </label>
          <input
            id={nameId}
            value={value.newName}
            maxLength={LIMITS.title}
            placeholder={t('setup.newProgrammeName')}
            onChange={(event) => onChange({ programmeId: null, newName: event.target.value })}
            data-testid="setup-programme-name"
          />
        </>
      )}
    </div>
  );
}

/**
 * The programme id to store: an existing one, or a programme made now from the typed name.
 * undefined when making it was refused (the error is already on screen).
 */
export async function resolveProgramme(run: RunCommand, choice: ProgrammeChoice): Promise<Id | null | undefined> {
  const name = choice.newName?.trim() ?? '';
  if (choice.newName === null || name === '') return choice.programmeId;
  const id = nanoid();
  const ack = await run(WORKSPACE_STREAM, { type: 'programme.create', id, name });
  return ack ? id : undefined;
}
