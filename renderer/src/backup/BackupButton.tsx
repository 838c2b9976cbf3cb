import { useEffect, useState } from 'react';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { RESTORED_KEY } from './backup-api';
import { BackupPanel } from './BackupPanel';
import './backup.css';

/** A folder with a clock hand: drawn inline, like the other icons, for a locked-down laptop. */
function BackupIcon() {
  return (
    <svg className="backup-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M3 7h6l2 2h10v10H3z M15 12v3h2.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * "Reservekopieën" on the sessions screen: where the backups are and when the last good one was
 * made (the settings), a second folder, and restoring one of them.
 */
export function BackupButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const showToast = useAppStore((state) => state.showToast);
  // After a restore the page reloads; say here what happened and where the previous data is kept.
  useEffect(() => {
    let keptAs: string | null = null;
    try {
      keptAs = sessionStorage.getItem(RESTORED_KEY);
      sessionStorage.removeItem(RESTORED_KEY);
    } catch {
      keptAs = null;
    }
    if (keptAs !== null) showToast({ tone: 'info', key: 'backup.restored', params: { file: keptAs } });
  }, [showToast]);
  return (
    <>
      <button type="button" className="button button-quiet backup-button" data-testid="backup-button" onClick={() => setOpen(true)}>
        <BackupIcon />
        {t('backup.button')}
      </button>
      {open && (
        <Dialog title={t('backup.title')} onClose={() => setOpen(false)}>
          <BackupPanel />
          <div className="dialog-buttons">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('form.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
