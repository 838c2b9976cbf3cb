import { useId } from 'react';
import { inVotingScope } from '../../../shared/rules';
import type { AttentionPoint, SessionState } from '../../../shared/domain';
import { rankPoints } from '../../../shared/voting';
import { useLink, useParticipant, useT } from './context';
import { canCast, dotsLeft, type MyVote, myVotes, pointsBySide, revealedTotals } from './derive';

/** Spread your dots over the attention points; how many you have left is always in view. */
export function Voting({ session }: { session: SessionState }) {
  const t = useT();
  const link = useLink();
  const queue = useParticipant((state) => state.queue);
  // Only the current ballot (one side's voting phase, or every point): its points, and your dots on them.
  const onBallot = (point: AttentionPoint) => inVotingScope(session, point);
  const votes = myVotes(session, queue, link.participantId).filter((vote) => {
    const point = session.attentionPoints[vote.attentionPointId];
    return !point || onBallot(point);
  });
  const left = dotsLeft(session, votes);
  const totals = revealedTotals(session);
  const sides = pointsBySide(session, onBallot);
  const headingId = useId();
  const open = session.flow.votingOpen;

  return (
    <section className="phone-card phone-voting" aria-labelledby={headingId} data-testid="voting">
      <h2 id={headingId} className="phone-heading">
        {t('participant.vote')}
      </h2>
      {open ? (
        <p className="phone-dots-left" aria-live="polite" data-testid="dots-left" data-left={left}>
          <span className="phone-dots" aria-hidden="true">
            {Array.from({ length: session.settings.dotsPerParticipant }, (_, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the dots are a fixed row of identical marks
              <span key={index} className={index < left ? 'dot dot-free' : 'dot dot-used'} />
            ))}
          </span>
          {t('participant.dotsLeft', { left, total: session.settings.dotsPerParticipant })}
        </p>
      ) : (
        <p className="phone-muted">{session.flow.votesRevealed ? t('participant.votesRevealed') : t('participant.votingClosed')}</p>
      )}
      {sides.length === 0 && <p className="phone-muted">{t('participant.noPoints')}</p>}
      {session.flow.votesRevealed ? (
        <RevealedRanking session={session} votes={votes} onBallot={onBallot} />
      ) : (
        sides.map(({ zoneId, points }) => {
        const zone = session.template.zones.find((candidate) => candidate.id === zoneId);
        return (
          <div key={zoneId ?? 'session'} className="phone-side">
            <h3 className="phone-side-name" style={{ borderColor: zone?.color ?? 'var(--line)' }}>
              {zone?.name ?? t('participant.wholeSession')}
            </h3>
            <ul className="phone-points">
              {points.map((point) => (
                <PointRow key={point.id} point={point} session={session} votes={votes} total={totals.get(point.id)} />
              ))}
            </ul>
          </div>
        );
        })
      )}
    </section>
  );
}

/** After the reveal: the ballot's points in the session's ranking, each with its place, as the wall shows them. */
function RevealedRanking({ session, votes, onBallot }: { session: SessionState; votes: MyVote[]; onBallot: (point: AttentionPoint) => boolean }) {
  const t = useT();
  const ranked = rankPoints(session).flatMap((entry) => {
    const point = session.attentionPoints[entry.attentionPointId];
    return point && onBallot(point) ? [{ ...entry, point }] : [];
  });
  return (
    <ol className="phone-points phone-ranking" data-testid="phone-ranking">
      {ranked.map(({ point, dots, rank, tied }) => {
        const zone = session.template.zones.find((candidate) => candidate.id === point.zoneId);
        return (
          <PointRow
            key={point.id}
            point={point}
            session={session}
            votes={votes}
            total={dots}
            place={{ rank, label: tied ? t('participant.rankTied', { rank }) : t('participant.rank', { rank }), color: zone?.color ?? 'var(--line)' }}
          />
        );
      })}
    </ol>
  );
}

interface Place {
  rank: number;
  /** "2e plaats", or "gedeeld 2e" for a tie: what a screen reader says for the number. */
  label: string;
  color: string;
}

function PointRow({ point, session, votes, total, place }: { point: AttentionPoint; session: SessionState; votes: MyVote[]; total: number | undefined; place?: Place }) {
  const t = useT();
  const link = useLink();
  const mine = votes.filter((vote) => vote.attentionPointId === point.id);
  const open = session.flow.votingOpen;
  const cast = () => link.send({ type: 'vote.cast', id: link.newId(), attentionPointId: point.id });
  const retract = () => {
    const last = mine.at(-1);
    if (last) link.send({ type: 'vote.retract', id: last.id });
  };
  return (
    <li
      className="phone-point"
      data-testid="point"
      data-point={point.id}
      data-mine={mine.length}
      data-rank={place?.rank}
      style={place ? { borderInlineStartColor: place.color } : undefined}
    >
      <div className="phone-point-text">
        <span>
          {place && (
            <span className="phone-rank" title={place.label}>
              <span aria-hidden="true">{place.rank}.</span>
              <span className="visually-hidden">{place.label}</span>
            </span>
          )}
          {point.title}
        </span>
        <span className="phone-point-dots">
          <span className="visually-hidden">{t('participant.yourDots', { count: mine.length })}</span>
          {mine.map((vote) => (
            <span key={vote.id} className={vote.queued ? 'dot dot-mine dot-queued' : 'dot dot-mine'} aria-hidden="true" />
          ))}
          {total !== undefined && <span className="phone-total">{t('participant.total', { count: total })}</span>}
        </span>
      </div>
      {open && (
        <div className="phone-point-buttons">
          <button
            type="button"
            className="button button-quiet phone-round"
            onClick={retract}
            disabled={mine.length === 0}
            aria-label={t('participant.retractDot', { title: point.title })}
          >
            −
          </button>
          <button
            type="button"
            className="button button-primary phone-round"
            onClick={cast}
            disabled={!canCast(session, votes, point.id)}
            aria-label={t('participant.castDot', { title: point.title })}
          >
            +
          </button>
        </div>
      )}
    </li>
  );
}
