import { useAppStore } from './app-context';
import { useT } from './i18n';

/**
 * Stays in view while the host can only read its database (a read-only file): everything shows
 * and exports, but no change can be saved, so the facilitator must know before trying.
 */
export function StorageBanner() {
  const readOnly = useAppStore((state) => state.readOnly);
  const t = useT();
  if (!readOnly) return null;
  return (
    <p className="notice notice-storage" role="alert" data-testid="storage-banner">
      {t('storage.banner.read_only')}
    </p>
  );
}
