import type { SessionState } from '../../../shared/domain';
import { useT } from './context';
import { currentPhase } from './derive';

/** Where the group is now: the phase, the side it is about, and that side's question, large. */
export function PhaseCard({ session }: { session: SessionState }) {
  const t = useT();
  const phase = currentPhase(session);
  const zone = session.template.zones.find((candidate) => candidate.id === (phase?.zoneId ?? session.flow.focusZoneId));
  const observation = zone ? session.observations[zone.id]?.text : undefined;
  return (
    <section className="phone-card phone-phase" aria-live="polite" data-phase={phase?.kind ?? ''} data-testid="phase">
      {zone ? (
        <>
          <p className="phone-eyebrow">{phase ? t(`phase.${phase.kind}`) : t('participant.notStarted')}</p>
          <h1 className="phone-zone" style={{ borderColor: zone.color }}>
            {zone.name}
          </h1>
        </>
      ) : (
        <h1 className="phone-zone phone-zone-none">{phase ? t(`phase.${phase.kind}`) : t('participant.notStarted')}</h1>
      )}
      {zone?.question && <p className="phone-question">{zone.question}</p>}
      {observation && (
        <div className="phone-observation">
          <p className="phone-eyebrow">{t('phase.observation')}</p>
          <p>{observation}</p>
        </div>
      )}
      {!phase && <p className="phone-muted">{t('participant.waitForStart')}</p>}
    </section>
  );
}
