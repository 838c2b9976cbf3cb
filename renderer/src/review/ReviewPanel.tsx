import { useEffect, useState } from 'react';
import { type ActionReview, LIMITS, type REVIEW_STATUSES } from '../../../shared/domain';
import { agendaOf, reactionsTo } from '../../../shared/review';
import type { EditorProps } from '../session-flow/facilitator/SideEditors';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { formatDate } from '../ui/dates';
import { sessionTitle, statusKey } from './labels';
import './review.css';

/** The decisions in the order people say them: done, still going, stopped. */
const DECISIONS = ['done', 'ongoing', 'dropped'] as const satisfies readonly (typeof REVIEW_STATUSES)[number][];

/**
 * The review ("Terugblik") on the facilitator's screen: the open actions of earlier sessions, one
 * at a time as on the wall. Each decision (done, ongoing, dropped, with a note) is one undoable
 * command; the phones' thumbs and notes for the action on the wall come in below it.
 */
export function ReviewPanel({ sessionId, session, readOnly, run }: EditorProps) {
  const t = useT();
  const rows = agendaOf(session);
  const currentId = session.flow.reviewActionId;
  const index = Math.max(0, rows.findIndex((row) => row.id === currentId));
  const row = rows[index];
  useEffect(() => {
    // An agenda that was filled before actions came in (an archive read in later) is topped up.
    if (rows.length === 0 && session.meta.programmeId !== null && !readOnly) void run(sessionId, { type: 'review.begin' });
  }, [rows.length, session.meta.programmeId, readOnly, run, sessionId]);
  if (!row) return <p className="flow-hint flow-section" data-testid="review-empty">{t('review.empty')}</p>;
  const show = (id: string) => void run(sessionId, { type: 'review.show', actionId: id });
  return (
    <section className="flow-section review-panel" data-testid="review-panel">
      <p className="flow-hint">{t('review.intro')}</p>
      <ol className="review-agenda" aria-label={t('review.title')}>
        {rows.map((item, position) => (
          <li key={item.id}>
            <button
              type="button"
              className="review-agenda-item"
              aria-current={item.id === row.id ? 'step' : undefined}
              data-status={item.status ?? 'none'}
              disabled={readOnly}
              onClick={() => show(item.id)}
            >
              <span className="review-agenda-number">{position + 1}</span>
              <span className="review-agenda-text">{item.text}</span>
              <span className="review-agenda-status">{item.status ? t(statusKey(item.status)) : '·'}</span>
            </button>
          </li>
        ))}
      </ol>
      <ReviewCard key={row.id} row={row} {...{ sessionId, session, readOnly, run }} />
      <div className="flow-buttons">
        <button type="button" className="button button-quiet" disabled={readOnly || index === 0} onClick={() => show(rows[index - 1]?.id ?? row.id)} data-testid="review-previous">
          {t('review.previous')}
        </button>
        <button type="button" className="button button-quiet" disabled={readOnly || index >= rows.length - 1} onClick={() => show(rows[index + 1]?.id ?? row.id)} data-testid="review-next">
          {t('review.next')}
        </button>
      </div>
    </section>
  );
}

function ReviewCard({ row, sessionId, session, readOnly, run }: EditorProps & { row: ActionReview }) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const workspace = useAppStore((state) => state.workspace);
  const [note, setNote] = useState(row.note);
  const reactions = reactionsTo(session, row.id);
  const rows = agendaOf(session);
  return (
    <article className="review-card" data-testid="review-card" data-action={row.id} data-status={row.status ?? 'none'}>
      <p className="review-count">{t('review.count', { n: rows.findIndex((item) => item.id === row.id) + 1, total: rows.length })}</p>
      <p className="review-point">{row.pointTitle}</p>
      <h3 className="review-text">{row.text}</h3>
      <dl className="review-facts">
        <dt>{t('action.owner')}</dt>
        <dd>{row.owner || t('action.noOwner')}</dd>
        {row.due && (
          <>
            <dt>{t('action.due')}</dt>
            <dd>{formatDate(row.due, locale)}</dd>
          </>
        )}
        <dt>{t('actions.column.session')}</dt>
        <dd>{sessionTitle(workspace, session, row.originSessionId)}</dd>
      </dl>
      <label className="review-note">
        <span>{t('action.note')}</span>
        <textarea value={note} maxLength={LIMITS.actionNote} rows={2} placeholder={t('review.notePlaceholder')} disabled={readOnly} onChange={(event) => setNote(event.target.value)} data-testid="review-note" />
      </label>
      <fieldset className="review-decide">
        <legend>{row.status ? t('review.decided', { status: t(statusKey(row.status)) }) : t('review.notDecided')}</legend>
        {DECISIONS.map((status) => (
          <button
            key={status}
            type="button"
            className={`button review-status review-status-${status}`}
            aria-pressed={row.status === status}
            disabled={readOnly}
            onClick={() => void run(sessionId, { type: 'review.set', actionId: row.id, status, note })}
            data-testid={`review-set-${status}`}
          >
            {t(statusKey(status))}
          </button>
        ))}
      </fieldset>
      <div className="review-reactions" data-testid="review-reactions" aria-live="polite">
        <p className="flow-label-small">{t('review.reactions')}</p>
        <p>
          <span data-testid="review-thumbs-up">{t('review.thumbsUp')}: {reactions.up}</span> · <span data-testid="review-thumbs-down">{t('review.thumbsDown')}: {reactions.down}</span>
        </p>
        {reactions.notes.length === 0 ? (
          <p className="flow-empty">{t('review.noReactions')}</p>
        ) : (
          <ul className="review-reaction-notes">
            {reactions.notes.map((text, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: reactions are only added, never reordered.
              <li key={index}>{text}</li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
