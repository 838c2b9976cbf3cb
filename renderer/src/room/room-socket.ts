import type { HostMessage, RoomAction, RoomDisplay, RoomMessage } from '../../../shared/protocol';
import { Backoff } from '../client/backoff';

/**
 * A small connection of its own for the room of one session: the facilitator opens and closes it,
 * the projector listens. The host tells every connection that asked about a room of each change,
 * so the beamer shows the QR code the moment the room opens. Reconnects by itself; asks again then.
 */
export class RoomSocket {
  private socket: WebSocket | null = null;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly backoff = new Backoff();

  constructor(
    private readonly url: string,
    private readonly sessionId: string,
    private readonly onStatus: (status: RoomMessage | null) => void,
    private readonly createSocket: (url: string) => WebSocket = (url) => new WebSocket(url),
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      if (socket.readyState === 1) socket.close();
      else socket.onopen = () => socket.close();
    }
  }

  /** Sends a room request; false when there is no connection right now (the caller may show that). */
  send(action: RoomAction, extra: { interfaceAddress?: string | undefined; display?: RoomDisplay } = {}): boolean {
    const socket = this.socket;
    if (socket?.readyState !== 1) return false;
    const { interfaceAddress, display } = extra;
    socket.send(JSON.stringify({ t: 'room', action, sessionId: this.sessionId, ...(interfaceAddress ? { interfaceAddress } : {}), ...(display ? { display } : {}) }));
    return true;
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.backoff.reset();
      this.send('status');
    };
    socket.onmessage = (event) => {
      let message: HostMessage;
      try {
        message = JSON.parse(String(event.data)) as HostMessage;
      } catch {
        return;
      }
      if (message.t === 'room' && message.sessionId === this.sessionId) this.onStatus(message);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.onStatus(null);
      this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => this.connect(), this.backoff.next());
  }
}
