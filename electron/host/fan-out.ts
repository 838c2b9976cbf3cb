import { createHash } from 'node:crypto';
import type { Actor, SessionState } from '../../shared/domain';
import type { ErrorCode, EventMessage, HostMessage, RuleReason, StreamState } from '../../shared/protocol';
import { MAX_KNOWN_PICTURES, pictureRef, SCHEMA_VERSION, WORKSPACE_STREAM } from '../../shared/protocol';
import { ANY_PARTICIPANT, ownersOfChanges, ownersOfSession, viewOfChanges, viewOfSession, visibilityChangedIn } from '../../shared/views';
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

/** A client that would be sent more missed events than this gets a snapshot instead. */
export const MAX_REPLAY = 1000;
/**
 * How far back the host looks for missed events. Most events of a voting burst hold nothing for
 * a given phone (others' hidden dots), so a phone may be this far behind and still be sent a few.
 */
export const MAX_BEHIND = 5000;
/** Per stream, the newest events kept in memory for replays: at most MAX_BEHIND, and this many changes in all. */
const MAX_KEPT_CHANGES = 50_000;
/**
 * Phones sent an event per turn of the event loop. Sending 1,000 phones an event costs the host
 * some 15 ms of system calls; in parts, a command that arrives meanwhile (the next note, a vote) is
 * handled, and reaches the facilitator and the projector, between two parts instead of after all.
 */
const PHONES_PER_TURN = 128;

/** An event on its way to a stream's phones, a part per turn (see PHONES_PER_TURN). */
interface PhoneDelivery {
  stream: string;
  entry: Entry;
  state: SessionState;
  phones: Subscriber[];
  next: number;
}

type Snapshot = Extract<HostMessage, { t: 'snapshot' }>;

/** A message and its JSON, made once and sent to every subscriber with the same view of it. */
interface Serialised<M extends HostMessage = HostMessage> {
  message: M;
  json: string;
}

/** An event as broadcast (or read back for a replay), with its serialisation per view. */
interface Entry {
  event: EventMessage;
  /** Whether non-facilitators' view changed wholesale with it (they got a snapshot); undefined: not known yet. */
  visibilityChanged: boolean | undefined;
  /** The participants who see this event otherwise than other participants do (computed when first needed). */
  owners?: Set<string>;
  /** Per view key (see viewKey): the event as that view gets it, or null when nothing in it is visible. */
  views: Map<string, Serialised<EventMessage> | null>;
}

/** The snapshots of one stream at one sequence number, per view. */
interface SnapshotCache {
  seq: number;
  owners?: Set<string>;
  views: Map<string, Serialised<Snapshot>>;
}

/**
 * Who follows which stream, and what each of them may see of it. The engine decides what happened;
 * this decides who hears it, redacted per role (shared/views.ts), in sequence order.
 *
 * What a view sees is serialised once per view, not once per socket: the facilitator's, the
 * projector's, and the participants' — shared by every participant who owns nothing in the event
 * or snapshot, and per participant for the few who do (their own note or dot; RecordDefinition.owner).
 * A client that comes back with `sinceSeq` gets the events it missed through the same views, or a
 * snapshot when it is too far behind or when what it may see changed wholesale meanwhile.
 */
export class FanOut {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  /** Per stream, the subscribers that are not phones (facilitator windows, projectors): sent to first. */
  private readonly watchers = new Map<string, Set<Subscriber>>();
  /** Per stream, the phones that follow it by participant, so an event only its owners may see reaches just them. */
  private readonly phones = new Map<string, Map<string, Set<Subscriber>>>();
  /** Per subscriber and stream, the last sequence number it was sent (see broadcast). */
  private readonly lastSent = new WeakMap<Subscriber, Map<string, number>>();
  /** The hashes of the pictures sessions show now, so a snapshot does not hash 56 KB each time. */
  private readonly pictureHashes = new Map<string, string>();
  /** Per stream, the newest events in sequence order, for replays (bounded: MAX_BEHIND, MAX_KEPT_CHANGES). */
  private readonly logs = new Map<string, { entries: Entry[]; changes: number }>();
  private readonly snapshots = new Map<string, SnapshotCache>();
  /** Events still on their way to phones, in broadcast order: every phone gets them in sequence order. */
  private readonly toPhones: PhoneDelivery[] = [];
  private draining = false;

