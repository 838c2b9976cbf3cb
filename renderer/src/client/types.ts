import type { TypedCommand } from '../../../shared/commands/index';
import type { Role } from '../../../shared/domain';
import type { EventMessage, StreamState } from '../../../shared/protocol';
import type { BackoffOptions } from './backoff';
import type { HostError } from './errors';

/** `outdated`: the host speaks another protocol or record version; the page must be reloaded. */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'outdated';

export interface Welcome {
  role: Role;
  participantId: string | null;
  serverTime: number;
  /** The host can only read its database: show it, and expect `read_only` for every change. */
  readOnly: boolean;
  /** The facilitator's only: what a projector page of its own connects with (it can watch, nothing more). */
  projectorToken?: string;
}

/** What a subscriber of one stream receives: whole states, then the events after them in order. */
export interface StreamHandlers {
  snapshot(state: StreamState, seq: number): void;
  event(event: EventMessage): void;
}

/** A command as the host's registry declares it: an unknown name or field is a compile error. */
export type CommandInput = TypedCommand;

/** An error from the host that answers no command (a refused subscribe, a malformed frame). */
export type HostErrorListener = (error: HostError) => void;

export interface ClientOptions {
  url: string;
  createSocket?: (url: string) => WebSocket;
  backoff?: BackoffOptions;
  /** How often the client checks the line; a host silent for a whole interval plus pongTimeoutMs is presumed gone. */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** A connection that has not said welcome by then is given up and tried again. */
  connectTimeoutMs?: number;
  makeId?: () => string;
  /** After the host throttled this client, wait this long before sending unanswered commands again. */
  resendDelayMs?: number;
}
