import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/protocol';
import { Backoff } from '../../../renderer/src/client/backoff';
import { StreamTracker } from '../../../renderer/src/client/stream-tracker';

const event = (seq: number): EventMessage => ({ t: 'event', stream: 's', seq, commandId: `c${seq}`, type: 'x', changes: [] });

describe('StreamTracker', () => {
  it('ignores events until the first snapshot', () => {
    const tracker = new StreamTracker();
    expect(tracker.judge(event(1))).toBe('ignore');
    expect(tracker.seq).toBeNull();
  });

  it('applies the next event, ignores duplicates and reports a gap once while it is resolved', () => {
    let now = 0;
    const tracker = new StreamTracker(() => now);
    tracker.snapshot(4);
    expect(tracker.judge(event(5))).toBe('apply');
    expect(tracker.judge(event(5))).toBe('ignore');
    expect(tracker.judge(event(3))).toBe('ignore');
    expect(tracker.judge(event(7))).toBe('gap');
    expect(tracker.judge(event(8))).toBe('ignore');
    now = 5000;
    expect(tracker.judge(event(9))).toBe('gap');
    expect(tracker.judge(event(6))).toBe('apply');
    expect(tracker.seq).toBe(6);
  });

  it('applies an event that follows on from its fromSeq (the host skipped events with nothing visible)', () => {
    const tracker = new StreamTracker();
    tracker.snapshot(4);
    expect(tracker.judge({ ...event(9), fromSeq: 4 })).toBe('apply');
    expect(tracker.seq).toBe(9);
    expect(tracker.judge({ ...event(12), fromSeq: 10 })).toBe('gap');
    expect(tracker.seq).toBe(9);
  });

  it('is current after a replay that ends past events with nothing for it, and resyncs when it was not where the replay began', () => {
    const tracker = new StreamTracker(() => 0);
    tracker.snapshot(4);
    expect(tracker.judge(event(5))).toBe('apply');
    expect(tracker.replayed(5, 9)).toBe('apply');
    expect(tracker.seq).toBe(9);
    expect(tracker.judge(event(10))).toBe('apply');
    expect(tracker.replayed(10, 10)).toBe('ignore');
    expect(tracker.replayed(8, 12)).toBe('gap');
    expect(tracker.seq).toBe(10);
  });

  it('forgets a pending resync when the connection is lost', () => {
    const tracker = new StreamTracker(() => 0);
    tracker.snapshot(1);
    expect(tracker.judge(event(3))).toBe('gap');
    tracker.connectionLost();
    expect(tracker.judge(event(3))).toBe('gap');
  });
});

describe('Backoff', () => {
  it('doubles up to the cap and starts over after a reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 500 }, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([100, 200, 400, 500]);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('jitters between three quarters and the full delay', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 500 }, () => 0);
    expect(backoff.next()).toBe(75);
  });
});
