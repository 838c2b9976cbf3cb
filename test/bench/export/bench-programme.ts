import { performance } from 'node:perf_hooks';
import type { Engine } from '../../../electron/host/engine';
import { fillSession } from '../../integration/export/session-fixture';
import { info } from '../support/report';
import { median, summary } from '../support/stats';

/** What the export benches share: a programme of three target-sized sessions, and the timing. */

/** Timed runs per figure, after one warm-up. */
export const BENCH_RUNS = 7;

/** Times `work` BENCH_RUNS times after one warm-up run (which loads and converts the fonts once); the median. */
export async function measure(label: string, work: () => Promise<unknown> | unknown): Promise<number> {
  const cold = performance.now();
  await work();
  info(`${label}: first run ${(performance.now() - cold).toFixed(1)} ms (warm-up: fonts are loaded once per process)`);
  const samples: number[] = [];
  for (let i = 0; i < BENCH_RUNS; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  info(`${label}: ${summary(samples)}`);
  return median(samples);
}

/**
 * Programme "bench" with sessions s1–s3 the size of targets.md (300 notes, 30 attention points,
 * 16 participants), made by real commands through the engine. Returns the session ids.
 */
export function threeSessions(engine: Engine): string[] {
  engine.handle({ t: 'command', id: 'bench-programme', stream: 'workspace', command: { type: 'programme.create', id: 'bench', name: 'Benchmark' } }, { role: 'facilitator', participantId: null });
  const ids = ['s1', 's2', 's3'];
  ids.forEach((id, index) => {
    fillSession(engine, { id, notes: 300, points: 30, participants: 16, programmeId: 'bench', date: `2024-06-0${index + 2}`, title: `Sessie ${index + 1}` });
  });
  info('three sessions of 300 notes and 30 attention points ready');
  return ids;
}
