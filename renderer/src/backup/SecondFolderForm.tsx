import { type FormEvent, useEffect, useId, useState } from 'react';
import { useT } from '../ui/i18n';

interface SecondFolderFormProps {
  current: string | null;
  busy: boolean;
  /** Resolves true when the host accepted the folder. */
  onChoose(folder: string | null): Promise<boolean>;
}

/**
 * The second folder, typed as a full path: the host checks that it is there and writable and
 * makes a first backup in it at once. (The desktop app could offer a folder dialog here later.)
 */
export function SecondFolderForm({ current, busy, onChoose }: SecondFolderFormProps) {
  const t = useT();
  const inputId = useId();
  const [value, setValue] = useState(current ?? '');
  useEffect(() => setValue(current ?? ''), [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || value.trim() === '') return;
    void onChoose(value.trim());
  };
  return (
    <form className="backup-second-form" onSubmit={submit}>
      <label htmlFor={inputId}>{t('backup.secondLabel')}</label>
      <div className="backup-second-row">
        <input
          id={inputId}
          type="text"
          value={value}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('backup.secondPlaceholder')}
          onChange={(event) => setValue(event.target.value)}
          data-testid="backup-second-input"
        />
        <button type="submit" className="button button-quiet" disabled={busy || value.trim() === '' || value.trim() === current} data-testid="backup-second-save">
          {busy ? t('backup.running') : t('backup.secondSave')}
        </button>
        {current !== null && (
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void onChoose(null)} data-testid="backup-second-clear">
            {t('backup.secondClear')}
          </button>
        )}
      </div>
    </form>
  );
}
