import { useEffect, useSyncExternalStore } from 'react';
import { projectorContrast, subscribeProjectorContrast } from '../facilitator/board/projector-link';
import { useAppStore } from '../ui/app-context';
import type { RoomHandle } from './use-room';

/**
 * The facilitator's screen tells the host how the projector should look and speak (its contrast
 * choice and this screen's language) whenever either changes or the host does not have them yet
 * (a new start, a new connection), so a projector opened anywhere follows.
 */
export function useProjectorDisplay(room: RoomHandle): void {
  const contrast = useSyncExternalStore(subscribeProjectorContrast, projectorContrast);
  const locale = useAppStore((state) => state.locale);
  const told = room.status?.display;
  const connected = room.status !== null;
  useEffect(() => {
    if (!connected || (told?.contrast === contrast && told.locale === locale)) return;
    room.setDisplay({ contrast, locale });
  }, [connected, told?.contrast, told?.locale, contrast, locale, room]);
}