  constructor(private readonly source: StreamSource) {}

  /** Starts sending a stream to a subscriber: missed events when it can, else a snapshot. */
  subscribe(subscriber: Subscriber, stream: string, sinceSeq?: number): Refusal | null {
    const { actor } = subscriber;
    const refused = subscribeRefusal(actor, stream, stream === WORKSPACE_STREAM || this.source.stateOf(stream) !== undefined);
    if (refused) return refused;
    const set = this.subscribers.get(stream) ?? new Set<Subscriber>();
    this.subscribers.set(stream, set);
    set.add(subscriber);
    if (actor.role !== 'participant') {
      const watching = this.watchers.get(stream) ?? new Set<Subscriber>();
      this.watchers.set(stream, watching);
      watching.add(subscriber);
    }
    if (actor.role === 'participant' && actor.participantId !== null) {
      const byParticipant = this.phones.get(stream) ?? new Map<string, Set<Subscriber>>();
      this.phones.set(stream, byParticipant);
      const own = byParticipant.get(actor.participantId) ?? new Set<Subscriber>();
      byParticipant.set(actor.participantId, own);
      own.add(subscriber);
    }
    const seq = this.source.seqOf(stream);
    if (sinceSeq !== undefined && this.replay(subscriber, stream, sinceSeq, seq)) return null;
    this.sendSnapshot(subscriber, stream, seq);
    this.sentSeq(subscriber).set(stream, seq);
    return null;
  }

  unsubscribe(subscriber: Subscriber, stream?: string): void {
    for (const name of stream !== undefined ? [stream] : [...this.subscribers.keys()]) {
      this.subscribers.get(name)?.delete(subscriber);
      this.watchers.get(name)?.delete(subscriber);
      const { participantId } = subscriber.actor;
      if (subscriber.actor.role !== 'participant' || participantId === null) continue;
      const byParticipant = this.phones.get(name);
      const own = byParticipant?.get(participantId);
      own?.delete(subscriber);
      if (own?.size === 0) byParticipant?.delete(participantId);
    }
  }

  /**
   * Sends an event to a stream's subscribers: the facilitator and the projector first (the room is
   * looking at the projector), then the phones. Phones and the projector get only what they may see;
   * an event with nothing visible is not sent at all, and the next one carries `fromSeq` so the
   * client knows it missed nothing. A burst of 1,250 hidden votes so reaches each phone once, not 1,250 times.
   */
  broadcast(stream: string, event: EventMessage, visibilityChanged = false): void {
    const entry = this.keep(stream, event, visibilityChanged);
    const set = this.subscribers.get(stream);
    if (!set) return;
    const state = stream === WORKSPACE_STREAM ? undefined : (this.source.stateOf(stream) as SessionState | undefined);
    const watching = this.watchers.get(stream);
    for (const subscriber of watching ?? []) this.deliver(subscriber, stream, entry, state);
    if (!state || set.size === (watching?.size ?? 0)) return;
    const byParticipant = this.phones.get(stream);
    const owners: Subscriber[] = [];
    for (const owner of this.ownersOf(entry)) {
      for (const phone of byParticipant?.get(owner) ?? []) {
        owners.push(phone);
        // Judged now, on the state this event left, like the view every other phone gets.
        this.view(entry, phone.actor, state);
      }
    }
    // Nothing in it for participants in general: only its owners' phones may get something.
    const all = visibilityChanged || this.view(entry, ANY_PARTICIPANT, state) !== null;
    const phones = all ? [...set].filter((subscriber) => subscriber.actor.role === 'participant') : owners;
    if (phones.length === 0) return;
    // The phone it came from first (its note, its dot), unless others' events are still on their way to it.
    if (this.toPhones.length === 0) for (const phone of owners) this.deliver(phone, stream, entry, state);
    this.toPhones.push({ stream, entry, state, phones, next: 0 });
    this.drain();
  }

