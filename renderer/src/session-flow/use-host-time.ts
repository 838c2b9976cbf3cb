import { useEffect, useRef, useState } from 'react';
import type { Timer } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { justEnded, timeLeft, timerStatus } from './timer';

/** The host's time, ticking while `active`, from this window's clock and its offset to the host. */
export function useHostNow(active: boolean, intervalMs = 250): number {
  const offset = useAppStore((state) => state.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!active) return;
    const interval = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(interval);
  }, [active, intervalMs]);
  return now + offset;
}

/** Time left on the session's timer, its status, and a callback for the moment it runs out. */
export function useTimer(timer: Timer | undefined, onEnd?: () => void) {
  const running = timer?.startedAt != null;
  const now = useHostNow(running);
  const previous = useRef(now);
  const ended = useRef(onEnd);
  ended.current = onEnd;
  useEffect(() => {
    if (timer && justEnded(timer, previous.current, now)) ended.current?.();
    previous.current = now;
  }, [timer, now]);
  if (!timer) return { left: 0, status: 'off' as const };
  return { left: timeLeft(timer, now), status: timerStatus(timer, now) };
}
