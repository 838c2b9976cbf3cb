import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupFolderStatus, BackupStatus } from '../../../shared/backup';
import type { MessageKey, MessageParams } from '../../../shared/i18n/messages';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { backUpNow, chooseSecondFolder, fetchBackupStatus, type Outcome } from './backup-api';
import { formatMoment } from './format';
import { RestoreList } from './RestoreList';
import { SecondFolderForm } from './SecondFolderForm';

type Loaded = { phase: 'loading' } | { phase: 'failed'; reason: MessageKey } | { phase: 'loaded'; status: BackupStatus };
type Notice = { tone: 'done' | 'failed'; key: MessageKey; params?: MessageParams } | null;

/** One folder's state: the time of its last good backup, where it is, and what went wrong last. */
function FolderState({ title, folder, testId }: { title: string; folder: BackupFolderStatus; testId: string }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  return (
    <div className="backup-folder" data-testid={testId}>
      <h3>{title}</h3>
      <p className="backup-last" data-testid={`${testId}-last`}>
        {folder.lastGoodAt === null ? t('backup.noneYet') : t('backup.lastGood', { time: formatMoment(folder.lastGoodAt, locale) })}
      </p>
      <p className="backup-path">{t('backup.folder', { folder: folder.path })}</p>
      {folder.error && (
        <p className="backup-failed" role="alert" data-testid={`${testId}-error`}>
          {t(`backup.error.${folder.error.code}`, { folder: folder.path })}
        </p>
      )}
    </div>
  );
}

/** The backups panel: the settings (state, second folder, back up now) and the list to restore from. */
export function BackupPanel() {
  const t = useT();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [busy, setBusy] = useState<'now' | 'folder' | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const headingId = useId();

  const load = useCallback(async () => {
    const result = await fetchBackupStatus();
    setLoaded(result.ok ? { phase: 'loaded', status: result.value } : { phase: 'failed', reason: result.reason });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (kind: 'now' | 'folder', action: () => Promise<Outcome<BackupStatus>>, done: MessageKey) => {
    setBusy(kind);
    setNotice(null);
    const result = await action();
    setBusy(null);
    if (result.ok) {
      setLoaded({ phase: 'loaded', status: result.value });
      setNotice({ tone: 'done', key: done });
      return true;
    }
    setNotice({ tone: 'failed', key: result.reason, ...(result.params ? { params: result.params } : {}) });
    // A backup that failed in one folder still changed what the other shows.
    void load();
    return false;
  };

  if (loaded.phase === 'loading') return <p className="backup-busy">{t('backup.loading')}</p>;
  if (loaded.phase === 'failed') {
    return (
      <p className="backup-failed" role="alert">
        {t(loaded.reason)}
      </p>
    );
  }
  const { status } = loaded;
  return (
    <div className="backup" data-testid="backup-panel">
      <p className="backup-intro">{t('backup.intro')}</p>
      <section className="backup-settings" aria-labelledby={headingId}>
        <h3 id={headingId} className="visually-hidden">
          {t('backup.title')}
        </h3>
        <div className="backup-folders">
          <FolderState title={t('backup.localTitle')} folder={status.local} testId="backup-local" />
          {status.second ? (
            <FolderState title={t('backup.secondTitle')} folder={status.second} testId="backup-second" />
          ) : (
            <div className="backup-folder backup-folder-empty" data-testid="backup-second">
              <h3>{t('backup.secondTitle')}</h3>
              <p className="backup-last">{t('backup.secondNone')}</p>
              <p className="backup-path">{t('backup.secondHelp')}</p>
            </div>
          )}
        </div>
        <SecondFolderForm
          current={status.second?.path ?? null}
          busy={busy === 'folder'}
          onChoose={(folder) => run('folder', () => chooseSecondFolder(folder), folder === null ? 'backup.secondCleared' : 'backup.secondSaved')}
        />
        <div className="backup-now">
          <button type="button" className="button button-primary" disabled={busy !== null || status.running} onClick={() => void run('now', () => backUpNow(), 'backup.made')} data-testid="backup-now">
            {busy === 'now' ? t('backup.running') : t('backup.now')}
          </button>
          <div className="backup-notice" role="status" aria-live="polite" data-testid="backup-notice">
            {notice && (
              <p className={notice.tone === 'done' ? 'backup-done' : 'backup-failed'}>
                {notice.tone === 'done' && <span aria-hidden="true">✓ </span>}
                {t(notice.key, notice.params)}
              </p>
            )}
          </div>
        </div>
      </section>
      <RestoreList backups={status.backups} />
    </div>
  );
}
