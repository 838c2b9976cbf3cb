import type { CommandMessage } from '../../../shared/protocol';
import { type HostError, ClientStoppedError } from './errors';

export interface Ack {
  id: string;
  stream: string;
  seq: number;
}

interface Entry {
  message: CommandMessage;
  resolve(ack: Ack): void;
  reject(error: Error): void;
}

/**
 * Commands the host has not answered yet, in the order they were sent. They are re-sent with the
 * same ids after a reconnect: the host acknowledges a repeated id again without applying it twice,
 * so nothing typed while the wifi dropped is lost or doubled.
 */
export class Outbox {
  private readonly entries = new Map<string, Entry>();

  add(message: CommandMessage): Promise<Ack> {
    return new Promise<Ack>((resolve, reject) => {
      this.entries.set(message.id, { message, resolve, reject });
    });
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Oldest first, so the host applies them in the order the user made them. */
  messages(): CommandMessage[] {
    return [...this.entries.values()].map((entry) => entry.message);
  }

  acknowledge(ack: Ack): boolean {
    const entry = this.entries.get(ack.id);
    if (!entry) return false;
    this.entries.delete(ack.id);
    entry.resolve(ack);
    return true;
  }

  refuse(id: string, error: HostError): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    entry.reject(error);
    return true;
  }

  rejectAll(reason: string): void {
    for (const entry of this.entries.values()) entry.reject(new ClientStoppedError(reason));
    this.entries.clear();
  }
}
