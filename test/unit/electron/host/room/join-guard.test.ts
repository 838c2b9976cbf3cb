import { describe, expect, it } from 'vitest';
import { JoinGuard } from '../../../../../electron/host/room/join-guard';

describe('JoinGuard: wrong join codes, per address and in all', () => {
  it('stops an address after its wrong codes for the rest of the minute', () => {
    let now = 0;
    const guard = new JoinGuard({ failuresPerAddress: 3, failuresInAll: 100 }, () => now);
    for (let i = 0; i < 3; i += 1) {
      expect(guard.allows('10.0.0.1')).toBe(true);
      guard.failed('10.0.0.1');
    }
    expect(guard.allows('10.0.0.1')).toBe(false);
    expect(guard.allows('10.0.0.2')).toBe(true);
    now = 60_001;
    expect(guard.allows('10.0.0.1')).toBe(true);
  });

  it('says when all addresses together reached their cap in a minute, then counts afresh', () => {
    let now = 0;
    const guard = new JoinGuard({ failuresPerAddress: 3, failuresInAll: 5 }, () => now);
    const verdicts = Array.from({ length: 5 }, (_, i) => guard.failed(`10.0.0.${i}`));
    expect(verdicts).toEqual([false, false, false, false, true]);
    expect(guard.failed('10.0.0.9')).toBe(false);
    // Slow guessing never adds up: a minute later the count starts again.
    now = 61_000;
    expect(Array.from({ length: 4 }, (_, i) => guard.failed(`10.0.1.${i}`))).toEqual([false, false, false, false]);
  });
});
