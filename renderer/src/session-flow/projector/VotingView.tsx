import { type CSSProperties, useRef } from 'react';
import type { Id, SessionState } from '../../../../shared/domain';
import { ballotOrder } from '../../../../shared/rules';
import { rankPoints } from '../../../../shared/voting';
import { useT } from '../../ui/i18n';
import { PageCount } from './PageCount';
import { onPage, useFitList } from './use-fit-list';

/**
 * Voting on the wall. While it is open: the points on the ballot and how many dots everyone has,
 * never a total (the projector receives none before the reveal). After the reveal: the ranking as
 * bars, equal totals sharing a place; on one side's ballot
 * each point keeps its place in the whole session's ranking, as on every other screen.
 */
export function VotingView({ session, scope }: { session: SessionState; scope: Id | null }) {
  const t = useT();
  const listRef = useRef<HTMLOListElement & HTMLUListElement>(null);
  const { flow, settings } = session;
  const ranking = rankPoints(session, scope ?? undefined);
  const zone = session.template.zones.find((candidate) => candidate.id === scope);
  const title = zone ? t('projector.votingSide', { side: zone.name }) : t('phase.voting');
  const rows = { '--rows': Math.max(ranking.length, 3) } as CSSProperties;
  const byOrder = flow.votesRevealed ? [] : ballotOrder(session, scope ?? undefined);
  const fitKey = flow.votesRevealed
    ? ranking.map((entry) => `${entry.attentionPointId}:${entry.rank}:${session.attentionPoints[entry.attentionPointId]?.title}`).join('|')
    : byOrder.map((point) => `${point.id}:${point.title}`).join('|');
  const fit = useFitList(listRef, fitKey);
  const listStyle = fit.fontPx > 0 ? { fontSize: fit.fontPx } : undefined;

  if (!flow.votesRevealed) {
    return (
      <section className="pflow-screen pflow-voting" data-testid="projector-ballot" style={rows}>
        <p className="pflow-eyebrow">{title}</p>
        <h1 className="pflow-title">
          {flow.votingOpen
            ? settings.maxDotsPerItem === null
              ? t('projector.votingOpen', { dots: settings.dotsPerParticipant })
              : t('projector.votingOpenMax', { dots: settings.dotsPerParticipant, max: settings.maxDotsPerItem })
            : t('projector.votingWaiting')}
        </h1>
        <ul className="pflow-ballot" ref={listRef} style={listStyle}>
          {byOrder.map((point, index) => {
            const side = session.template.zones.find((candidate) => candidate.id === point.zoneId);
            return (
              <li key={point.id} hidden={!onPage(fit, index)} style={{ borderColor: side?.color ?? 'var(--ink-soft)' }}>
                {point.title}
              </li>
            );
          })}
        </ul>
        <PageCount fit={fit} />
      </section>
    );
  }

  const most = Math.max(1, ...ranking.map((entry) => entry.dots));
  return (
    <section className="pflow-screen pflow-voting" data-testid="projector-ranking" style={rows}>
      <p className="pflow-eyebrow">{title}</p>
      <h1 className="pflow-title">{t('projector.result')}</h1>
      <ol className="pflow-ranking" ref={listRef} style={listStyle}>
        {ranking.map((entry, index) => {
          const point = session.attentionPoints[entry.attentionPointId];
          if (!point) return null;
          const side = session.template.zones.find((candidate) => candidate.id === point.zoneId);
          const tie = entry.tied;
          return (
            <li key={point.id} hidden={!onPage(fit, index)} className={point.chosen ? 'pflow-chosen' : ''} data-point={point.id} data-rank={entry.rank} data-dots={entry.dots}>
              <span className={`pflow-rank${tie ? ' pflow-rank-tie' : ''}`} title={tie ? t('projector.tie') : undefined}>
                {entry.rank}
                {tie && <span className="visually-hidden"> ({t('projector.tie')})</span>}
              </span>
              <span className="pflow-point">
                <span className="pflow-point-title">
                  {point.title}
                  {point.chosen && <span className="pflow-chosen-tag">{t('projector.chosen')}</span>}
                </span>
                <span className="pflow-bar-track">
                  <span
                    className="pflow-bar"
                    style={{ width: `${(entry.dots / most) * 100}%`, background: side?.color ?? 'var(--primary)' }}
                  />
                </span>
              </span>
              <span className="pflow-dots">{t(entry.dots === 1 ? 'flow.dotsOne' : 'flow.dots', { count: entry.dots })}</span>
            </li>
          );
        })}
      </ol>
      <PageCount fit={fit} />
    </section>
  );
}