  /** Sends the queued events to phones, PHONES_PER_TURN a turn, in order; the rest in the next turn. */
  private drain(): void {
    if (this.draining) return;
    let budget = PHONES_PER_TURN;
    while (budget > 0) {
      const delivery = this.toPhones[0];
      if (!delivery) return;
      const { phones, stream, entry, state } = delivery;
      const end = Math.min(phones.length, delivery.next + budget);
      const following = this.subscribers.get(stream);
      for (let index = delivery.next; index < end; index += 1) {
        const phone = phones[index] as Subscriber;
        if (following?.has(phone)) this.deliver(phone, stream, entry, state);
      }
      budget -= end - delivery.next;
      delivery.next = end;
      if (end === phones.length) this.toPhones.shift();
    }
    if (this.toPhones.length === 0) return;
    this.draining = true;
    setImmediate(() => {
      this.draining = false;
      this.drain();
    });
  }

  /** A deleted session's subscribers are told, and forgotten. */
  drop(stream: string): void {
    for (let index = this.toPhones.length - 1; index >= 0; index -= 1) if (this.toPhones[index]?.stream === stream) this.toPhones.splice(index, 1);
    this.logs.delete(stream);
    this.snapshots.delete(stream);
    this.phones.delete(stream);
    this.watchers.delete(stream);
    const set = this.subscribers.get(stream);
    if (!set) return;
    for (const subscriber of set) subscriber.send(refusal(null, 'not_found', `Session ${stream} was deleted`));
    this.subscribers.delete(stream);
  }

  /**
   * Answers a subscribe with `sinceSeq` with the events missed since, each as the live fan-out
   * would have sent it, and a closing `replayed`. False when a snapshot must do: too far behind,
   * events no longer at hand, or (for all but the facilitator) a wholesale change of what it may see.
   */
  private replay(subscriber: Subscriber, stream: string, sinceSeq: number, seq: number): boolean {
    if (sinceSeq > seq || seq - sinceSeq > MAX_BEHIND) return false;
    const entries = this.missed(stream, sinceSeq, seq);
    if (!entries) return false;
    const state = stream === WORKSPACE_STREAM ? undefined : (this.source.stateOf(stream) as SessionState | undefined);
    if (state && subscriber.actor.role !== 'facilitator') {
      if (entries.some((entry) => entry.visibilityChanged === undefined)) {
        // Read back from the database: judged by walking back from the current state.
        const changed = visibilityChangedIn(state, entries.map((entry) => entry.event));
        if (changed) return false;
        for (const entry of entries) entry.visibilityChanged ??= false;
      }
      if (entries.some((entry) => entry.visibilityChanged)) return false;
    }
    let visible = 0;
    for (const entry of entries) if (this.view(entry, subscriber.actor, state) !== null && ++visible > MAX_REPLAY) return false;
    const sent = this.sentSeq(subscriber);
    sent.set(stream, sinceSeq);
    for (const entry of entries) this.deliver(subscriber, stream, entry, state);
    subscriber.send({ t: 'replayed', stream, fromSeq: sent.get(stream) ?? sinceSeq, seq });
    sent.set(stream, seq);
    return true;
  }

