import { useEffect, useId, useState } from 'react';
import type { Id } from '../../../shared/domain';
import { useAppStore } from '../ui/app-context';
import { useT } from '../ui/i18n';
import { useCommand } from '../ui/use-command';
import { ModerationQueue } from './ModerationQueue';
import { QrCode, spacedCode, typedAddress } from './QrCode';
import type { RoomHandle } from './use-room';

/** Open the room for phones on a chosen network, show its code, close it; and moderation. */
export function RoomPanel({ sessionId, room }: { sessionId: Id; room: RoomHandle }) {
  const t = useT();
  const { status } = room;
  const [chosen, setChosen] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const pickerName = useId();
  const addresses = status?.addresses ?? [];

  useEffect(() => {
    if (chosen === null || !addresses.some((candidate) => candidate.address === chosen)) setChosen(addresses[0]?.address ?? null);
  }, [addresses, chosen]);

  const act = (sent: boolean) => setUnsent(!sent);

  if (!status) {
    return <p className="room-muted">{t('room.connecting')}</p>;
  }
  const onNetwork = status.joinUrl !== null;
  return (
    <div className="room-panel" data-testid="room-panel">
      {onNetwork && status.joinUrl && status.joinCode ? (
        <div className="room-open">
          <QrCode className="room-qr" text={status.joinUrl} label={t('room.qrLabel')} />
          <div className="room-open-text">
            <p className="room-label">{t('room.code')}</p>
            <p className="room-code" data-testid="room-code">
              {spacedCode(status.joinCode)}
            </p>
            <p className="room-connected" data-testid="room-connected" data-count={status.connected} aria-live="polite">
              {t(status.connected === 1 ? 'room.connectedOne' : 'room.connected', { count: status.connected })}
            </p>
            <p className="room-label">{t('room.address')}</p>
            <p className="room-address" data-testid="room-address">
              {typedAddress(status.joinUrl)}
            </p>
            <label className="room-check">
              <input type="checkbox" checked={status.showJoinInfo} onChange={(event) => act(room.showOnProjector(event.target.checked))} />
              {t('room.showLarge')}
            </label>
            <button type="button" className="button button-quiet room-new-code" data-testid="room-new-code" title={t('room.newCodeHint')} onClick={() => act(room.newCode())}>
              {t('room.newCode')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="room-intro">{status.open ? t('room.openLocalOnly') : t('room.intro')}</p>
          {addresses.length === 0 ? (
            <p className="room-problem" role="alert">
              {t('room.noNetwork')}
            </p>
          ) : (
            addresses.length > 1 && (
              <fieldset className="field room-networks">
                <legend className="field-label">{t('room.whichNetwork')}</legend>
                <span className="field-hint">{t('room.whichNetworkHint')}</span>
                {addresses.map((candidate) => (
                  <label key={candidate.address} className="room-network">
                    <input
                      type="radio"
                      name={pickerName}
                      value={candidate.address}
                      checked={candidate.address === chosen}
                      onChange={() => setChosen(candidate.address)}
                    />
                    <span>
                      <strong>{candidate.name}</strong> · {candidate.address}
                    </span>
                  </label>
                ))}
              </fieldset>
            )
          )}
          {status.problem === 'address_unavailable' && (
            <p className="room-problem" role="alert">
              {t('room.addressUnavailable')}
            </p>
          )}
        </>
      )}
      {status.codeChanged !== null && (
        <p className={status.codeChanged === 'guessing' ? 'room-problem' : 'room-muted'} role="status" data-testid="room-code-changed">
          {t(status.codeChanged === 'guessing' ? 'room.codeChangedGuessing' : 'room.codeChangedFacilitator')}
        </p>
      )}
      {unsent && (
        <p className="room-problem" role="alert">
          {t('room.notConnected')}
        </p>
      )}
      {!onNetwork && (
        <div className="room-buttons">
          <button
            type="button"
            className="button button-primary button-large"
            data-testid="room-open"
            disabled={chosen === null}
            onClick={() => act(room.open(chosen ?? undefined))}
          >
            {status.open ? t('room.putOnNetwork') : t('room.open')}
          </button>
        </div>
      )}
      {status.open && (
        // Closing drops every phone at once: it asks first, and stands apart from the dialog's "Sluiten".
        <section className="room-danger-zone" aria-label={t('room.close')}>
          {confirmClose ? (
            <>
              <p className="room-problem" role="alert">
                {t('room.closeQuestion', { count: status.connected })}
              </p>
              <div className="room-buttons">
                <button
                  type="button"
                  className="button button-danger-solid"
                  data-testid="room-close-confirm"
                  onClick={() => {
                    setConfirmClose(false);
                    act(room.close());
                  }}
                >
                  {t('room.closeYes')}
                </button>
                <button type="button" className="button button-quiet" data-testid="room-close-cancel" onClick={() => setConfirmClose(false)}>
                  {t('form.cancel')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="room-muted">{t('room.closeHint')}</p>
              <button type="button" className="button button-quiet button-danger" data-testid="room-close" onClick={() => setConfirmClose(true)}>
                {t('room.close')}
              </button>
            </>
          )}
        </section>
      )}
      <Moderation sessionId={sessionId} />
    </div>
  );
}

function Moderation({ sessionId }: { sessionId: Id }) {
  const t = useT();
  const run = useCommand();
  const moderation = useAppStore((state) => state.session?.settings.moderation === true);
  return (
    <section className="room-moderation">
      <label className="room-check">
        <input
          type="checkbox"
          data-testid="moderation-toggle"
          checked={moderation}
          onChange={(event) => void run(sessionId, { type: 'settings.update', moderation: event.target.checked })}
        />
        {t('moderation.setting')}
      </label>
      <p className="room-muted">{t('moderation.settingHint')}</p>
      <ModerationQueue sessionId={sessionId} />
    </section>
  );
}
