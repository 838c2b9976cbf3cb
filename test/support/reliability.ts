/**
 * Sizes and reporting for the reliability checks (targets.md, "Reliability").
 * `npx vitest run` uses the reduced sizes so the suite stays fast; `EILAND_RELIABILITY=full`
 * (npm run reliability) uses the sizes of targets.md. One size can be forced with its own variable,
 * e.g. EILAND_CRASH_KILLS=200.
 */
export const FULL = process.env.EILAND_RELIABILITY === 'full';

export function size(variable: string, reduced: number, full: number): number {
  const forced = process.env[variable];
  if (forced !== undefined && forced !== '') {
    const value = Number(forced);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive integer, not ${forced}`);
    return value;
  }
  return FULL ? full : reduced;
}

/** One line per check, so a run's counts can be read (and pasted) as they are. */
export function report(line: string): void {
  console.log(`${line} [${FULL ? 'full' : 'reduced'}]`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a failing run can be repeated with EILAND_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seed(): number {
  const forced = process.env.EILAND_SEED;
  return forced ? Number(forced) : Math.floor(Math.random() * 2 ** 31);
}
