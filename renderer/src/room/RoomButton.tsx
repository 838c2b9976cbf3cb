import { useState } from 'react';
import type { Id } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { Dialog } from '../ui/Dialog';
import { useT } from '../ui/i18n';
import { pendingNotes } from './moderation';
import { RoomPanel } from './RoomPanel';
import type { RoomHandle } from './use-room';
import './room.css';

/**
 * "Ruimte": the facilitator's one button for phones. It shows whether the room is open and how
 * many notes wait for approval; it opens the room panel. The room's connection is the session
 * screen's (use-room.ts), so the state stays live while the panel is closed.
 */
export function RoomButton({ sessionId, room }: { sessionId: Id; room: RoomHandle }) {
  const t = useT();
  const waiting = useAppStore((state) => (state.session ? pendingNotes(state.session).length : 0));
  const [panelOpen, setPanelOpen] = useState(false);
  const status = room.status;
  const onNetwork = status?.joinUrl != null;
  return (
    <>
      <button
        type="button"
        className="button button-quiet room-button"
        data-testid="room-button"
        data-room={status?.open ? (onNetwork ? 'network' : 'local') : 'closed'}
        onClick={() => setPanelOpen(true)}
        title={t('room.buttonHint')}
      >
        <span className={`room-light${onNetwork ? ' room-light-on' : ''}`} aria-hidden="true" />
        {onNetwork && status?.joinCode ? t('room.buttonOpen', { code: status.joinCode }) : t('room.button')}
        {waiting > 0 && (
          <span className="room-badge" title={t('moderation.waiting', { count: waiting })}>
            {waiting}
          </span>
        )}
      </button>
      {panelOpen && (
        <Dialog title={t('room.title')} onClose={() => setPanelOpen(false)}>
          <RoomPanel sessionId={sessionId} room={room} />
          <div className="dialog-buttons">
            <button type="button" className="button button-quiet" onClick={() => setPanelOpen(false)}>
              {t('form.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
