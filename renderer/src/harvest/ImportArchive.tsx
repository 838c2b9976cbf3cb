import { useId, useRef, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { JobProgress } from '../../../shared/jobs';
import { routeHash } from '../facilitator/route';
import { useT } from '../ui/i18n';
import type { ImportedSession } from './harvest-api';
import { runImportJob } from './job-client';
import { JobProgressLine } from './JobProgressLine';
import { useJobStopper } from './use-job-stopper';

type ImportState =
  | { phase: 'idle' }
  | { phase: 'busy'; since: number; progress: JobProgress | null }
  | { phase: 'done'; sessions: ImportedSession[] }
  | { phase: 'failed'; key: MessageKey }
  | { phase: 'stopped' };

/**
 * Reading in an archive made on another laptop. The host checks the file before it changes
 * anything (a big one shows how far it is, and can be stopped until it is taken in); afterwards
 * this says, per session, whether it is new, was added to, or was here already.
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
    if (result.kind === 'done') setState({ phase: 'done', sessions: result.value.sessions });
    else if (result.kind === 'failed') setState({ phase: 'failed', key: result.reason });
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
          </p>
        )}
        {state.phase === 'done' && (
          <>
            <p className="harvest-done">
              <span aria-hidden="true">✓ </span>
              {t('harvest.importDone')}{' '}
              {t('archive.opened', { created: count(state.sessions, 'created'), merged: count(state.sessions, 'merged'), unchanged: count(state.sessions, 'unchanged') })}
            </p>
            <ul className="harvest-imported">
              {state.sessions.map((session) => (
                <li key={session.id} data-outcome={session.outcome}>
                  <a href={routeHash({ screen: 'session', id: session.id })}>{session.title}</a>
                  <span className="harvest-outcome">
                    {t(`archive.outcome.${session.outcome}`)}
                    {session.outcome === 'merged' && `, ${t('harvest.importAdded', { count: session.added })}`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
