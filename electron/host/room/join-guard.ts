/**
 * Counts wrong join codes. Per address: after a few in a minute that address must wait. In all:
 * guessing from many addresses at once is not slowed by a per-address limit (300 phones-worth of
 * addresses try ~169,000 codes a minute), so past a cap per minute for all of them together every
 * open room gets a new code and the old guesses are worth nothing.
 */
export interface JoinGuardLimits {
  /** Wrong codes one address may try per minute. */
  failuresPerAddress: number;
  /** Wrong codes all addresses together may try per minute before the codes change. */
  failuresInAll: number;
}

/**
 * A room of 250 people mistypes a code now and then; 50 wrong codes in one minute is guessing.
 * With a 6-letter code of 32 letters (2^30 codes) that leaves a guesser 1 chance in 20 million.
 */
export const DEFAULT_JOIN_GUARD_LIMITS: JoinGuardLimits = { failuresPerAddress: 10, failuresInAll: 50 };

const WINDOW_MS = 60_000;

interface Window {
  count: number;
  start: number;
}

export class JoinGuard {
  private readonly perAddress = new Map<string, Window>();
  private inAll: Window;

  constructor(
    private readonly limits: JoinGuardLimits = DEFAULT_JOIN_GUARD_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.inAll = { count: 0, start: clock() };
  }

  /** Whether the address may try a code now. */
  allows(address: string): boolean {
    const entry = this.perAddress.get(address);
    return !entry || this.expired(entry) || entry.count < this.limits.failuresPerAddress;
  }

  /** Counts a wrong code; true when it was one too many for all addresses together (change the codes now). */
  failed(address: string): boolean {
    const now = this.clock();
    const entry = this.perAddress.get(address);
    if (!entry || this.expired(entry)) this.perAddress.set(address, { count: 1, start: now });
    else entry.count += 1;
    if (this.perAddress.size > 10_000) this.forgetExpired();
    if (this.expired(this.inAll)) this.inAll = { count: 0, start: now };
    this.inAll.count += 1;
    if (this.inAll.count < this.limits.failuresInAll) return false;
    // The codes change now: count afresh against the new ones.
    this.inAll = { count: 0, start: now };
    return true;
  }

  private expired(window: Window): boolean {
    return this.clock() - window.start > WINDOW_MS;
  }

  private forgetExpired(): void {
    for (const [address, entry] of this.perAddress) if (this.expired(entry)) this.perAddress.delete(address);
  }
}
