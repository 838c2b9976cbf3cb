import type { EventMessage } from '../../../shared/protocol';

export type EventVerdict = 'apply' | 'ignore' | 'gap';

/** A gap that is not answered within this time is asked for again. */
const RESYNC_RETRY_MS = 3000;

/**
 * Sequence bookkeeping for one subscribed stream. Sequence numbers increase by one per stream, so
 * the next event must follow on exactly from the last (last + 1, or its `fromSeq`): lower is a
 * duplicate (e.g. replayed after a resync), a jump means events were missed and the client must
 * resubscribe from the last one it applied.
 */
export class StreamTracker {
  /** The last sequence number applied; null until the first snapshot. */
  private lastSeq: number | null = null;
  private resyncSince: number | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  get seq(): number | null {
    return this.lastSeq;
  }

  snapshot(seq: number): void {
    this.lastSeq = seq;
    this.resyncSince = null;
  }

  judge(event: EventMessage): EventVerdict {
    if (this.lastSeq === null) return 'ignore';
    if (event.seq <= this.lastSeq) return 'ignore';
    // fromSeq: the host skipped events with nothing for this client; it follows on from fromSeq.
    if ((event.fromSeq ?? event.seq - 1) === this.lastSeq) {
      this.lastSeq = event.seq;
      this.resyncSince = null;
      return 'apply';
    }
    // While a resync is under way, later events are dropped: the host's answer covers them.
    if (this.resyncSince !== null && this.now() - this.resyncSince < RESYNC_RETRY_MS) return 'ignore';
    this.resyncSince = this.now();
    return 'gap';
  }

  /**
   * The end of a replay of missed events (ReplayedMessage): from `fromSeq`, the last event the host
   * sent, this client is now current at `seq`. Not at `fromSeq`: something was missed, resync.
   */
  replayed(fromSeq: number, seq: number): EventVerdict {
    if (this.lastSeq === null || seq <= this.lastSeq) return 'ignore';
    if (fromSeq === this.lastSeq) {
      this.lastSeq = seq;
      this.resyncSince = null;
      return 'apply';
    }
    if (this.resyncSince !== null && this.now() - this.resyncSince < RESYNC_RETRY_MS) return 'ignore';
    this.resyncSince = this.now();
    return 'gap';
  }

  /** After a reconnect, whatever resync was under way died with the old connection. */
  connectionLost(): void {
    this.resyncSince = null;
  }
}
