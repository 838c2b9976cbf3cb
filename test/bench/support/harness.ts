import { runExitActions } from './cleanup';
import { info, reportedNames } from './report';

/** What a file test/bench/<group>/<name>.bench.ts exports. */
export interface Benchmark {
  /** Every figure it prints, e.g. 'host.command_p99_ms'; the runner selects on these. */
  names: readonly string[];
  run(): Promise<void>;
}

/**
 * Runs one benchmark in this (child) process; the runner bundles a call to this with each file.
 * `--list` prints the names as JSON and runs nothing.
 */
export async function runBenchmark(bench: Partial<Benchmark>): Promise<never> {
  if (!Array.isArray(bench.names) || typeof bench.run !== 'function') {
    info('A benchmark must export `names: string[]` and `run(): Promise<void>`.');
    process.exit(1);
  }
  if (process.argv.includes('--list')) {
    process.stdout.write(`${JSON.stringify(bench.names)}\n`);
    process.exit(0);
  }
  // Only report() may write to stdout; stray logging must not look like a figure.
  console.log = console.error;
  console.info = console.error;
  process.on('exit', runExitActions);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

  try {
    await bench.run();
  } catch (error) {
    info(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  }
  const missing = bench.names.filter((name) => !reportedNames().has(name));
  if (missing.length > 0) info(`warning: declared but not reported: ${missing.join(', ')}`);
  // Exit now: a forgotten socket or timer must not keep the benchmark (and the runner) waiting.
  process.exit(0);
}
