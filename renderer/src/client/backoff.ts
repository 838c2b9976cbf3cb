export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5000 };

/**
 * Reconnect delays that double up to a cap, with jitter so that many phones losing the same
 * wifi do not all knock on the host in the same millisecond.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions = DEFAULT_BACKOFF,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.options.maxMs, this.options.initialMs * 2 ** this.attempt);
    this.attempt += 1;
    // Between 75% and 100% of the base: never longer than the cap, never a thundering herd.
    return Math.round(base * (0.75 + 0.25 * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }
}
