import { useCallback, useRef, useState } from 'react';
import type { MessageKey, MessageParams } from '../../../shared/i18n/messages';
import type { ExportFormat, ExportJob } from './harvest-api';
import { saveExport } from './save-export';

/**
 * Where the last export stands. `busy` always ends, in `done` or `failed`: every call below it
 * returns instead of throwing, and every wait on the host has a time limit.
 */
export type ExportStatus =
  | { phase: 'idle' }
  | { phase: 'busy'; format: ExportFormat }
  | { phase: 'done'; key: MessageKey; params: MessageParams }
  | { phase: 'failed'; key: MessageKey };

export interface ExportRunner {
  status: ExportStatus;
  /** True from the click until the end, the save dialog included: one export at a time. */
  working: boolean;
  start(job: ExportJob): Promise<void>;
}

/** Runs one export at a time and keeps its status; held by the harvest button, so it outlives the panel. */
export function useExport(): ExportRunner {
  const [status, setStatus] = useState<ExportStatus>({ phase: 'idle' });
  const [working, setWorking] = useState(false);
  const running = useRef(false);

  const start = useCallback(async (job: ExportJob) => {
    if (running.current) return;
    running.current = true;
    setWorking(true);
    try {
      const result = await saveExport(job, () => setStatus({ phase: 'busy', format: job.format }));
      if (result.kind === 'saved') setStatus({ phase: 'done', key: 'harvest.saved', params: { path: result.path } });
      else if (result.kind === 'downloaded') setStatus({ phase: 'done', key: 'harvest.downloaded', params: { file: result.fileName } });
      else if (result.kind === 'failed') setStatus({ phase: 'failed', key: result.reason });
      else setStatus({ phase: 'idle' });
    } catch (error) {
      console.error(error);
      setStatus({ phase: 'failed', key: 'harvest.error.failed' });
    } finally {
      running.current = false;
      setWorking(false);
    }
  }, []);

  return { status, working, start };
}
