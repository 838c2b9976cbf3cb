import type { SessionState } from '../../../shared/domain';
import { agendaOf, reactionsTo } from '../../../shared/review';
import { useAppStore } from '../ui/app-context';
import { formatDate } from '../ui/dates';
import { useT } from '../ui/i18n';
import { statusKey } from './labels';
import './projector-review.css';

/**
 * The review on the wall: one action at a time, large, with who took it and by when, the decision
 * once it is made, and how the phones reacted. The projector sees only the session's own copy.
 */
export function ProjectorReview({ session }: { session: SessionState }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const rows = agendaOf(session);
  const index = rows.findIndex((row) => row.id === session.flow.reviewActionId);
  const row = rows[index];
  const zone = session.template.zones.find((candidate) => candidate.id === row?.zoneId);
  return (
    <section className="pflow-screen preview" data-testid="projector-review">
      <p className="pflow-eyebrow">{t('phase.review')}</p>
      {!row ? (
        <>
          <h1 className="pflow-title">{t('review.title')}</h1>
          <p className="pflow-lead">{rows.length === 0 ? t('review.empty') : t('review.intro')}</p>
        </>
      ) : (
        <>
          <p className="preview-count">{t('review.count', { n: index + 1, total: rows.length })}</p>
          <article className="preview-card" style={{ borderLeftColor: zone?.color ?? 'var(--primary)' }} data-action={row.id} data-status={row.status ?? 'none'}>
            <p className="preview-point">
              {zone ? `${zone.name} · ` : ''}
              {row.pointTitle}
            </p>
            <h1 className="preview-text" data-testid="projector-review-text">
              {row.text}
            </h1>
            <p className="preview-facts">
              {t('action.owner')}: <strong>{row.owner || t('action.noOwner')}</strong>
              {row.due && (
                <>
                  {' · '}
                  {t('action.due')}: <strong>{formatDate(row.due, locale)}</strong>
                </>
              )}
            </p>
            {row.status && (
              <p className="preview-decision" data-testid="projector-review-status" data-status={row.status}>
                {t(statusKey(row.status))}
                {row.note && <span className="preview-note"> — {row.note}</span>}
              </p>
            )}
          </article>
          <Reactions session={session} actionId={row.id} />
        </>
      )}
    </section>
  );
}

function Reactions({ session, actionId }: { session: SessionState; actionId: string }) {
  const t = useT();
  const { up, down, notes } = reactionsTo(session, actionId);
  if (up + down + notes.length === 0) return null;
  return (
    <aside className="preview-reactions" data-testid="projector-review-reactions">
      <p>
        {t('review.thumbsUp')}: <strong>{up}</strong> · {t('review.thumbsDown')}: <strong>{down}</strong>
      </p>
      <ul>
        {notes.slice(-4).map((text, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: reactions are only added, never reordered.
          <li key={index}>{text}</li>
        ))}
      </ul>
    </aside>
  );
}
