import { useEffect, useMemo, useState } from 'react';
import type { RoomDisplay, RoomMessage } from '../../../shared/protocol';
import { type PageRole, socketUrl } from '../client';
import { RoomSocket } from './room-socket';

export interface RoomHandle {
  /** null until the host answered (or while the connection is down). */
  status: RoomMessage | null;
  open(interfaceAddress?: string): boolean;
  close(): boolean;
  /** A new join code; phones already in stay in. */
  newCode(): boolean;
  showOnProjector(show: boolean): boolean;
  /** The projector's look and language, for every projector of the session however it was opened. */
  setDisplay(display: RoomDisplay): boolean;
}

/** The room of one session as this page (facilitator or projector) sees it, live. */
export function useRoom(sessionId: string, role: PageRole): RoomHandle {
  const [status, setStatus] = useState<RoomMessage | null>(null);
  const socket = useMemo(() => new RoomSocket(socketUrl(window.location, role), sessionId, setStatus), [sessionId, role]);
  useEffect(() => {
    socket.start();
    return () => {
      socket.stop();
      setStatus(null);
    };
  }, [socket]);
  return useMemo(
    () => ({
      status,
      open: (interfaceAddress) => socket.send('open', { interfaceAddress }),
      close: () => socket.send('close'),
      newCode: () => socket.send('rotate'),
      showOnProjector: (show) => socket.send(show ? 'show' : 'hide'),
      setDisplay: (display) => socket.send('display', { display }),
    }),
    [status, socket],
  );
}
