/**
 * The host's last line: an exception or rejection nobody caught. It is not the fix — every request,
 * socket and handler catches its own (http/, connection.ts) — but if one still slips through, a room
 * full of people should not lose their session for it when going on is safe:
 *
 * - safe: no SQLite transaction is open. Every command is validated, written and committed in one
 *   synchronous step, so between steps what is in memory is what is on disk.
 * - not safe: a transaction is open (memory may be ahead of disk), or errors keep coming (a loop
 *   that would only fill the log). Then the host exits, and the shell says so; nothing acknowledged is lost.
 */
export interface LastResortOptions {
  /** Whether going on is safe now (no transaction open). */
  safe(): boolean;
  log?: (message: string, error: unknown) => void;
  exit?: (code: number) => void;
  /** More than this many in a minute is a loop, not a stray error. */
  perMinute?: number;
  clock?: () => number;
}

export function installLastResort(options: LastResortOptions): () => void {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const exit = options.exit ?? ((code) => process.exit(code));
  const clock = options.clock ?? Date.now;
  const perMinute = options.perMinute ?? 20;
  let recent: number[] = [];
  const handler = (kind: string) => (error: unknown) => {
    const now = clock();
    recent = [...recent.filter((at) => now - at < 60_000), now];
    let safe = false;
    try {
      safe = options.safe();
    } catch {
      safe = false;
    }
    if (safe && recent.length <= perMinute) {
      log(`Eiland host: ${kind} caught at the last resort; the session goes on`, error);
      return;
    }
    log(`Eiland host: ${kind} caught at the last resort; stopping, since going on is not safe`, error);
    exit(70);
  };
  const onException = handler('uncaught exception');
  const onRejection = handler('unhandled rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
