import { useId, useRef, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { ImportedConflict, ImportedSession, ImportReport } from '../../../shared/import-report';
import type { JobProgress } from '../../../shared/jobs';
import { routeHash } from '../facilitator/route';
import { useT } from '../ui/i18n';
import { runImportJob } from './job-client';
import { JobProgressLine } from './JobProgressLine';
import { useJobStopper } from './use-job-stopper';

type ImportState =
  | { phase: 'idle' }
  | { phase: 'busy'; since: number; progress: JobProgress | null }
  | { phase: 'done'; report: ImportReport }
  | { phase: 'failed'; key: MessageKey; detail?: string }
  | { phase: 'stopped' };

/**
 * Reading in an archive made on another laptop. The host reads and checks the file in its export
 * worker before it changes anything (a big one shows how far it is, and can be stopped until it
 * is taken in), then merges it record by record; afterwards this says, per session, what was
 * added, changed and deleted, and shows every text that two laptops changed, so nothing is lost unseen.
 */
export function ImportArchive() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const stopper = useJobStopper();
  const headingId = useId();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ phase: 'busy', since: Date.now(), progress: null });
    const { watcher, signal, done } = stopper.begin();
    const onProgress = (progress: JobProgress) => setState((current) => (current.phase === 'busy' ? { ...current, progress } : current));
    const result = await runImportJob(file, { ...watcher, onProgress }, signal);
    done();
    if (result.kind === 'done') setState({ phase: 'done', report: result.value });
    else if (result.kind === 'failed') setState({ phase: 'failed', key: result.reason, ...(result.detail ? { detail: result.detail } : {}) });
    else setState({ phase: 'stopped' });
    // The same file may be chosen again (importing twice does no harm).
    if (input.current) input.current.value = '';
  };
  const count = (sessions: readonly ImportedSession[], outcome: ImportedSession['outcome']) => sessions.filter((session) => session.outcome === outcome).length;

  return (
    <section className="harvest-section" aria-labelledby={headingId} data-testid="harvest-import">
      <h3 id={headingId}>{t('harvest.import')}</h3>
      <p className="harvest-note">{t('harvest.importIntro')}</p>
      <input
        ref={input}
        type="file"
        hidden
        accept=".sqlite,.eiland,.db,application/vnd.sqlite3"
        data-testid="import-file"
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      <button type="button" className="button button-quiet" disabled={state.phase === 'busy'} onClick={() => input.current?.click()} data-testid="import-choose">
        {t('harvest.importChoose')}
      </button>
      <div className="harvest-status" role="status" aria-live="polite" data-testid="import-status" data-phase={state.phase}>
        {state.phase === 'busy' && <JobProgressLine busy="harvest.importBusy" since={state.since} progress={state.progress} onStop={stopper.stop} />}
        {state.phase === 'stopped' && <p className="harvest-stopped">{t('harvest.importStopped')}</p>}
        {state.phase === 'failed' && (
          <p className="harvest-failed" role="alert">
            {t(state.key)}
            {state.detail && <span className="harvest-detail"> {state.detail}</span>}
          </p>
        )}
        {state.phase === 'done' && (
          <>
            <p className="harvest-done">
              <span aria-hidden="true">✓ </span>
              {t('harvest.importDone')}{' '}
              {t('archive.opened', {
                created: count(state.report.sessions, 'created'),
                merged: count(state.report.sessions, 'merged'),
                unchanged: count(state.report.sessions, 'unchanged'),
              })}
              {count(state.report.sessions, 'deleted') > 0 && ` ${t('archive.deletedCount', { count: count(state.report.sessions, 'deleted') })}`}
            </p>
            <ul className="harvest-imported">
              {state.report.sessions.map((session) => (
                <li key={session.id} data-outcome={session.outcome}>
                  {session.outcome === 'deleted' || session.outcome === 'stays_deleted' ? session.title : <a href={routeHash({ screen: 'session', id: session.id })}>{session.title}</a>}
                  <span className="harvest-outcome">
                    {t(`archive.outcome.${session.outcome}`)}
                    {session.outcome === 'merged' && `: ${t('harvest.importCounts', { added: session.added, updated: session.updated, deleted: session.deleted })}`}
                  </span>
                </li>
              ))}
            </ul>
            {state.report.conflicts.length > 0 && <ImportConflicts conflicts={state.report.conflicts} sessions={state.report.sessions} />}
          </>
        )}
      </div>
    </section>
  );
}

const RECORD_WORDS: Record<string, MessageKey> = {
  notes: 'harvest.conflictNote',
  attentionPoints: 'harvest.conflictPoint',
  clusters: 'harvest.conflictCluster',
  ingredients: 'harvest.conflictIngredient',
  otherPoints: 'harvest.conflictOther',
  observations: 'harvest.conflictObservation',
};

/** Texts two laptops changed at the same time: the newer one is shown, the other is kept here to see. */
function ImportConflicts({ conflicts, sessions }: { conflicts: readonly ImportedConflict[]; sessions: readonly ImportedSession[] }) {
  const t = useT();
  const titleOf = (id: string) => sessions.find((session) => session.id === id)?.title ?? id;
  return (
    <div className="harvest-conflicts" data-testid="import-conflicts">
      <p className="harvest-note">{t('harvest.conflictsIntro', { count: conflicts.length })}</p>
      <ul>
        {conflicts.map((conflict) => (
          <li key={`${conflict.sessionId}/${conflict.key}/${conflict.id}`} data-testid="import-conflict">
            <strong>{t(RECORD_WORDS[conflict.key] ?? 'harvest.conflictNote')}</strong> ({titleOf(conflict.sessionId)}): {t('harvest.conflictShown')} “{conflict.shown}”.{' '}
            {t('harvest.conflictAlso')} {conflict.others.map((other) => `“${other}”`).join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
