import { useCallback, useMemo, useRef } from 'react';
import type { JobWatcher } from './job-client';
import { stopJob } from './job-client';

export interface JobStopper {
  /** For one job: the watcher that learns its id, the signal that drops it, and the end. */
  begin(): { watcher: JobWatcher; signal: AbortSignal; done(): void };
  /** Stops the running job, if any. */
  stop(): void;
}

/**
 * Stopping a job from the page. Once the host has named the job, it is asked to stop it (DELETE),
 * and its answer ends in "stopped"; before that, or when the host cannot be asked, the request
 * itself is dropped, which the host takes as a stop too.
 */
export function useJobStopper(): JobStopper {
  const current = useRef<{ jobId: string | null; controller: AbortController } | null>(null);

  const begin = useCallback(() => {
    const entry = { jobId: null as string | null, controller: new AbortController() };
    current.current = entry;
    return {
      watcher: {
        onStarted: (jobId: string) => {
          entry.jobId = jobId;
        },
      },
      signal: entry.controller.signal,
      done: () => {
        if (current.current === entry) current.current = null;
      },
    };
  }, []);

  const stop = useCallback(() => {
    const entry = current.current;
    if (!entry) return;
    if (entry.jobId === null) {
      entry.controller.abort();
      return;
    }
    void stopJob(entry.jobId).then((stopped) => {
      if (!stopped) entry.controller.abort();
    });
  }, []);

  return useMemo(() => ({ begin, stop }), [begin, stop]);
}
