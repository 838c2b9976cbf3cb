import { describe, expect, it } from 'vitest';
import type { Timer } from '../../../../shared/domain';
import { formatClock, justEnded, timeLeft, timerStatus } from '../../../../renderer/src/session-flow/timer';

const START = 1_750_000_000_000;
const running = (remainingMs: number): Timer => ({ durationMs: 300_000, startedAt: START, remainingMs });

describe('the timer', () => {
  it('counts down from when it was started, in host time', () => {
    expect(timeLeft(running(300_000), START + 61_000)).toBe(239_000);
    expect(timeLeft(running(300_000), START + 400_000)).toBe(0);
  });

  it('never shows more than was left when a screen’s clock lags behind the start', () => {
    expect(timeLeft(running(300_000), START - 2000)).toBe(300_000);
  });

  it('stands still while paused', () => {
    expect(timeLeft({ durationMs: 300_000, startedAt: null, remainingMs: 120_000 }, START + 999_999)).toBe(120_000);
  });

  it('says m:ss, rounding up so 0:00 means the time is over', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(500)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('knows whether it is off, ready, running, paused or done', () => {
    expect(timerStatus({ durationMs: 0, startedAt: null, remainingMs: 0 }, START)).toBe('off');
    expect(timerStatus({ durationMs: 300_000, startedAt: null, remainingMs: 300_000 }, START)).toBe('ready');
    expect(timerStatus(running(300_000), START + 1000)).toBe('running');
    expect(timerStatus({ durationMs: 300_000, startedAt: null, remainingMs: 100_000 }, START)).toBe('paused');
    expect(timerStatus(running(300_000), START + 300_000)).toBe('done');
  });

  it('chimes once, at the moment it runs out, and not for a timer that ran out long ago', () => {
    const timer = running(10_000);
    expect(justEnded(timer, START + 9_000, START + 9_800)).toBe(false);
    expect(justEnded(timer, START + 9_800, START + 10_100)).toBe(true);
    expect(justEnded(timer, START + 10_100, START + 10_400)).toBe(false);
    expect(justEnded(timer, START, START + 60_000)).toBe(false);
    expect(justEnded({ ...timer, startedAt: null }, START, START + 10_100)).toBe(false);
  });
});
