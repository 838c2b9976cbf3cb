import { useId, useState } from 'react';
import type { BackupEntry } from '../../../shared/backup';
import type { MessageKey, MessageParams } from '../../../shared/i18n/messages';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { RESTORED_KEY, restoreBackup, waitForHost } from './backup-api';
import { formatMoment, formatSize } from './format';

type Restoring = { phase: 'idle' } | { phase: 'confirm'; entry: BackupEntry } | { phase: 'busy' } | { phase: 'failed'; key: MessageKey; params?: MessageParams };

/**
 * The backups to restore from, newest first: when, how big, how many sessions, where. Restoring
 * asks first; the host then keeps the current database aside, reopens on the backup, and this
 * page reloads onto it.
 */
export function RestoreList({ backups }: { backups: readonly BackupEntry[] }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const [state, setState] = useState<Restoring>({ phase: 'idle' });
  const headingId = useId();

  const restore = async (entry: BackupEntry) => {
    setState({ phase: 'busy' });
    const result = await restoreBackup(entry.name, entry.folder);
    if (!result.ok) return setState({ phase: 'failed', key: result.reason, ...(result.params ? { params: result.params } : {}) });
    try {
      if (result.value.keptAs !== null) sessionStorage.setItem(RESTORED_KEY, result.value.keptAs);
    } catch {
      // Without storage the toast after the reload is missing; the restore itself is done.
    }
    await waitForHost();
    window.location.reload();
  };

  return (
    <section className="backup-restore" aria-labelledby={headingId} data-testid="backup-restore">
      <h3 id={headingId}>{t('backup.restoreTitle')}</h3>
      <p className="backup-intro">{t('backup.restoreHelp')}</p>
      {state.phase === 'busy' && (
        <p className="backup-busy" role="status" data-testid="backup-restoring">
          {/* The harvest's spinner (harvest.css, on the same screen). */}
          <span className="harvest-spinner" aria-hidden="true" />
          {t('backup.restoring')}
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="backup-failed" role="alert" data-testid="backup-restore-error">
          {t(state.key, state.params)}
        </p>
      )}
      {backups.length === 0 ? (
        <p className="backup-empty">{t('backup.noBackups')}</p>
      ) : (
        <div className="backup-table-wrap">
          <table className="backup-table" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">{t('backup.column.time')}</th>
                <th scope="col" className="backup-number">
                  {t('backup.column.size')}
                </th>
                <th scope="col" className="backup-number">
                  {t('backup.column.sessions')}
                </th>
                <th scope="col">{t('backup.column.where')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {backups.map((entry) => {
                const time = formatMoment(entry.at, locale, true);
                return (
                  <tr key={`${entry.folder}/${entry.name}`} data-name={entry.name}>
                    <td>{time}</td>
                    <td className="backup-number">{formatSize(entry.bytes, locale)}</td>
                    <td className="backup-number">{entry.sessions ?? '–'}</td>
                    <td>{t(`backup.where.${entry.folder}`)}</td>
                    <td className="backup-action">
                      <button
                        type="button"
                        className="button button-quiet"
                        aria-label={t('backup.restoreRow', { time })}
                        disabled={state.phase === 'busy'}
                        onClick={() => setState({ phase: 'confirm', entry })}
                      >
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {state.phase === 'confirm' && (
        <Dialog title={t('backup.confirmTitle')} onClose={() => setState({ phase: 'idle' })}>
          <p className="dialog-text">{t('backup.confirmText', { time: formatMoment(state.entry.at, locale) })}</p>
          <p className="dialog-text">{t('backup.confirmKept')}</p>
          <div className="dialog-buttons">
            <button type="button" className="button button-quiet" onClick={() => setState({ phase: 'idle' })}>
              {t('form.cancel')}
            </button>
            <button type="button" className="button button-danger-solid" onClick={() => void restore(state.entry)} data-testid="backup-confirm">
              {t('backup.confirmButton')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
