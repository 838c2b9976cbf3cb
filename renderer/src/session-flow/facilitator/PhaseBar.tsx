import type { Id, SessionState } from '../../../../shared/domain';
import { useStoreApi } from '../../ui/app-context';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { usePhaseKeys } from '../keys';
import { phaseLabel } from '../labels';
import { currentPhase, neighbourPhase, phaseNumber } from '../phases';
import { TimerControls } from './TimerControls';

interface PhaseBarProps {
  sessionId: Id;
  session: SessionState;
  readOnly: boolean;
  run: RunCommand;
  onPhases(): void;
  onSetup(): void;
}

/**
 * Where the session is, and the way on: previous and next (PageUp / PageDown, the keys of a
 * presenter's clicker), a jump to any phase, the timer, and the phases and settings dialogs.
 * Going back only moves the session: nothing written in a phase is ever dropped.
 */
export function PhaseBar({ sessionId, session, readOnly, run, onPhases, onSetup }: PhaseBarProps) {
  const t = useT();
  const store = useStoreApi();
  const { flow, template } = session;
  const phase = currentPhase(flow);
  const previous = neighbourPhase(flow, -1);
  const next = neighbourPhase(flow, 1);
  const go = (phaseId: Id | null) => {
    if (!readOnly) void run(sessionId, { type: 'phase.set', phaseId });
  };
  // Keys read the store at the moment of the key press, not the last render: a clicker pressed twice
  // quickly must move two phases on, even if the screen has not caught up yet.
  const step = (direction: 1 | -1) => {
    const latest = store.getState().session?.flow;
    const target = latest ? neighbourPhase(latest, direction) : null;
    if (target) go(target.id);
  };
  usePhaseKeys(
    () => step(1),
    () => step(-1),
  );
  const number = phaseNumber(flow);

  return (
    <nav className="phase-bar" aria-label={t('flow.bar')} data-testid="phase-bar" data-phase={phase?.id ?? ''}>
      <button
        type="button"
        className="button button-quiet phase-step"
        disabled={readOnly || !previous}
        onClick={() => previous && go(previous.id)}
        title={t('flow.previousHint')}
        data-testid="phase-previous"
      >
        <span aria-hidden="true">← </span>
        {t('flow.previous')}
      </button>
      <div className="phase-now">
        <p className="phase-count">{number === 0 ? t('flow.notStarted') : t('flow.stepOf', { step: number, total: flow.phases.length })}</p>
        <label className="phase-pick">
          <span className="visually-hidden">{t('flow.jump')}</span>
          <select
            value={phase?.id ?? ''}
            disabled={readOnly}
            onChange={(event) => go(event.target.value === '' ? null : event.target.value)}
            data-testid="phase-select"
          >
            <option value="">{t('flow.notStarted')}</option>
            {flow.phases.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {phaseLabel(t, candidate, template.zones)}
              </option>
            ))}
          </select>
        </label>
        <PhaseTrack session={session} />
      </div>
      <button
        type="button"
        className="button button-primary phase-step"
        disabled={readOnly || !next}
        onClick={() => next && go(next.id)}
        title={t('flow.nextHint')}
        data-testid="phase-next"
      >
        {number === 0 ? t('flow.start') : t('flow.next')}
        <span aria-hidden="true"> →</span>
      </button>
      <TimerControls sessionId={sessionId} timer={session.timer} readOnly={readOnly} run={run} />
      <div className="phase-tools">
        <button type="button" className="button button-quiet" onClick={onPhases} disabled={readOnly} data-testid="open-phases">
          {t('flow.phases')}
        </button>
        <button type="button" className="button button-quiet" onClick={onSetup} data-testid="open-setup">
          {t('flow.setup')}
        </button>
      </div>
    </nav>
  );
}

/** One small bar per phase in the colour of its side: how far along the session is, at a glance. */
function PhaseTrack({ session }: { session: SessionState }) {
  const { flow, template } = session;
  const current = phaseNumber(flow) - 1;
  return (
    <ol className="phase-track" aria-hidden="true">
      {flow.phases.map((phase, index) => {
        const zone = template.zones.find((candidate) => candidate.id === phase.zoneId);
        const state = index < current ? 'done' : index === current ? 'now' : 'later';
        return <li key={phase.id} className={`phase-track-${state}`} style={{ background: zone?.color ?? 'var(--primary)' }} />;
      })}
    </ol>
  );
}
