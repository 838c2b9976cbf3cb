import { useState } from 'react';
import type { CommandInput } from '../../client';
import type { Id } from '../../../../shared/domain';
import { ballotOrder } from '../../../../shared/rules';
import { rankPoints } from '../../../../shared/voting';
import { useT } from '../../ui/i18n';
import { peopleCounts, votingTurnout } from '../progress';
import { usePresent } from '../../room/presence';
import { ChooseBox } from './PointEditors';
import type { EditorProps } from './SideEditors';

/**
 * Dot voting on the points of one side (a side's voting phase) or of all sides. The facilitator
 * opens and closes it and reveals the result; before the reveal this panel shows only how many
 * dots are in, never which point has how many, so the facilitator cannot give anything away.
 */
export function VotingControls({ sessionId, session, readOnly, run, scope }: EditorProps & { scope: Id | null }) {
  const t = useT();
  const [confirmClear, setConfirmClear] = useState(false);
  const { flow, settings } = session;
  const ranking = rankPoints(session, scope ?? undefined);
  // Before the reveal the list keeps the ballot's own order: an order by dots would give the
  // ranking away to anyone who sees this screen.
  const listed = flow.votesRevealed ? ranking : ballotOrder(session, scope ?? undefined).map((point) => ({ attentionPointId: point.id }));
  const revealed = new Map(ranking.map((entry) => [entry.attentionPointId, entry]));
  const onBallot = new Set(ranking.map((entry) => entry.attentionPointId));
  const turnout = votingTurnout(session, (id) => onBallot.has(id));
  // Out of those who can still vote (connected now) or did: a phone that left does not hold the count back.
  const people = peopleCounts(session, usePresent(), (id) => onBallot.has(id)).canVote;
  const zone = session.template.zones.find((candidate) => candidate.id === scope);
  const send = (command: CommandInput) => void run(sessionId, command);

  return (
    <section className="flow-section" data-testid="voting-controls" data-open={flow.votingOpen} data-revealed={flow.votesRevealed}>
      <p className="flow-hint">
        {zone ? t('flow.ballotSide', { count: ranking.length, side: zone.name }) : t('flow.ballotAll', { count: ranking.length })}{' '}
        {settings.maxDotsPerItem === null
          ? t('flow.dotRule', { dots: settings.dotsPerParticipant })
          : t('flow.dotRuleMax', { dots: settings.dotsPerParticipant, max: settings.maxDotsPerItem })}
      </p>
      <p className="flow-status" data-testid="turnout" aria-live="polite">
        {flow.votingOpen ? t('flow.votingIsOpen') : flow.votesRevealed ? t('flow.votingRevealed') : t('flow.votingIsClosed')}{' '}
        {flow.votesRevealed
          ? t('flow.turnout', { voters: turnout.voters, people, dots: turnout.dots })
          : t('flow.turnoutVoters', { voters: turnout.voters, people })}
      </p>
      <div className="flow-buttons">
        <button
          type="button"
          className={`button ${flow.votingOpen ? 'button-quiet' : 'button-primary'}`}
          disabled={readOnly || (ranking.length === 0 && !flow.votingOpen)}
          onClick={() => send({ type: 'voting.open', open: !flow.votingOpen })}
          data-testid="voting-open"
          aria-keyshortcuts="S"
        >
          {flow.votingOpen ? t('flow.closeVoting') : t('flow.openVoting')} <kbd>S</kbd>
        </button>
        <button
          type="button"
          className={`button ${flow.votesRevealed ? 'button-quiet' : 'button-primary'}`}
          disabled={readOnly || ranking.length === 0}
          onClick={() => send({ type: 'voting.reveal', revealed: !flow.votesRevealed })}
          data-testid="voting-reveal"
          aria-keyshortcuts="U"
        >
          {flow.votesRevealed ? t('flow.hideResult') : t('flow.revealResult')} <kbd>U</kbd>
        </button>
      </div>
      <ol className="flow-points flow-ballot" data-testid="ballot">
        {listed.map((entry) => {
          const point = session.attentionPoints[entry.attentionPointId];
          if (!point) return null;
          const result = flow.votesRevealed ? revealed.get(point.id) : undefined;
          return (
            <li key={point.id} className="flow-point flow-ballot-item" data-point={point.id} data-chosen={point.chosen}>
              {result && <span className="flow-rank">{result.rank}.</span>}
              <span className="flow-ballot-body">
                <span className="flow-point-title">{point.title}</span>
                <span className="flow-ballot-meta">
                  {result && (
                    <span className="flow-dots" data-testid="point-dots">
                      {t(result.dots === 1 ? 'flow.dotsOne' : 'flow.dots', { count: result.dots })}
                    </span>
                  )}
                  <ChooseBox point={point} sessionId={sessionId} readOnly={readOnly} run={run} />
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      {/* The boxes are on the ballot before the reveal too, so what they do is said whenever they show. */}
      <p className="flow-hint" data-testid="chosen-legend">
        {t('flow.chooseHint')}
      </p>
      {turnout.dots > 0 && !flow.votingOpen && (
        <div className="flow-buttons flow-danger-zone">
          {confirmClear ? (
            <>
              <span>{t('flow.clearQuestion')}</span>
              <button
                type="button"
                className="button button-danger-solid"
                onClick={() => {
                  setConfirmClear(false);
                  send({ type: 'votes.clear' });
                }}
              >
                {t('flow.clearYes')}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setConfirmClear(false)}>
                {t('form.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirmClear(true)}>
              {t('flow.clearVotes')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
