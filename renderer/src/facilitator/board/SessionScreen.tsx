import { useEffect } from 'react';
import type { Id } from '../../../../shared/domain';
import { followSession } from '../../store/sync';
import { useAppStore, useClient, useStoreApi } from '../../ui/app-context';
import { ConnectionBadge } from '../../ui/ConnectionBadge';
import { formatDate } from '../../ui/dates';
import { useT } from '../../ui/i18n';
import { LocaleSwitch } from '../../ui/LocaleSwitch';
import { StorageBanner } from '../../ui/StorageBanner';
import { useCommand } from '../../ui/use-command';
import { RoomButton } from '../../room/RoomButton';
import { useProjectorDisplay } from '../../room/use-projector-display';
import { PresenceContext } from '../../room/presence';
import { useRoom } from '../../room/use-room';
import { SessionHarvest } from '../../harvest/SessionHarvest';
import { routeHash } from '../route';
import { Board } from './Board';
import { rememberActiveSession } from '../../ui/active-session';
import { SessionFlow } from '../../session-flow/SessionFlow';

/** Screen 2: one session open on the canvas. */
export function SessionScreen({ sessionId }: { sessionId: Id }) {
  const t = useT();
  const client = useClient();
  const store = useStoreApi();
  const run = useCommand();
  const session = useAppStore((state) => state.session);
  const listed = useAppStore((state) => state.workspace?.sessions[sessionId]);
  const workspaceLoaded = useAppStore((state) => state.workspace !== null);
  const locale = useAppStore((state) => state.locale);

  useEffect(() => {
    rememberActiveSession(sessionId);
    return followSession(client, store, sessionId);
  }, [client, store, sessionId]);

  const meta = session?.meta ?? listed;
  const gone = workspaceLoaded && !listed;
  const archived = listed?.archived ?? false;
  // A database the host can only read is shown like an archived session: to look at, not to change.
  const locked = useAppStore((state) => state.readOnly) || archived;
  // One connection for the room: its button and dialog, and the board's Q.
  const room = useRoom(sessionId, 'facilitator');
  useProjectorDisplay(room);

  return (
    <div className="page page-board">
      <div className="appbar">
        <a className="button button-quiet back" href={routeHash({ screen: 'sessions' })}>
          <span aria-hidden="true">← </span>
          {t('board.back')}
        </a>
        {meta && (
          <div className="board-title">
            <h1>{meta.title}</h1>
            <p>
              {meta.group || t('session.noGroup')} · <time dateTime={meta.date}>{formatDate(meta.date, locale)}</time>
            </p>
          </div>
        )}
        <div className="appbar-end">
          {session && !gone && !locked && <RoomButton sessionId={sessionId} room={room} />}
          {!gone && <SessionHarvest sessionId={sessionId} />}
          <ConnectionBadge />
          <LocaleSwitch />
        </div>
      </div>
      <StorageBanner />
      {archived && <p className="notice">{t('session.archivedNotice')}</p>}
      {gone ? (
        <p className="empty">{t('session.gone')}</p>
      ) : session ? (
        <PresenceContext.Provider value={room.status?.present ?? null}>
          <SessionFlow sessionId={sessionId} session={session} readOnly={locked} run={run}>
            <Board sessionId={sessionId} session={session} readOnly={locked} run={run} room={room} />
          </SessionFlow>
        </PresenceContext.Provider>
      ) : (
        <p className="empty">{t('session.loading')}</p>
      )}
    </div>
  );
}