  /** The events after `sinceSeq` up to `seq`, from memory or else from the database; null when not all are there. */
  private missed(stream: string, sinceSeq: number, seq: number): Entry[] | null {
    if (seq === sinceSeq) return [];
    const log = this.logs.get(stream);
    const first = log?.entries[0]?.event.seq;
    const current = log !== undefined && first !== undefined && log.entries.at(-1)?.event.seq === seq;
    if (current && first <= sinceSeq + 1) return log.entries.slice(sinceSeq + 1 - first);
    // What memory does not hold comes from the database, and is kept for the next phone that comes back.
    const upTo = current ? first - 1 : seq;
    const stored = this.source.eventsSince(stream, sinceSeq, upTo - sinceSeq);
    if (stored.length !== upTo - sinceSeq || stored[0]?.seq !== sinceSeq + 1) return null;
    const read: Entry[] = stored.map((event) => ({ event: { t: 'event', ...event }, visibilityChanged: undefined, views: new Map() }));
    const changes = read.reduce((sum, entry) => sum + entry.event.changes.length, 0);
    const entries = current ? [...read, ...log.entries] : read;
    this.logs.set(stream, { entries: [...entries], changes: current ? log.changes + changes : changes });
    this.trim(this.logs.get(stream) as { entries: Entry[]; changes: number });
    return entries;
  }

  /** Remembers a broadcast event for replays; a gap in the sequence (never expected) starts afresh. */
  private keep(stream: string, event: EventMessage, visibilityChanged: boolean): Entry {
    const entry: Entry = { event, visibilityChanged, views: new Map() };
    let log = this.logs.get(stream);
    const last = log?.entries.at(-1)?.event.seq;
    if (!log || last !== event.seq - 1) {
      log = { entries: [], changes: 0 };
      this.logs.set(stream, log);
    }
    log.entries.push(entry);
    log.changes += event.changes.length;
    this.trim(log);
    return entry;
  }

  private trim(log: { entries: Entry[]; changes: number }): void {
    while (log.entries.length > 1 && (log.entries.length > MAX_BEHIND || log.changes > MAX_KEPT_CHANGES)) {
      log.changes -= (log.entries.shift() as Entry).event.changes.length;
    }
  }

  /** Sends one event to one subscriber as its view has it, with `fromSeq` when events were skipped. */
  private deliver(subscriber: Subscriber, stream: string, entry: Entry, state: SessionState | undefined): void {
    const { event } = entry;
    const sent = this.sentSeq(subscriber);
    const last = sent.get(stream) ?? event.seq - 1;
    // Already in what it was sent (a snapshot or a replay that came first).
    if (last >= event.seq) return;
    if (state && entry.visibilityChanged && subscriber.actor.role !== 'facilitator') {
      // What it sees changed wholesale: the stream as it is now, which also holds the events after this one.
      const seq = this.source.seqOf(stream);
      this.sendSnapshot(subscriber, stream, seq);
      sent.set(stream, seq);
      return;
    }
    const view = this.view(entry, subscriber.actor, state);
    if (view === null) return;
    if (last === event.seq - 1) subscriber.send(view.message, view.json);
    // The same view with `fromSeq` added at the end, as `{ ...event, fromSeq }` would serialise.
    else subscriber.send({ ...view.message, fromSeq: last }, `${view.json.slice(0, -1)},"fromSeq":${last}}`);
    sent.set(stream, event.seq);
  }

  /** The event as an actor may see it, made once per view; null when nothing in it is visible to them. */
  private view(entry: Entry, actor: Actor, state: SessionState | undefined): Serialised<EventMessage> | null {
    const key = state ? this.viewKey(actor, () => this.ownersOf(entry)) : 'all';
    const cached = entry.views.get(key);
    if (cached !== undefined) return cached;
    let made: Serialised<EventMessage> | null;
    if (key === 'all') made = { message: entry.event, json: JSON.stringify(entry.event) };
    else {
      const changes = viewOfChanges(state as SessionState, entry.event.changes, key === 'participant' ? ANY_PARTICIPANT : actor);
      const message = { ...entry.event, changes };
      made = changes.length === 0 ? null : { message, json: JSON.stringify(message) };
    }
    entry.views.set(key, made);
    return made;
  }

