import { useCallback, useRef, useState } from 'react';
import type { MessageKey, MessageParams } from '../../../shared/i18n/messages';
import type { JobProgress } from '../../../shared/jobs';
import type { ExportFormat, ExportJob } from './harvest-api';
import { type JobStopper, useJobStopper } from './use-job-stopper';
import { saveExport } from './save-export';

/**
 * Where the last export stands. `busy` always ends, in `done`, `failed` or `stopped`: every call
 * below it returns instead of throwing, and the host's silence has a time limit (job-client.ts).
 */
export type ExportStatus =
  | { phase: 'idle' }
  /** `since`: when it started, so progress shows only for an export that takes a while. */
  | { phase: 'busy'; format: ExportFormat; since: number; progress: JobProgress | null }
  | { phase: 'done'; key: MessageKey; params: MessageParams }
  | { phase: 'failed'; key: MessageKey }
  | { phase: 'stopped' };

export interface ExportRunner {
  status: ExportStatus;
  /** True from the click until the end, the save dialog included: one export at a time. */
  working: boolean;
  start(job: ExportJob): Promise<void>;
  /** Stops the running export; the host throws away what it made. */
  stop(): void;
}

/** Runs one export at a time and keeps its status; held by the harvest button, so it outlives the panel. */
export function useExport(): ExportRunner {
  const [status, setStatus] = useState<ExportStatus>({ phase: 'idle' });
  const [working, setWorking] = useState(false);
  const running = useRef(false);
  const stopper: JobStopper = useJobStopper();

  const start = useCallback(
    async (job: ExportJob) => {
      if (running.current) return;
      running.current = true;
      setWorking(true);
      const { watcher, signal, done } = stopper.begin();
      try {
        const onBusy = () => setStatus({ phase: 'busy', format: job.format, since: Date.now(), progress: null });
        const onProgress = (progress: JobProgress) =>
          setStatus((current) => (current.phase === 'busy' ? { ...current, progress } : current));
        const result = await saveExport(job, onBusy, { ...watcher, onProgress }, signal);
        if (result.kind === 'saved') setStatus({ phase: 'done', key: 'harvest.saved', params: { path: result.path } });
        else if (result.kind === 'downloaded') setStatus({ phase: 'done', key: 'harvest.downloaded', params: { file: result.fileName } });
        else if (result.kind === 'failed') setStatus({ phase: 'failed', key: result.reason });
        else if (result.kind === 'stopped') setStatus({ phase: 'stopped' });
        else setStatus({ phase: 'idle' });
      } catch (error) {
        console.error(error);
        setStatus({ phase: 'failed', key: 'harvest.error.failed' });
      } finally {
        done();
        running.current = false;
        setWorking(false);
      }
    },
    [stopper],
  );

  return { status, working, start, stop: stopper.stop };
}
