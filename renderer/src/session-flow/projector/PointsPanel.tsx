import type { Id, SessionState } from '../../../../shared/domain';
import { WALL_OBSTACLE } from '../../canvas/wall-space';
import { useT } from '../../ui/i18n';

/** How much of the wall the panel takes in the points phase; the model fits in the rest (wall-space.ts). */
export const POINTS_PANEL_SHARE = 0.36;

/** Past this many points the panel sets them smaller, so twelve still fit a 720p wall. */
const DENSE_FROM = 7;

/**
 * "Aandachtspunten" on the wall while the group names them: the points of the phase's side (or of
 * the whole session) in the order they were written, beside the side's notes. No counts: votes
 * come later, and nothing here ranks.
 */
export function PointsPanel({ session, scope }: { session: SessionState; scope: Id | null }) {
  const t = useT();
  const sideOf = (zoneId: Id | null) => session.template.zones.find((candidate) => candidate.id === zoneId);
  const zone = sideOf(scope);
  const points = Object.values(session.attentionPoints)
    .filter((point) => scope === null || point.zoneId === scope)
    .sort((a, b) => a.order - b.order);
  return (
    <section
      className={`pflow-points${points.length >= DENSE_FROM ? ' pflow-points-dense' : ''}`}
      style={{ width: `${POINTS_PANEL_SHARE * 100}%`, borderColor: zone?.color ?? 'var(--primary)' }}
      data-testid="projector-points"
      {...WALL_OBSTACLE}
    >
      <p className="pflow-eyebrow">
        {t('phase.attention')}
        {zone && <span className="pflow-side"> · {zone.name}</span>}
      </p>
      {points.length === 0 ? (
        <p className="pflow-points-empty">{t('projector.noPoints')}</p>
      ) : (
        <ol className="pflow-points-list">
          {points.map((point) => (
            <li key={point.id} style={{ borderColor: sideOf(point.zoneId)?.color ?? 'var(--ink-soft)' }}>
              {point.title}
              {scope === null && <span className="pflow-points-side">{sideOf(point.zoneId)?.name ?? t('flow.wholeSession')}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
