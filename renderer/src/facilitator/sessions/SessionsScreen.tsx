import { useMemo, useState } from 'react';
import type { SessionMeta } from '../../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../../shared/protocol';
import { groupByProgramme, listSessions } from '../../store/selectors';
import { useAppStore } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import { useCommand } from '../../ui/use-command';
import { AppBar } from '../AppBar';
import { navigate } from '../route';
import { BackupButton } from '../../backup/BackupButton';
import { ProgrammeHarvest, type SummaryRequest } from '../../harvest/ProgrammeHarvest';
import { ActionsButton } from '../../review/ActionsOverview';
import { NewSessionDialog } from './NewSessionDialog';
import { DeleteDialog, DuplicateDialog, RenameDialog } from './SessionDialogs';
import { ProgrammeGroups } from './ProgrammeGroups';
import { type RowAction, SessionRow } from './SessionRow';
import { Welcome } from './Welcome';

type OpenDialog = { kind: 'new' } | { kind: 'rename' | 'duplicate' | 'delete'; meta: SessionMeta } | null;

/** Screen 1, "Sessies": find a session, open it, or make a new one. */
export function SessionsScreen() {
  const t = useT();
  const workspace = useAppStore((state) => state.workspace);
  const showToast = useAppStore((state) => state.showToast);
  const run = useCommand();
  const [query, setQuery] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [summary, setSummary] = useState<SummaryRequest | null>(null);
  const { active, archived } = useMemo(() => listSessions(workspace, query), [workspace, query]);
  const total = Object.keys(workspace?.sessions ?? {}).length;
  const firstRun = workspace !== null && total === 0;

  const onAction = async (action: RowAction, meta: SessionMeta) => {
    if (action !== 'archive') return setDialog({ kind: action, meta });
    const ack = await run(WORKSPACE_STREAM, { type: 'session.archive', id: meta.id, archived: !meta.archived });
    if (ack) showToast({ tone: 'info', key: meta.archived ? 'toast.unarchived' : 'toast.archived', params: { title: meta.title } });
  };
  const newButton = (
    <button type="button" className="button button-primary button-large" onClick={() => setDialog({ kind: 'new' })}>
      <span aria-hidden="true">+ </span>
      {t('sessions.new')}
    </button>
  );

  return (
    <div className="page">
      <AppBar
        actions={
          <>
            <ProgrammeHarvest request={summary} onRequest={setSummary} />
            <ActionsButton />
            <BackupButton />
          </>
        }
      />
      <main className={firstRun ? 'sessions sessions-first' : 'sessions'}>
        {firstRun ? null : (
          <header className="sessions-head">
            <h1>{t('sessions.title')}</h1>
            <p className="lead">{t('sessions.intro')}</p>
          </header>
        )}
        {workspace === null ? (
          <p className="empty">{t('sessions.loading')}</p>
        ) : firstRun ? (
          <Welcome newButton={newButton} />
        ) : (
          <>
            <div className="sessions-tools">
              <label className="search">
                <span className="visually-hidden">{t('sessions.search')}</span>
                <input type="search" value={query} placeholder={t('sessions.searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} />
              </label>
              {newButton}
            </div>
            {active.length === 0 && query.trim() !== '' && <p className="empty">{t('sessions.noMatch', { query: query.trim() })}</p>}
            <ProgrammeGroups groups={groupByProgramme(workspace, active)} onAction={onAction} onSummary={(programmeId) => setSummary({ programmeId })} />
            {archived.length > 0 && (
              <section className="archive">
                <button type="button" className="button button-quiet" aria-expanded={showArchived} onClick={() => setShowArchived(!showArchived)}>
                  {showArchived ? t('sessions.hideArchived') : t('sessions.showArchived', { count: archived.length })}
                </button>
                {showArchived && (
                  <ul className="session-list session-list-archived">
                    {archived.map((meta) => (
                      <SessionRow key={meta.id} meta={meta} onAction={onAction} />
                    ))}
                  </ul>
                )}
              </section>
            )}
          </>
        )}
      </main>
      {dialog?.kind === 'new' && <NewSessionDialog onClose={() => setDialog(null)} onCreated={(id) => navigate({ screen: 'session', id })} />}
      {dialog?.kind === 'rename' && <RenameDialog meta={dialog.meta} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'duplicate' && <DuplicateDialog meta={dialog.meta} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteDialog meta={dialog.meta} onClose={() => setDialog(null)} />}
    </div>
  );
}
