import { performance } from 'node:perf_hooks';
import { type JobEvent, jobEvent } from '../../shared/jobs';

export interface TimedEvent {
  event: JobEvent;
  /** performance.now() when the line arrived. */
  at: number;
}

export interface RunningJob {
  /** Every event so far, in order, with its arrival time. */
  events: TimedEvent[];
  /** The HTTP status of the answer (200 once a job started; 4xx for a refused request). */
  status: Promise<number>;
  /** Resolves with the last event (`done`, `failed` or `cancelled`), or null when the stream just ended. */
  finished: Promise<JobEvent | null>;
  /** The first event that matches, as soon as it arrives. */
  next(match: (event: JobEvent) => boolean): Promise<TimedEvent>;
}

/**
 * Starts a job on the host (POST /api/jobs/export or /import) and reads its answer line by line
 * as the page does, checking every line against the shared schema.
 */
export function startJob(url: string, init: RequestInit, signal?: AbortSignal): RunningJob {
  const events: TimedEvent[] = [];
  const waiters: { match: (event: JobEvent) => boolean; resolve: (timed: TimedEvent) => void }[] = [];
  let setStatus: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => {
    setStatus = resolve;
  });
  const finished = (async (): Promise<JobEvent | null> => {
    const response = await fetch(url, { ...init, signal });
    setStatus(response.status);
    if (!response.ok || !response.body) return null;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) {
          const timed = { event: jobEvent.parse(JSON.parse(line)), at: performance.now() };
          events.push(timed);
          for (const waiter of waiters.filter((candidate) => candidate.match(timed.event))) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(timed);
          }
          if (['done', 'failed', 'cancelled'].includes(timed.event.t)) return timed.event;
        }
      }
    } catch (error) {
      if (!signal?.aborted) throw error;
    }
    return null;
  })();
  return {
    events,
    status,
    finished,
    next(match) {
      const seen = events.find((timed) => match(timed.event));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void finished.then(
          () => reject(new Error('the job ended before the awaited event')),
          (error: unknown) => reject(error),
        );
      });
    },
  };
}
