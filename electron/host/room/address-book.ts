import { RateLimiter } from '../rate-limit';

/** Limits for everything that arrives over the network, counted per remote address. */
export interface AddressLimits {
  /** Open TCP connections (page loads, joins and WebSockets together). */
  connections: number;
  /** Open WebSockets. */
  sockets: number;
  messageBurst: number;
  messagesPerSecond: number;
  joinBurst: number;
  joinsPerSecond: number;
}

/**
 * Generous enough for one person's phone with a flaky connection (a socket per reconnect, a
 * queue sent in one go), tight enough that one device opening many sockets gains nothing: its
 * sockets share one message budget on top of each socket's own (connection.ts). A phone's browser
 * opens a handful of connections for a page; 1,100 half-sent requests from one device, which once
 * locked every other phone out, stop at 32.
 */
export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  connections: 32,
  sockets: 16,
  messageBurst: 400,
  messagesPerSecond: 200,
  joinBurst: 20,
  joinsPerSecond: 0.5,
};

export interface AddressEntry {
  sockets: number;
  messages: RateLimiter;
  joins: RateLimiter;
}

export class AddressBook {
  private readonly entries = new Map<string, AddressEntry>();

  constructor(private readonly limits: AddressLimits) {}

  entry(address: string): AddressEntry {
    let entry = this.entries.get(address);
    if (!entry) {
      entry = {
        sockets: 0,
        messages: new RateLimiter(this.limits.messageBurst, this.limits.messagesPerSecond),
        joins: new RateLimiter(this.limits.joinBurst, this.limits.joinsPerSecond),
      };
      this.entries.set(address, entry);
    }
    return entry;
  }

  get socketLimit(): number {
    return this.limits.sockets;
  }
}

