import { describe, expect, it } from 'vitest';
import { advanceVector, canonicalVector, deviceOf, dominates, HybridClock, isRevision, joinVectors, makeRevision, newDeviceId } from '../../../../shared/records/revision';

const A = 'daaaaaaa';
const B = 'dbbbbbbb';

describe('revisions: a hybrid logical clock per device', () => {
  it('stamps that only ever grow, also when the wall clock stands still or goes back', () => {
    const clock = new HybridClock(A);
    const stamps = [clock.next(1000), clock.next(1000), clock.next(999), clock.next(1001)];
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
    expect(stamps.every(isRevision)).toBe(true);
    expect(deviceOf(stamps[0] as string)).toBe(A);
  });

  it('a change made after seeing another device’s stamp sorts after it, even with a slower clock', () => {
    const fast = new HybridClock(A);
    const seen = fast.next(5_000_000);
    const slow = new HybridClock(B);
    slow.observe(seen);
    expect(slow.next(1_000) > seen).toBe(true);
  });

  it('two devices never make the same stamp at the same moment', () => {
    expect(new HybridClock(A).next(42)).not.toBe(new HybridClock(B).next(42));
  });

  it('carries the millisecond over when ten thousand changes fall in one', () => {
    const clock = new HybridClock(A);
    let last = clock.next(7);
    for (let i = 0; i < 10_050; i++) {
      const next = clock.next(7);
      expect(next > last).toBe(true);
      last = next;
    }
  });

  it('refuses a device id that is not one', () => {
    expect(() => new HybridClock('Robert; DROP')).toThrow(/device id/);
    expect(newDeviceId(() => 0.5)).toMatch(/^d[a-z0-9]{15}$/);
    expect(isRevision('gisteren')).toBe(false);
    expect(isRevision(makeRevision(1, 2, A))).toBe(true);
  });
});

describe('version vectors', () => {
  const a1 = makeRevision(10, 0, A);
  const a2 = makeRevision(20, 0, A);
  const b1 = makeRevision(15, 0, B);

  it('tell whether one copy has seen the other', () => {
    expect(dominates({ [A]: a2 }, { [A]: a1 })).toBe(true);
    expect(dominates({ [A]: a1 }, { [A]: a2 })).toBe(false);
    expect(dominates({ [A]: a2 }, {})).toBe(true);
    expect(dominates({ [A]: a2 }, { [B]: b1 })).toBe(false);
    expect(dominates({ [A]: a1, [B]: b1 }, { [B]: b1 })).toBe(true);
  });

  it('join to the newest of each device, in one order of devices whatever the input order', () => {
    expect(joinVectors({ [B]: b1, [A]: a1 }, { [A]: a2 })).toEqual({ [A]: a2, [B]: b1 });
    expect(JSON.stringify(joinVectors({ [B]: b1 }, { [A]: a1 }))).toBe(JSON.stringify(canonicalVector({ [A]: a1, [B]: b1 })));
    expect(advanceVector({ [B]: b1 }, a2)).toEqual({ [A]: a2, [B]: b1 });
  });
});
