import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/messages';
import { type JobProgress, PROGRESS_AFTER_MS } from '../../../shared/jobs';
import { useT } from '../ui/i18n';

/** True once `since` is `delay` ms ago; re-renders then by itself. */
function useAfter(since: number, delay: number): boolean {
  const [passed, setPassed] = useState(() => Date.now() - since >= delay);
  useEffect(() => {
    const left = delay - (Date.now() - since);
    if (left <= 0) {
      setPassed(true);
      return;
    }
    setPassed(false);
    const timer = setTimeout(() => setPassed(true), left);
    return () => clearTimeout(timer);
  }, [since, delay]);
  return passed;
}

interface JobProgressLineProps {
  /** What the line says before there is more to tell, e.g. "Bezig met exporteren…". */
  busy: MessageKey;
  since: number;
  progress: JobProgress | null;
  onStop(): void;
}

/**
 * A running export or import. A quick one shows only the busy line; one that takes longer than a
 * second also shows where it is (the host's stage, a bar when it can count) and a button to stop it.
 */
export function JobProgressLine({ busy, since, progress, onStop }: JobProgressLineProps) {
  const t = useT();
  const long = useAfter(since, PROGRESS_AFTER_MS);
  if (!long) {
    return (
      <p className="harvest-busy">
        <span className="harvest-spinner" aria-hidden="true" />
        {t(busy)}
      </p>
    );
  }
  const stage = t(`harvest.stage.${progress?.stage ?? 'preparing'}`);
  const percent = progress && progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : null;
  return (
    <div className="harvest-progress" data-testid="job-progress" data-stage={progress?.stage ?? 'preparing'}>
      <p className="harvest-busy">
        <span className="harvest-spinner" aria-hidden="true" />
        <span>{stage}</span>
        {/* Not read out at every step: the bar below carries the value for screen readers. */}
        {percent !== null && (
          <span className="harvest-percent" aria-hidden="true">
            {t('harvest.percent', { percent })}
          </span>
        )}
      </p>
      <div className="harvest-progress-row">
        {/* Without a count the bar moves on its own: the job is alive, how far is unknown. */}
        <progress max={100} value={percent ?? undefined} aria-label={stage} />
        <button type="button" className="button button-quiet" onClick={onStop} data-testid="job-stop">
          {t('harvest.stop')}
        </button>
      </div>
    </div>
  );
}
