import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { joined, sideProgress } from '../progress';

/** How far each side is, and who is in the room: the facilitator's view at a glance. */
export function Overview({ session }: { session: SessionState }) {
  const t = useT();
  const progress = sideProgress(session);
  const people = joined(session);
  const sessionPoints = Object.values(session.attentionPoints).filter((point) => point.zoneId === null).length;
  return (
    <section className="flow-overview" aria-labelledby="flow-overview-title" data-testid="overview">
      <h2 id="flow-overview-title" className="flow-overview-title">
        {t('flow.overview')}
      </h2>
      <table className="flow-table">
        <thead>
          <tr>
            <th scope="col">{t('flow.side')}</th>
            <th scope="col" title={t('flow.colObservationHint')}>
              {t('flow.colObservation')}
            </th>
            <th scope="col">{t('flow.colNotes')}</th>
            <th scope="col">{t('flow.colThemes')}</th>
            <th scope="col">{t('flow.colPoints')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((side) => {
            const zone = session.template.zones.find((candidate) => candidate.id === side.zoneId);
            return (
              <tr key={side.zoneId} data-zone={side.zoneId}>
                <th scope="row">
                  <span className="zone-dot" style={{ background: zone?.color }} aria-hidden="true" />
                  {zone?.name}
                </th>
                <td data-testid="progress-observation">{side.observation ? <Check label={t('flow.written')} /> : <NotYet label={t('flow.notWritten')} />}</td>
                <td data-testid="progress-notes">
                  {side.notes}
                  {side.pending > 0 && <span className="flow-muted"> +{side.pending}</span>}
                  {side.hidden && side.notes > 0 && <span className="flow-tag">{t('flow.hiddenTag')}</span>}
                </td>
                <td data-testid="progress-clusters">{side.clusters}</td>
                <td data-testid="progress-points">
                  {side.points}
                  {side.chosen > 0 && <span className="flow-muted"> ({t('flow.chosenCount', { count: side.chosen })})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sessionPoints > 0 && <p className="flow-muted">{t('flow.sessionPoints', { count: sessionPoints })}</p>}
      <p className="flow-people" data-testid="joined">
        {people.count === 0
          ? t('flow.nobodyJoined')
          : people.names.length > 0
            ? t('flow.joinedNames', { count: people.count, names: people.names.join(', ') })
            : t('flow.joinedCount', { count: people.count })}
      </p>
    </section>
  );
}

function NotYet({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function Check({ label }: { label: string }) {
  return (
    <span className="flow-check" role="img" aria-label={label}>
      ✓
    </span>
  );
}
