import { createHash } from 'node:crypto';
import type { Actor, SessionState } from '../../shared/domain';
import type { ErrorCode, EventMessage, HostMessage, RuleReason, StreamState } from '../../shared/protocol';
import { MAX_KNOWN_PICTURES, pictureRef, SCHEMA_VERSION, WORKSPACE_STREAM } from '../../shared/protocol';
import { viewOfChanges, viewOfSession } from '../../shared/views';
import type { StoredEvent } from './db/event-store';

/** Someone who receives a stream's events: a facilitator window, a projector, a phone. */
export interface Subscriber {
  readonly actor: Actor;
  /** `json` is the message already serialised, when it is shared by many subscribers. */
  send(message: HostMessage, json?: string): void;
  /**
   * The pictures this subscriber has (by hash), when it takes them apart from snapshots
   * (PICTURE_REF_PREFIX): a snapshot then holds a reference, and each picture is sent it once.
   * Undefined for a client that never asked: it gets its pictures inline.
   */
  readonly pictures?: Set<string>;
}

export type Refusal = Extract<HostMessage, { t: 'error' }>;
export const refusal = (id: string | null, code: ErrorCode, message: string, reason?: RuleReason): Refusal => ({
  t: 'error',
  id,
  code,
  message,
  ...(reason ? { reason } : {}),
});

/** What the fan-out reads from the engine; it never changes a stream itself. */
export interface StreamSource {
  seqOf(stream: string): number;
  /** The stream's current state, or undefined when there is no such stream. */
  stateOf(stream: string): StreamState | undefined;
  eventsSince(stream: string, seq: number, limit: number): StoredEvent[];
}

/**
 * Why a subscriber may not follow a stream, if it may not. Also asked before a subscribe waits its
 * turn (socket-sender.ts), so a refusal is answered at once and in order.
 */
export function subscribeRefusal(actor: Actor, stream: string, exists: boolean): Refusal | null {
  if (stream === WORKSPACE_STREAM && actor.role === 'participant') return refusal(null, 'forbidden', 'Participants cannot see the sessions list');
  if (!exists) return refusal(null, 'not_found', `Session ${stream} does not exist`);
  return null;
}

/** A client further behind than this gets a snapshot instead of the missed events. */
const MAX_REPLAY = 1000;

/**
 * Who follows which stream, and what each of them may see of it. The engine decides what happened;
 * this decides who hears it, redacted per role (shared/views.ts), in sequence order.
 */
export class FanOut {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  /** Per subscriber and stream, the last sequence number it was sent (see broadcast). */
  private readonly lastSent = new WeakMap<Subscriber, Map<string, number>>();
  /** The hashes of the pictures sessions show now, so a snapshot does not hash 56 KB each time. */
  private readonly pictureHashes = new Map<string, string>();

  constructor(private readonly source: StreamSource) {}

  /** Starts sending a stream to a subscriber: missed events when it can, else a snapshot. */
  subscribe(subscriber: Subscriber, stream: string, sinceSeq?: number): Refusal | null {
    const { actor } = subscriber;
    const refused = subscribeRefusal(actor, stream, stream === WORKSPACE_STREAM || this.source.stateOf(stream) !== undefined);
    if (refused) return refused;
    const set = this.subscribers.get(stream) ?? new Set<Subscriber>();
    this.subscribers.set(stream, set);
    set.add(subscriber);
    const seq = this.source.seqOf(stream);
    // Only the facilitator replays events: for others, what is visible may have changed meanwhile.
    if (sinceSeq !== undefined && sinceSeq <= seq && actor.role === 'facilitator' && seq - sinceSeq <= MAX_REPLAY) {
      for (const event of this.source.eventsSince(stream, sinceSeq, MAX_REPLAY)) subscriber.send({ t: 'event', ...event });
      this.sentSeq(subscriber).set(stream, seq);
      return null;
    }
    this.sendSnapshot(subscriber, stream, seq);
    this.sentSeq(subscriber).set(stream, seq);
    return null;
  }

  unsubscribe(subscriber: Subscriber, stream?: string): void {
    if (stream !== undefined) {
      this.subscribers.get(stream)?.delete(subscriber);
      return;
    }
    for (const set of this.subscribers.values()) set.delete(subscriber);
  }

