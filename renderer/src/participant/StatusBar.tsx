import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { useParticipant, useT } from './context';
import { formatClock, timeLeft } from './derive';

/**
 * Connection, what is still waiting on the phone, and the timer: always in view at the top. When the
 * room was closed (and this phone's token with it), joining again is one tap from here.
 */
export function StatusBar({ onRejoin }: { onRejoin(): void }) {
  const t = useT();
  const { connection, waiting, roomClosed } = useParticipant(
    useShallow((state) => ({ connection: state.connection, waiting: state.queue.length, roomClosed: state.roomClosed })),
  );
  const title = useParticipant((state) => state.session?.meta.title ?? '');
  const shown = roomClosed && connection !== 'online' ? 'closed' : connection;
  return (
    <header className="phone-bar">
      <div className="phone-bar-row">
        <strong className="phone-bar-title">{title || t('app.name')}</strong>
        <Timer />
      </div>
      <div className={`connection connection-${connection}`} role="status" data-state={shown} data-testid="connection">
        <span className="connection-dot" aria-hidden="true" />
        <span>{shown === 'closed' ? t('participant.roomClosed') : t(`connection.${connection}`)}</span>
        {waiting > 0 && (
          <span className="connection-pending" data-testid="pending">
            {t('connection.pending', { count: waiting })}
          </span>
        )}
      </div>
      {roomClosed && (
        <button type="button" className="button button-primary phone-rejoin" data-testid="rejoin" onClick={onRejoin}>
          {t('participant.joinAgain')}
        </button>
      )}
    </header>
  );
}

function Timer() {
  const t = useT();
  const timer = useParticipant((state) => state.session?.timer);
  const offset = useParticipant((state) => state.clockOffset);
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.startedAt != null;
  useEffect(() => {
    if (!running) return;
    const interval = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(interval);
  }, [running]);
  if (!timer || timer.durationMs === 0) return null;
  const left = timeLeft(timer, now + offset);
  const label = left === 0 ? t('participant.timerDone') : running ? t('participant.timerLeft') : t('participant.timerPaused');
  return (
    <span className={`phone-timer${left === 0 ? ' phone-timer-done' : ''}`} role="timer" aria-label={`${label} ${formatClock(left)}`}>
      {formatClock(left)}
      {!running && left > 0 && <span className="phone-timer-note"> · {t('participant.timerPaused')}</span>}
    </span>
  );
}
