import type { CommandOf, FieldsOf } from '../../../../shared/commands/index';
import { useState } from 'react';
import type { Id, Timer } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { playChime, prepareChime } from '../chime';
import { BellIcon, PlayPauseIcon } from '../icons';
import { formatClock, TIMER_PRESETS_MIN } from '../timer';
import { useTimer } from '../use-host-time';

const SOUND_KEY = 'eiland.timerSound';
const MINUTE = 60_000;

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

/**
 * The facilitator's timer: set, start, pause, one minute more, and a soft chime at the end. Only
 * this window sounds it (the projector usually shares the laptop's speakers); the projector and
 * the phones show the same time and a calm pulse.
 */
export function TimerControls({ sessionId, timer, readOnly, run }: { sessionId: Id; timer: Timer; readOnly: boolean; run: RunCommand }) {
  const t = useT();
  const [sound, setSound] = useState(readSound);
  const { left, status } = useTimer(timer, () => {
    if (sound) playChime();
  });
  const control = (command: FieldsOf<'timer.control'>) => {
    prepareChime();
    void run(sessionId, { type: 'timer.control', ...command } as CommandOf<'timer.control'>);
  };
  const toggleSound = () => {
    const next = !sound;
    setSound(next);
    if (next) prepareChime();
    try {
      localStorage.setItem(SOUND_KEY, next ? 'on' : 'off');
    } catch {
      // kept for this window only
    }
  };
  const running = status === 'running';
  return (
    <div className="timer-controls" data-testid="timer" data-status={status}>
      <span className={`timer-face timer-${status}`} role="timer" aria-label={t('flow.timerLeft', { time: formatClock(left) })} data-testid="timer-face">
        {status === 'off' ? '–:––' : formatClock(left)}
      </span>
      <button
        type="button"
        className="button button-quiet timer-button"
        title={running ? t('flow.timerPause') : t('flow.timerStart')}
        disabled={readOnly || status === 'off' || status === 'done'}
        onClick={() => control({ action: running ? 'pause' : 'start' })}
        data-testid="timer-toggle"
      >
        <PlayPauseIcon pause={running} />
        <span className="visually-hidden">{running ? t('flow.timerPause') : t('flow.timerStart')}</span>
      </button>
      <button
        type="button"
        className="button button-quiet timer-button"
        disabled={readOnly || status === 'off'}
        onClick={() => control({ action: 'addMinute' })}
        title={t('flow.timerAddHint')}
        data-testid="timer-add"
      >
        {t('flow.timerAdd')}
      </button>
      <label className="timer-set">
        <span className="visually-hidden">{t('flow.timerSet')}</span>
        <select
          value=""
          disabled={readOnly}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'reset') control({ action: 'reset' });
            else if (value === 'off') control({ action: 'set', durationMs: 0 });
            else if (value !== '') control({ action: 'set', durationMs: Number(value) * MINUTE });
          }}
          data-testid="timer-set"
        >
          <option value="">{t('flow.timerSet')}</option>
          {TIMER_PRESETS_MIN.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('flow.timerMinutes', { count: minutes })}
            </option>
          ))}
          {status !== 'off' && <option value="reset">{t('flow.timerReset')}</option>}
          {status !== 'off' && <option value="off">{t('flow.timerOff')}</option>}
        </select>
      </label>
      <button
        type="button"
        className="button button-quiet timer-sound"
        aria-pressed={sound}
        onClick={toggleSound}
        title={sound ? t('flow.soundOn') : t('flow.soundOff')}
      >
        <BellIcon off={!sound} />
        <span className="visually-hidden">{t('flow.sound')}</span>
      </button>
    </div>
  );
}
