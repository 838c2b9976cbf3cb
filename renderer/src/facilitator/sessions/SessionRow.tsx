import type { SessionMeta } from '../../../../shared/domain';
import { useAppStore } from '../../ui/app-context';
import { formatDate } from '../../ui/dates';
import { useT } from '../../ui/i18n';
import { routeHash } from '../route';

export type RowAction = 'rename' | 'duplicate' | 'archive' | 'delete';

interface SessionRowProps {
  meta: SessionMeta;
  onAction(action: RowAction, meta: SessionMeta): void;
  /** h3 under a programme's heading; h2 in a plain list. */
  headingLevel?: 2 | 3;
}

/** One session in the list: what it is at a glance, and what can be done with it. */
export function SessionRow({ meta, onAction, headingLevel = 2 }: SessionRowProps) {
  const t = useT();
  const locale = useAppStore((state) => state.locale);
  const href = routeHash({ screen: 'session', id: meta.id });
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <li className="session-row" data-session-id={meta.id}>
      <div className="session-info">
        <Heading className="session-title">
          <a href={href}>{meta.title}</a>
        </Heading>
        <p className="session-meta">
          <span>{meta.group || t('session.noGroup')}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={meta.date}>{formatDate(meta.date, locale)}</time>
          {meta.archived && <span className="badge">{t('sessions.archivedBadge')}</span>}
        </p>
      </div>
      <div className="session-actions">
        <a className="button button-primary" href={href}>
          {t('session.open')}
        </a>
        <button type="button" className="button button-quiet" onClick={() => onAction('rename', meta)}>
          {t('session.rename')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onAction('duplicate', meta)}>
          {t('session.duplicate')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onAction('archive', meta)}>
          {t(meta.archived ? 'session.unarchive' : 'session.archive')}
        </button>
        <button type="button" className="button button-quiet button-danger" onClick={() => onAction('delete', meta)}>
          {t('session.delete')}
        </button>
      </div>
    </li>
  );
}