  /**
   * Which view an actor has: the facilitator sees all; every projector the same; participants the
   * same, except one who owns something in what is viewed (their own note or dot) has a view of their own.
   */
  private viewKey(actor: Actor, owners: () => Set<string>): string {
    if (actor.role === 'facilitator') return 'all';
    if (actor.role === 'participant' && actor.participantId !== null && owners().has(actor.participantId)) return `participant:${actor.participantId}`;
    return actor.role;
  }

  private ownersOf(entry: Entry): Set<string> {
    entry.owners ??= ownersOfChanges(entry.event.changes);
    return entry.owners;
  }

  private snapshotFor(stream: string, actor: Actor, seq: number): Snapshot {
    const state = this.source.stateOf(stream) as StreamState;
    if (stream === WORKSPACE_STREAM) return { t: 'snapshot', stream, seq, schemaVersion: SCHEMA_VERSION, state };
    return { t: 'snapshot', stream, seq, schemaVersion: SCHEMA_VERSION, state: viewOfSession(state as SessionState, actor) };
  }

  /**
   * A snapshot, with the session's picture sent ahead once and referred to by its hash. Made once per
   * view and stream position (cached while the stream stays at that sequence number).
   */
  private sendSnapshot(subscriber: Subscriber, stream: string, seq: number): void {
    const known = subscriber.pictures;
    const state = this.source.stateOf(stream) as StreamState;
    const picture = stream === WORKSPACE_STREAM ? null : (state as SessionState).template.background;
    const apart = known !== undefined && picture?.startsWith('data:') === true;
    if (apart) {
      const hash = this.hashOf(picture as string);
      if (!known.has(hash)) {
        subscriber.send({ t: 'picture', hash, dataUrl: picture as string });
        known.add(hash);
        for (const old of known) {
          if (known.size <= MAX_KNOWN_PICTURES) break;
          known.delete(old);
        }
      }
    }
    const snapshot = this.snapshotView(stream, subscriber.actor, seq, apart);
    subscriber.send(snapshot.message, snapshot.json);
  }

  private snapshotView(stream: string, actor: Actor, seq: number, apart: boolean): Serialised<Snapshot> {
    // A snapshot labelled with an earlier event's seq (a group's deferred broadcast) is not kept.
    const current = this.source.seqOf(stream);
    let cache = this.snapshots.get(stream);
    if (seq === current && cache?.seq !== current) {
      cache = { seq: current, views: new Map() };
      this.snapshots.set(stream, cache);
    }
    const keep = seq === current ? cache : undefined;
    const key = `${stream === WORKSPACE_STREAM ? 'all' : this.viewKey(actor, () => this.sessionOwners(stream, keep))}${apart ? '|apart' : ''}`;
    const cached = keep?.views.get(key);
    if (cached) return cached;
    const viewer = key.startsWith('participant|') || key === 'participant' ? ANY_PARTICIPANT : actor;
    let snapshot = this.snapshotFor(stream, viewer, seq);
    if (apart) {
      const state = snapshot.state as SessionState;
      snapshot = { ...snapshot, state: { ...state, template: { ...state.template, background: pictureRef(this.hashOf(state.template.background as string)) } } };
    }
    const made = { message: snapshot, json: JSON.stringify(snapshot) };
    keep?.views.set(key, made);
    return made;
  }

  private sessionOwners(stream: string, cache: SnapshotCache | undefined): Set<string> {
    if (cache?.owners) return cache.owners;
    const owners = ownersOfSession(this.source.stateOf(stream) as SessionState);
    if (cache) cache.owners = owners;
    return owners;
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

  private sentSeq(subscriber: Subscriber): Map<string, number> {
    let sent = this.lastSent.get(subscriber);
    if (!sent) {
      sent = new Map();
      this.lastSent.set(subscriber, sent);
    }
    return sent;
  }
}
