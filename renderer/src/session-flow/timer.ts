import type { Timer } from '../../../shared/domain';

/**
 * The timer is stored as "remaining when last set or paused" plus "started at" in host time, so
 * every screen computes the same time left from its own clock and its offset to the host's.
 */
export function timeLeft(timer: Timer, hostNow: number): number {
  if (timer.startedAt === null) return timer.remainingMs;
  // A clock that has not ticked since the start must not show more than was left.
  return Math.min(timer.remainingMs, Math.max(0, timer.remainingMs - (hostNow - timer.startedAt)));
}

/** m:ss, rounded up, so "0:00" shows only when the time is really over. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export type TimerStatus = 'off' | 'ready' | 'running' | 'paused' | 'done';

export function timerStatus(timer: Timer, hostNow: number): TimerStatus {
  if (timer.durationMs === 0 && timer.remainingMs === 0 && timer.startedAt === null) return 'off';
  const left = timeLeft(timer, hostNow);
  if (left === 0) return 'done';
  if (timer.startedAt !== null) return 'running';
  return left === timer.durationMs ? 'ready' : 'paused';
}

/**
 * Whether the end of the timer should sound now: it ran out between the previous look and this
 * one, and recently. Opening a window long after the end never chimes.
 */
export function justEnded(timer: Timer, previousNow: number, hostNow: number, graceMs = 5000): boolean {
  if (timer.startedAt === null) return false;
  const end = timer.startedAt + timer.remainingMs;
  return end > previousNow && end <= hostNow && hostNow - end <= graceMs;
}

export const TIMER_PRESETS_MIN = [3, 5, 10, 15, 20] as const;
