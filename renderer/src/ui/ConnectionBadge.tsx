import { useAppStore } from './app-context';
import { useT } from './i18n';

/** Always visible, so the facilitator knows whether what they type reaches the host. */
export function ConnectionBadge() {
  const connection = useAppStore((state) => state.connection);
  const pending = useAppStore((state) => state.pendingCommands);
  const t = useT();
  return (
    <div className={`connection connection-${connection}`} role="status" data-state={connection} title={t(`connection.${connection}`)}>
      <span className="connection-dot" aria-hidden="true" />
      {/* Short in the bar; the full sentence is the tooltip and what a screen reader hears. */}
      <span aria-hidden="true">{t(connection === 'offline' ? 'connection.offlineShort' : `connection.${connection}`)}</span>
      <span className="visually-hidden">{t(`connection.${connection}`)}</span>
      {pending > 0 && connection !== 'online' && <span className="connection-pending">{t('connection.pending', { count: pending })}</span>}
    </div>
  );
}
