import type { CSSProperties } from 'react';
import type { Id, SessionState } from '../../../../shared/domain';
import { ingredientPoints, ingredientsOf } from '../../../../shared/voting';
import { useT } from '../../ui/i18n';
import { otherPointsOf } from '../../../../shared/other-points';

/** The chosen attention points (all, while none is chosen) with their ingredients, as the memo writes them, in ranking order. */
export function IngredientsView({ session, closing }: { session: SessionState; closing: boolean }) {
  const t = useT();
  const points = ingredientPoints(session);
  const columns = { '--columns': Math.min(Math.max(points.length, 1), 3) } as CSSProperties;
  return (
    <section className="pflow-screen pflow-harvest" data-testid="projector-ingredients">
      <p className="pflow-eyebrow">{closing ? t('phase.closing') : t('phase.ingredients')}</p>
      <h1 className="pflow-title">{closing ? t('projector.closing') : t('projector.ingredients')}</h1>
      {points.length === 0 && <p className="pflow-lead">{t('projector.noPoints')}</p>}
      <div className="pflow-cards" style={columns}>
        {points.map((point) => {
          const zone = session.template.zones.find((candidate) => candidate.id === point.zoneId);
          const items = ingredientsOf(session, point.id);
          return (
            <article key={point.id} className="pflow-card" style={{ borderTopColor: zone?.color ?? 'var(--primary)' }} data-point={point.id}>
              <p className="pflow-card-side">{zone?.name ?? t('flow.wholeSession')}</p>
              <h2 className="pflow-card-title">{point.title}</h2>
              <ul>
                {items.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ul>
            </article>
          );
        })}
      </div>
    </section>
  );
}

/** "Overig genoemde punten" per side: said, not chosen, and kept. */
export function OtherView({ session }: { session: SessionState }) {
  const t = useT();
  const sides = [...session.template.zones.map((zone) => ({ id: zone.id as Id | null, name: zone.name, color: zone.color })), { id: null, name: t('flow.wholeSession'), color: 'var(--ink-soft)' }];
  const groups = sides
    .map((side) => ({ ...side, points: otherPointsOf(session, side.id) }))
    .filter((side) => side.points.length > 0);
  const columns = { '--columns': Math.min(Math.max(groups.length, 1), 3) } as CSSProperties;
  return (
    <section className="pflow-screen pflow-harvest" data-testid="projector-other">
      <h1 className="pflow-title">{t('projector.other')}</h1>
      {groups.length === 0 && <p className="pflow-lead">{t('projector.noOther')}</p>}
      <div className="pflow-cards" style={columns}>
        {groups.map((side) => (
          <article key={side.id ?? 'session'} className="pflow-card" style={{ borderTopColor: side.color }}>
            <h2 className="pflow-card-title">{side.name}</h2>
            <ul>
              {side.points.map((point) => (
                <li key={point.id}>{point.text}</li>
              ))}
            </ul>
          </article>
        ))}
      </div>
    </section>
  );
}
