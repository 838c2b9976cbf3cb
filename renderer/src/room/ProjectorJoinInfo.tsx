import { useEffect } from 'react';
import type { Id } from '../../../shared/domain';
import type { RoomDisplay } from '../../../shared/protocol';
import { WALL_OBSTACLE } from '../canvas/wall-space';
import { useT } from '../ui/i18n';
import { QrCode, spacedCode, typedAddress } from './QrCode';
import { useRoom } from './use-room';
import './room.css';

/**
 * On the beamer while the room is open on the network: the QR code, the join code and the address,
 * large enough for the back of the room; or, when the facilitator tucks it away, small in a corner
 * for whoever comes in late. Nothing while the room is closed. Through the same connection the
 * projector hears how the facilitator wants it to look and speak (`onDisplay`).
 */
export function ProjectorJoinInfo({ sessionId, onDisplay }: { sessionId: Id; onDisplay(display: RoomDisplay | null): void }) {
  const t = useT();
  const { status } = useRoom(sessionId, 'projector');
  const contrast = status?.display?.contrast ?? null;
  const locale = status?.display?.locale ?? null;
  useEffect(() => onDisplay(contrast === null || locale === null ? null : { contrast, locale }), [contrast, locale, onDisplay]);
  if (!status?.open || !status.joinUrl || !status.joinCode) return null;
  const address = typedAddress(status.joinUrl);
  if (!status.showJoinInfo) {
    return (
      <aside className="join-corner" data-testid="join-corner" {...WALL_OBSTACLE} aria-label={t('room.projectorTitle')}>
        <QrCode className="join-corner-qr" text={status.joinUrl} label={t('room.qrLabel')} />
        <div>
          <p className="join-corner-code">{spacedCode(status.joinCode)}</p>
          <p className="join-corner-address">{address}</p>
        </div>
      </aside>
    );
  }
  return (
    <aside className="join-large" data-testid="join-large" aria-label={t('room.projectorTitle')}>
      <div className="join-large-card">
        <QrCode className="join-large-qr" text={status.joinUrl} label={t('room.qrLabel')} />
        <div className="join-large-text">
          <h2 className="join-large-title">{t('room.projectorTitle')}</h2>
          <p className="join-large-step">{t('room.projectorScan')}</p>
          <p className="join-large-step">{t('room.projectorOr')}</p>
          <p className="join-large-address" data-testid="join-address">
            {address}
          </p>
          <p className="join-large-step">{t('room.projectorCode')}</p>
          <p className="join-large-code" data-testid="join-code">
            {spacedCode(status.joinCode)}
          </p>
          <p className="join-large-wifi">{t('room.projectorWifi')}</p>
        </div>
      </div>
    </aside>
  );
}
