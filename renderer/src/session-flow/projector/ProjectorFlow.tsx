import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { formatDate } from '../../ui/dates';
import { useAppStore } from '../../ui/app-context';
import { zoneOf } from '../labels';
import { currentPhase } from '../phases';
import { hiddenCounts } from '../progress';
import { formatClock } from '../timer';
import { useTimer } from '../use-host-time';
import { IngredientsView, OtherView } from './HarvestViews';
import { PointsPanel } from './PointsPanel';
import { VotingView } from './VotingView';
import { ProjectorReview } from '../../review/ProjectorReview';
import '../session-flow.css';
import '../projector.css';
import '../projector-screens.css';
import { isZoneHidden } from '../../../../shared/rules';
import { WALL_OBSTACLE } from '../../canvas/wall-space';

/**
 * What the beamer shows of the session's flow, over the canvas: the phase and its question, the
 * timer, how many hidden notes came in, and — in the phases that are not about the canvas — the
 * ballot, the ranking, the ingredients and the other points, large enough for the back of the room.
 */
export function ProjectorFlow({ session }: { session: SessionState }) {
  const phase = currentPhase(session.flow);
  const kind = phase?.kind;
  const fullScreen = kind === 'review' || kind === 'checkin' || kind === 'voting' || kind === 'ingredients' || kind === 'other' || kind === 'closing';
  return (
    <div className="pflow" data-testid="projector-flow" data-kind={kind ?? ''}>
      {kind === 'review' && <ProjectorReview session={session} />}
      {kind === 'checkin' && <Welcome session={session} />}
      {kind === 'voting' && <VotingView session={session} scope={phase?.zoneId ?? null} />}
      {(kind === 'ingredients' || kind === 'closing') && <IngredientsView session={session} closing={kind === 'closing'} />}
      {kind === 'other' && <OtherView session={session} />}
      {kind === 'attention' && <PointsPanel session={session} scope={phase?.zoneId ?? null} />}
      {/* In the points phase the panel names the phase and side itself. */}
      {!fullScreen && phase && kind !== 'attention' && <PhaseBanner session={session} />}
      {!fullScreen && kind !== 'observation' && <HiddenCounts session={session} />}
      <TimerBadge session={session} />
    </div>
  );
}

/**
 * The phase, small at the top of the wall (the canvas itself shows each side's name and question),
 * and in "Wat gaat goed?" the text the facilitator writes, large at the bottom.
 */
function PhaseBanner({ session }: { session: SessionState }) {
  const t = useT();
  const phase = currentPhase(session.flow);
  const zone = zoneOf(phase, session.template.zones);
  if (!phase) return null;
  const observation = zone && phase.kind === 'observation' ? session.observations[zone.id]?.text.trim() : '';
  return (
    <>
      <header className="pflow-banner" data-testid="projector-phase" {...WALL_OBSTACLE} style={{ borderColor: zone?.color ?? 'var(--primary)' }}>
        <p className="pflow-eyebrow">
          {t(`phase.${phase.kind}`)}
          {zone && <span className="pflow-side"> · {zone.name}</span>}
        </p>
      </header>
      {observation && (
        <section className="pflow-observation" data-testid="projector-observation" {...WALL_OBSTACLE} style={{ borderColor: zone?.color }}>
          <p className="pflow-eyebrow">{t('projector.observationQuestion')}</p>
          <p className="pflow-observation-text">{observation}</p>
        </section>
      )}
    </>
  );
}

function Welcome({ session }: { session: SessionState }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const { meta } = session;
  return (
    <section className="pflow-screen pflow-welcome" data-testid="projector-welcome">
      <p className="pflow-eyebrow">{t('phase.checkin')}</p>
      <h1 className="pflow-title">{meta.title}</h1>
      <p className="pflow-subtitle">{[meta.group, formatDate(meta.date, locale)].filter(Boolean).join(' · ')}</p>
      <p className="pflow-lead">{t('projector.welcome')}</p>
    </section>
  );
}

/**
 * While notes stay hidden, the wall counts them per side instead of showing blank paper: the
 * host sends hidden notes without their text (shared/views.ts), and the canvas leaves them out.
 */
function HiddenCounts({ session }: { session: SessionState }) {
  const t = useT();
  const counts = hiddenCounts(session);
  if (!session.settings.hideNotesUntilReveal) return null;
  const hidden = session.template.zones.filter((zone) => isZoneHidden(session, zone.id));
  if (hidden.length === 0) return null;
  const phase = currentPhase(session.flow);
  // While a side writes, its count fills the wall; otherwise every hidden side, small in the corner.
  const writing = phase?.kind === 'notes';
  const shown = writing && phase.zoneId ? hidden.filter((zone) => zone.id === phase.zoneId) : hidden;
  if (shown.length === 0) return null;
  return (
    <aside className={`pflow-hidden${writing ? ' pflow-hidden-large' : ''}`} data-testid="hidden-counts" {...WALL_OBSTACLE}>
      <p className="pflow-hidden-title">{t('projector.hiddenTitle')}</p>
      <ul>
        {shown.map((zone) => (
            <li key={zone.id} data-zone={zone.id} style={{ borderColor: zone.color }}>
              <span className="pflow-count" data-testid="hidden-count">
                {counts.get(zone.id) ?? 0}
              </span>
              <span className="pflow-count-label">{zone.name}</span>
            </li>
          ))}
      </ul>
    </aside>
  );
}

/** The time left, large in the corner; a slow pulse when it is over (a steady ring with reduced motion). */
function TimerBadge({ session }: { session: SessionState }) {
  const t = useT();
  const { left, status } = useTimer(session.timer);
  if (status === 'off') return null;
  return (
    <div className={`pflow-timer pflow-timer-${status}`} role="timer" data-testid="projector-timer" data-status={status} {...WALL_OBSTACLE}>
      <span className="pflow-timer-time">{formatClock(left)}</span>
      {status === 'paused' && <span className="pflow-timer-note">{t('projector.timerPaused')}</span>}
      {status === 'done' && <span className="pflow-timer-note">{t('projector.timerDone')}</span>}
    </div>
  );
}
