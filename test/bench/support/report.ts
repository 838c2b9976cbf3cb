/**
 * The one place that writes to standard output: one JSON line per figure (see
 * /work/shared/brief/targets.md, "The benchmark contract"). Everything else goes to stderr.
 */
const reported = new Set<string>();

export type Unit = 'ms' | 'MB' | 'ratio';

export function report(name: string, value: number, unit: Unit, baseline?: number): void {
  if (!Number.isFinite(value)) throw new Error(`${name}: not a number (${value})`);
  const figure: Record<string, unknown> = { name, value: round(value), unit };
  if (baseline !== undefined) figure.baseline = round(baseline);
  process.stdout.write(`${JSON.stringify(figure)}\n`);
  reported.add(name);
}

export function reportedNames(): ReadonlySet<string> {
  return reported;
}

/** Progress and detail for people; never on stdout. */
export function info(message: string): void {
  process.stderr.write(`${message}\n`);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
