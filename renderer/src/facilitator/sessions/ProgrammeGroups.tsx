import type { Id, SessionMeta } from '../../../../shared/domain';
import type { ProgrammeGroup } from '../../store/selectors';
import { useT } from '../../ui/i18n';
import { type RowAction, SessionRow } from './SessionRow';

interface ProgrammeGroupsProps {
  groups: ProgrammeGroup[];
  onAction(action: RowAction, meta: SessionMeta): void;
  /** Opens the programme summary on this programme. */
  onSummary(programmeId: Id): void;
}

/**
 * The sessions under the programme they belong to, each programme with its name, its number of
 * sessions and its summary one click away; the sessions without a programme last. While no
 * session belongs to a programme the list is one plain list, as there is nothing to group.
 */
export function ProgrammeGroups({ groups, onAction, onSummary }: ProgrammeGroupsProps) {
  const t = useT();
  if (groups.every((group) => group.programme === null)) {
    return (
      <ul className="session-list" aria-label={t('sessions.title')}>
        {groups.flatMap((group) => group.sessions).map((meta) => (
          <SessionRow key={meta.id} meta={meta} onAction={onAction} />
        ))}
      </ul>
    );
  }
  return (
    <div className="programme-groups">
      {groups.map(({ programme, sessions }) => {
        const name = programme?.name ?? t('sessions.noProgramme');
        return (
          <section key={programme?.id ?? 'none'} className="programme-group" data-programme-id={programme?.id ?? ''} aria-label={name}>
            <header className="programme-group-head">
              <h2 className="programme-group-name">
                {programme && <span className="programme-group-eyebrow">{t('sessions.programme')}</span>}
                {name}
              </h2>
              <span className="programme-group-count">{sessions.length === 1 ? t('sessions.countOne') : t('sessions.count', { count: sessions.length })}</span>
              {programme && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => onSummary(programme.id)}
                  aria-label={t('sessions.summaryOf', { name: programme.name })}
                  data-testid="programme-summary"
                >
                  {t('sessions.summary')}
                </button>
              )}
            </header>
            <ul className="session-list" aria-label={name}>
              {sessions.map((meta) => (
                <SessionRow key={meta.id} meta={meta} onAction={onAction} headingLevel={3} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