  /**
   * Sends an event to a stream's subscribers: the facilitator and the projector first (the room is
   * looking at the projector), then the phones. Phones and the projector get only what they may see;
   * an event with nothing visible is not sent at all, and the next one carries `fromSeq` so the
   * client knows it missed nothing. A burst of 1,250 hidden votes so reaches each phone once, not 1,250 times.
   */
  broadcast(stream: string, event: EventMessage, visibilityChanged = false): void {
    const set = this.subscribers.get(stream);
    if (!set) return;
    const state = stream === WORKSPACE_STREAM ? undefined : (this.source.stateOf(stream) as SessionState | undefined);
    let shared: string | undefined;
    const phones: Subscriber[] = [];
    for (const subscriber of set) {
      if (subscriber.actor.role === 'participant') phones.push(subscriber);
      else if (subscriber.actor.role === 'facilitator' || !state) {
        shared ??= JSON.stringify(event);
        subscriber.send(event, shared);
      } else this.sendView(subscriber, stream, event, state, visibilityChanged);
    }
    if (!state) return;
    for (const phone of phones) this.sendView(phone, stream, event, state, visibilityChanged);
  }

  /** A deleted session's subscribers are told, and forgotten. */
  drop(stream: string): void {
    const set = this.subscribers.get(stream);
    if (!set) return;
    for (const subscriber of set) subscriber.send(refusal(null, 'not_found', `Session ${stream} was deleted`));
    this.subscribers.delete(stream);
  }

  private snapshotFor(stream: string, actor: Actor, seq: number): Extract<HostMessage, { t: 'snapshot' }> {
    const state = this.source.stateOf(stream) as StreamState;
    if (stream === WORKSPACE_STREAM) return { t: 'snapshot', stream, seq, schemaVersion: SCHEMA_VERSION, state };
    return { t: 'snapshot', stream, seq, schemaVersion: SCHEMA_VERSION, state: viewOfSession(state as SessionState, actor) };
  }

  /** A snapshot, with the session's picture sent ahead once and referred to by its hash. */
  private sendSnapshot(subscriber: Subscriber, stream: string, seq: number): void {
    const snapshot = this.snapshotFor(stream, subscriber.actor, seq);
    const known = subscriber.pictures;
    const state = snapshot.state as SessionState;
    const picture = stream === WORKSPACE_STREAM ? null : state.template.background;
    if (!known || !picture?.startsWith('data:')) {
      subscriber.send(snapshot);
      return;
    }
    const hash = this.hashOf(picture);
    if (!known.has(hash)) {
      subscriber.send({ t: 'picture', hash, dataUrl: picture });
      known.add(hash);
      for (const old of known) {
        if (known.size <= MAX_KNOWN_PICTURES) break;
        known.delete(old);
      }
    }
    subscriber.send({ ...snapshot, state: { ...state, template: { ...state.template, background: pictureRef(hash) } } });
  }

  private hashOf(picture: string): string {
    let hash = this.pictureHashes.get(picture);
    if (hash === undefined) {
      hash = createHash('sha256').update(picture).digest('hex');
      if (this.pictureHashes.size >= MAX_KNOWN_PICTURES) this.pictureHashes.clear();
      this.pictureHashes.set(picture, hash);
    }
    return hash;
  }

  private sendView(subscriber: Subscriber, stream: string, event: EventMessage, state: SessionState, visibilityChanged: boolean): void {
    const sent = this.sentSeq(subscriber);
    if (visibilityChanged) {
      this.sendSnapshot(subscriber, stream, event.seq);
      sent.set(stream, event.seq);
      return;
    }
    const changes = viewOfChanges(state, event.changes, subscriber.actor);
    if (changes.length === 0) return;
    const last = sent.get(stream) ?? event.seq - 1;
    subscriber.send(last === event.seq - 1 ? { ...event, changes } : { ...event, changes, fromSeq: last });
    sent.set(stream, event.seq);
  }

  private sentSeq(subscriber: Subscriber): Map<string, number> {
    let sent = this.lastSent.get(subscriber);
    if (!sent) {
      sent = new Map();
      this.lastSent.set(subscriber, sent);
    }
    return sent;
  }
}
