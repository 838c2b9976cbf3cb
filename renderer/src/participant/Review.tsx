import { type FormEvent, useId, useState } from 'react';
import { LIMITS, type SessionState } from '../../../shared/domain';
import { agendaOf } from '../../../shared/review';
import { statusKey } from '../review/labels';
import { useLink, useT } from './context';

/**
 * In the review ("Terugblik"): the action on the wall, and a thumb or a short reaction to it.
 * Deciding is the facilitator's; the host refuses anything else from a phone.
 */
export function Review({ session }: { session: SessionState }) {
  const t = useT();
  const link = useLink();
  const headingId = useId();
  const inputId = useId();
  const [text, setText] = useState('');
  const row = agendaOf(session).find((candidate) => candidate.id === session.flow.reviewActionId);
  // The host shows a phone its own reactions with its id, and everyone else's without.
  const mine = row ? Object.values(session.reactions).filter((reaction) => reaction.actionId === row.id && reaction.participantId !== null) : [];
  const full = mine.length >= LIMITS.reactionsPerAction;
  const react = (thumb: 'up' | 'down' | null, words: string) => {
    if (!row) return;
    link.send({ type: 'review.react', id: link.newId(), actionId: row.id, thumb, text: words });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    react(null, trimmed);
    setText('');
  };
  return (
    <section className="phone-card phone-review" aria-labelledby={headingId} data-testid="phone-review">
      <h2 id={headingId} className="phone-heading">
        {t('phase.review')}
      </h2>
      {!row ? (
        <p className="phone-muted">{t('review.phoneWaiting')}</p>
      ) : (
        <>
          <p className="phone-muted">{row.pointTitle}</p>
          <p className="phone-review-text" data-testid="phone-review-text">
            {row.text}
          </p>
          <p className="phone-muted">
            {t('action.owner')}: {row.owner || t('action.noOwner')}
          </p>
          {row.status && (
            <p className="phone-review-status" data-status={row.status}>
              {t(statusKey(row.status))}
            </p>
          )}
          <p>{t('review.phoneIntro')}</p>
          <div className="phone-review-thumbs">
            <button type="button" className="button" disabled={full} onClick={() => react('up', '')} data-testid="phone-thumb-up">
              <span aria-hidden="true">▲ </span>
              {t('review.thumbsUp')}
            </button>
            <button type="button" className="button" disabled={full} onClick={() => react('down', '')} data-testid="phone-thumb-down">
              <span aria-hidden="true">▼ </span>
              {t('review.thumbsDown')}
            </button>
          </div>
          <form className="phone-inline-form" onSubmit={submit}>
            <label className="visually-hidden" htmlFor={inputId}>
              {t('review.phoneNote')}
            </label>
            <input id={inputId} value={text} maxLength={LIMITS.reactionText} disabled={full} onChange={(event) => setText(event.target.value)} placeholder={t('review.phoneNote')} data-testid="phone-review-note" />
            <button type="submit" className="button button-primary" disabled={full || text.trim().length === 0}>
              {t('review.phoneSend')}
            </button>
          </form>
          {mine.length > 0 && (
            <p className="phone-muted" role="status" data-testid="phone-review-sent">
              {t('review.phoneSent')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
