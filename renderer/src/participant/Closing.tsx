import { useId } from 'react';
import type { SessionState } from '../../../shared/domain';
import { ingredientPoints, ingredientsOf } from '../../../shared/voting';
import { useT } from './context';

/**
 * In the closing phase: thanks, and what the group takes into the phase plan — the chosen points
 * (every point while none is chosen) with their ingredients, in the order the wall shows them. The
 * phone's work is done here, so it offers no form; someone who still wants a word kept says so
 * aloud, and the facilitator can go back a phase.
 */
export function Closing({ session }: { session: SessionState }) {
  const t = useT();
  const headingId = useId();
  const points = ingredientPoints(session);
  const anyChosen = points.some((point) => point.chosen);
  return (
    <section className="phone-card phone-closing" aria-labelledby={headingId} data-testid="closing">
      <p className="phone-eyebrow">{t('phase.closing')}</p>
      <h1 id={headingId} className="phone-zone phone-zone-none">
        {t('participant.closingThanks')}
      </h1>
      <p className="phone-muted">{anyChosen ? t('participant.closingChosen') : t('participant.closingAll')}</p>
      {points.length === 0 && <p className="phone-muted">{t('participant.noPoints')}</p>}
      <ol className="phone-closing-points">
        {points.map((point) => {
          const zone = session.template.zones.find((candidate) => candidate.id === point.zoneId);
          const items = ingredientsOf(session, point.id);
          return (
            <li key={point.id} className="phone-ingredient-point" data-testid="closing-point" style={{ borderLeftColor: zone?.color ?? 'var(--line)' }}>
              <p className="phone-eyebrow">{zone?.name ?? t('flow.wholeSession')}</p>
              <h2 className="phone-point-title">{point.title}</h2>
              {items.length > 0 && (
                <ul className="phone-ingredients">
                  {items.map((item) => (
                    <li key={item.id}>{item.text}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <p className="phone-muted">{t('participant.closingAfter')}</p>
    </section>
  );
}
