import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Actor } from '../../../shared/domain';
import { CLOSE_CODES } from '../../../shared/protocol';
import { type ConnectionServices, serveConnection } from '../connection';
import type { RateLimiter } from '../rate-limit';

/** Frames above this are cut off by ws itself; between 64 KiB and this they get a too_large answer. */
const MAX_FRAME_BYTES = 1024 * 1024;

export interface SocketOwner {
  actor: Actor;
  /** The session a phone belongs to; null for the facilitator and the projector. */
  scope: string | null;
  /** A message budget shared with the other sockets of the same address (phones on the network). */
  shared?: RateLimiter;
  /** A phone's own participant, when its token's participant was merged into the actor since. */
  joinedAs?: string;
}

interface PhoneSocket {
  /** Who the phone acts as (the actor). */
  person: string | null;
  /** The participant its token was bought for. */
  joinedAs: string | null;
}

/**
 * The WebSockets of the host, from both listeners: each becomes a connection (connection.ts), and
 * the phones among them are kept per session so that closing a room drops them at once.
 */
export class RoomSockets {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** Per session, its phones' open sockets and whose each is. */
  private readonly phones = new Map<string, Map<WebSocket, PhoneSocket>>();
  private readonly changeListeners: ((sessionId: string) => void)[] = [];

  constructor(private readonly services: ConnectionServices) {}

  /**
   * People with a phone connected to the session now: one person's two sockets (a reload, a second
   * tab) count once, so the count is of people, not of devices.
   */
  connectedPeople(sessionId: string): string[] {
    const people = new Set<string>();
    for (const { person } of this.phones.get(sessionId)?.values() ?? []) if (person !== null) people.add(person);
    return [...people].sort();
  }

  /**
   * A participant merged into another, or a merge undone: the phones that joined as them connect
   * again, and act as whoever their token stands for from then on.
   */
  reconnectParticipant(sessionId: string, participantId: string): void {
    for (const [ws, phone] of this.phones.get(sessionId) ?? []) {
      if (phone.joinedAs === participantId || phone.person === participantId) ws.close(CLOSE_CODES.merged, 'merged');
    }
  }

  /** Hears of every phone that connects to or leaves a session. */
  onPhonesChange(listener: (sessionId: string) => void): void {
    this.changeListeners.push(listener);
  }

  /** Completes a checked upgrade; `opened` hears of the socket (the LAN listener keeps its own). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, owner: SocketOwner, opened?: (ws: WebSocket) => void): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      const { scope } = owner;
      if (scope !== null) {
        const sockets = this.phones.get(scope) ?? new Map<WebSocket, PhoneSocket>();
        this.phones.set(scope, sockets);
        sockets.set(ws, { person: owner.actor.participantId, joinedAs: owner.joinedAs ?? owner.actor.participantId });
        this.changed(scope);
        ws.once('close', () => {
          sockets.delete(ws);
          if (sockets.size === 0 && this.phones.get(scope) === sockets) this.phones.delete(scope);
          this.changed(scope);
        });
      }
      opened?.(ws);
      serveConnection(ws, this.services, owner.actor, scope, owner.shared);
    });
  }

  /**
   * A phone whose token has ended (its room was closed) or never was: the socket opens and closes
   * at once with roomClosed, because a browser cannot read an HTTP refusal of an upgrade, and the
   * phone must learn that it has to join again rather than retry for ever.
   */
  refuseParticipant(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      ws.close(CLOSE_CODES.roomClosed, 'participation ended');
    });
  }

  /** Every phone of the session is out at once, not at its next message. */
  closeRoom(sessionId: string): void {
    for (const ws of this.phones.get(sessionId)?.keys() ?? []) ws.close(CLOSE_CODES.roomClosed, 'room closed');
  }

  private changed(sessionId: string): void {
    for (const listener of this.changeListeners) listener(sessionId);
  }

  closeAll(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }
}
