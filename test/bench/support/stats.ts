/** Nearest-rank percentile (p in 0..100): the value below which p% of the samples fall. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** A one-line summary for stderr, e.g. "n=5000 p50=0.61 p90=0.80 p99=1.42 max=6.10 ms". */
export function summary(samples: readonly number[], unit = 'ms'): string {
  const f = (v: number) => v.toFixed(2);
  return `n=${samples.length} p50=${f(percentile(samples, 50))} p90=${f(percentile(samples, 90))} p99=${f(percentile(samples, 99))} max=${f(Math.max(...samples))} ${unit}`;
}
