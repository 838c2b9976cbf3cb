import { useT } from '../../ui/i18n';
import { usePresent } from '../../room/presence';
import { joined, peopleCounts, sideProgress } from '../progress';
import { PeopleList } from './PeopleList';
import type { EditorProps } from './SideEditors';

/** How far each side is, and who is in the room: the facilitator's view at a glance. */
export function Overview(props: EditorProps) {
  const t = useT();
  const { session } = props;
  const progress = sideProgress(session);
  const people = joined(session);
  const counts = peopleCounts(session, usePresent());
  const sessionPoints = Object.values(session.attentionPoints).filter((point) => point.zoneId === null).length;
  return (
    <section className="flow-overview" aria-labelledby="flow-overview-title" data-testid="overview">
      <h2 id="flow-overview-title" className="flow-overview-title">
        {t('flow.overview')}
      </h2>
      <ul className="flow-sides">
        {progress.map((side) => {
          const zone = session.template.zones.find((candidate) => candidate.id === side.zoneId);
          return (
            <li key={side.zoneId} data-zone={side.zoneId}>
              <p className="flow-side-name">
                <span className="zone-dot" style={{ background: zone?.color }} aria-hidden="true" />
                {zone?.name}
                {side.hidden && side.notes > 0 && <span className="flow-tag">{t('flow.hiddenTag')}</span>}
              </p>
              <dl className="flow-stats">
                <div title={t('flow.colObservationHint')} className={side.observation ? 'flow-stat-done' : 'flow-stat-todo'}>
                  <dt>{t('flow.colObservation')}</dt>
                  <dd data-testid="progress-observation">
                    <span aria-hidden="true">{side.observation ? '✓' : '–'}</span>
                    <span className="visually-hidden">{side.observation ? t('flow.written') : t('flow.notWritten')}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('flow.colNotes')}</dt>
                  <dd data-testid="progress-notes">
                    {side.notes}
                    {side.pending > 0 && <span className="flow-muted" title={t('moderation.waiting', { count: side.pending })}>+{side.pending}</span>}
                  </dd>
                </div>
                <div>
                  <dt>{t('flow.colThemes')}</dt>
                  <dd data-testid="progress-clusters">{side.clusters}</dd>
                </div>
                <div>
                  <dt>{t('flow.colPoints')}</dt>
                  <dd data-testid="progress-points">{side.points}</dd>
                </div>
                <div>
                  <dt>{t('flow.colChosen')}</dt>
                  <dd data-testid="progress-chosen">{side.chosen}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
      {sessionPoints > 0 && <p className="flow-muted">{t('flow.sessionPoints', { count: sessionPoints })}</p>}
      {people.count === 0 ? (
        <p className="flow-people" data-testid="joined">
          {t('flow.nobodyJoined')}
        </p>
      ) : (
        <>
          <p className="flow-people" data-testid="joined" data-connected={counts.connected} data-voted={counts.voted} data-joined={counts.joined}>
            {t('people.counts', { connected: counts.connected, voted: counts.voted, joined: counts.joined })}
          </p>
          {people.names.length > 0 && <p className="flow-people flow-muted">{t('people.names', { names: people.names.join(', ') })}</p>}
          <PeopleList {...props} />
        </>
      )}
    </section>
  );
}
