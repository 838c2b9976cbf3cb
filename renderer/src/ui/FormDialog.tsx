import { type FormEvent, type ReactNode, useState } from 'react';
import { Dialog } from './Dialog';
import { useT } from './i18n';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  /** Resolves true when done (the dialog closes), false to stay open (the error is already shown). */
  onSubmit(): Promise<boolean>;
  onClose(): void;
  canSubmit?: boolean;
  danger?: boolean;
  children: ReactNode;
}

/** A dialog with a form: the submit button shows it is busy, so nobody clicks twice and doubts. */
export function FormDialog({ title, submitLabel, onSubmit, onClose, canSubmit = true, danger = false, children }: FormDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !canSubmit) return;
    setBusy(true);
    const done = await onSubmit();
    if (done) onClose();
    else setBusy(false);
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" onSubmit={submit}>
        {children}
        <div className="dialog-buttons">
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger-solid' : 'button-primary'}`} disabled={busy || !canSubmit}>
            {busy ? t('form.busy') : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
