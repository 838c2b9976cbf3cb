import { type Change, applyChanges, applyChangesInPlace, invertChanges, keepEntityMaps } from '../../shared/changes';
import { COLLECTION_KEYS, type Actor, type SessionMeta, type SessionState, type WorkspaceState } from '../../shared/domain';
import { type StepCheck, UndoHistory } from '../../shared/history';
import type { CommandMessage, EventMessage, HostMessage } from '../../shared/protocol';
import { WORKSPACE_STREAM } from '../../shared/protocol';
import { applyCommand, type CommandInput, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../shared/reducer';
import { createSessionState } from '../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET } from '../../shared/templates';
import { visibilityKey } from '../../shared/views';
import { strandedInZone } from '../../shared/zones';
import { personOf } from '../../shared/rules';
import { actionChangesFor } from '../../shared/review';
import { WORKSPACE_COLLECTION_KEYS } from '../../shared/records/index';
import type { EventStore, RecordRow, RecordStamp } from './db/event-store';
import { FanOut, type Refusal, refusal, type Subscriber } from './fan-out';
import { type DerivedChange, type SessionEffect, sessionEffectsOf, themeZoneRenames } from './session-effects';

export type { Subscriber } from './fan-out';

const WORKSPACE_COLLECTIONS = WORKSPACE_COLLECTION_KEYS;
const EMPTY_WORKSPACE = Object.fromEntries(WORKSPACE_COLLECTION_KEYS.map((key) => [key, {}])) as unknown as WorkspaceState;
const HISTORY_COMMANDS = new Set(['history.undo', 'history.redo']);

/**
 * Undo and redo never leave a note, cluster, point or text in a zone the session no longer has:
 * undoing zones.arrange after a phone wrote into a zone it made is refused, like any step whose
 * items were changed since.
 */
const keepsZoneContents: StepCheck = (state, inverse) => {
  const session = state as SessionState;
  const zoneId = strandedInZone(session, inverse);
  if (zoneId === null) return null;
  const name = session.template.zones.find((zone) => zone.id === zoneId)?.name ?? zoneId;
  return `zone "${name}" holds notes, points or text written since; move or delete them first`;
};

interface SessionCommit {
  id: string;
  stream: string;
  loaded: LoadedSession;
  type: string;
  actor: Actor;
  changes: Change[];
  /** visibilityKey of the state before the changes were applied. */
  visibleBefore: string;
  applied: boolean;
}

/** Changes that already carry their revisions (from an archive), one stamp per change. */
export interface StampedChanges {
  changes: Change[];
  stamps: RecordStamp[];
}

/** What merging an archive does, worked out beforehand by export/importer.ts. */
export interface MergePlan {
  workspace: StampedChanges;
  created: ({ id: string; state: SessionState } & StampedChanges)[];
  merged: ({ id: string } & StampedChanges)[];
  deleted: string[];
}

interface JournalEntry {
  loaded: LoadedSession;
  changes: Change[];
  seq: number;
}

/** What became of one command of a group: its reply and what it broadcasts, or what went wrong. */
export type GroupOutcome = { reply: HostMessage; effects: (() => void)[] } | { error: unknown };

interface LoadedSession {
  state: SessionState;
  seq: number;
  history: UndoHistory;
}

/**
 * The one source of truth. Every command from any client goes through `handle`:
 * validate (schema → role → domain rule, in the shared reducer) → persist (one SQLite transaction
 * with the state rows and the event) → acknowledge → broadcast with the stream's next sequence number.
 */
export class Engine {
  private workspaceState: WorkspaceState;
  private workspaceSeq: number;
  /** The facilitator's undo for the workspace's undoable commands (themes and the lead's texts). */
  private readonly workspaceHistory: UndoHistory;
  private readonly sessions = new Map<string, LoadedSession>();
  private readonly fanOut = new FanOut({
    seqOf: (stream) => this.seqOf(stream),
    stateOf: (stream) => (stream === WORKSPACE_STREAM ? this.workspaceState : this.loadSession(stream)?.state),
    eventsSince: (stream, seq, limit) => this.store.eventsSince(stream, seq, limit),
  });
  /** What the running transaction applied to in-memory sessions, to undo if it fails. */
  private journal: JournalEntry[] | null = null;
  /** While a group of commands runs (see handleGroup), what they would broadcast waits for the commit. */
  private deferred: (() => void)[] | null = null;
  /** A session's state for what reads one by id (workspace commands, session effects). */
  private readonly sessionOf = (sessionId: string) => this.loadSession(sessionId)?.state;

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => number = Date.now,
  ) {
    if (!store.stream(WORKSPACE_STREAM)) store.createStream(WORKSPACE_STREAM, 'workspace');
    this.workspaceState = store.loadState(WORKSPACE_STREAM, EMPTY_WORKSPACE, WORKSPACE_COLLECTIONS);
    this.workspaceSeq = store.stream(WORKSPACE_STREAM)?.seq ?? 0;
    this.workspaceHistory = this.historyFromLog(WORKSPACE_STREAM);
  }

  get workspace(): WorkspaceState {
    return this.workspaceState;
  }

  session(id: string): SessionState | undefined {
    return this.loadSession(id)?.state;
  }

  seqOf(stream: string): number {
    return stream === WORKSPACE_STREAM ? this.workspaceSeq : (this.loadSession(stream)?.seq ?? 0);
  }

  /** Handles one command and returns the acknowledgement or the refusal for its sender. */
  handle(message: CommandMessage, actor: Actor): HostMessage {
    const { id, stream } = message;
    if (actor.role === 'participant' && stream === WORKSPACE_STREAM) {
      return refusal(id, 'forbidden', 'Participants cannot change the programmes, sessions or actions');
    }
    const earlier = this.store.findCommand(id);
    if (earlier) {
      // A retry after a lost acknowledgement: acknowledge again, apply nothing.
      return earlier.stream === stream
        ? { t: 'ack', id, stream, seq: earlier.seq }
        : refusal(id, 'conflict', `Command id ${id} was already used on another stream`);
    }
    const baseSeq = message.baseSeq;
    if (baseSeq !== undefined && baseSeq > this.seqOf(stream)) {
      return refusal(id, 'stale_sequence', `baseSeq ${baseSeq} is ahead of stream ${stream}`);
    }
    const input = message.command as CommandInput;
    return stream === WORKSPACE_STREAM ? this.handleWorkspace(id, input, actor) : this.handleSession(id, stream, input, actor);
  }

  private handleWorkspace(id: string, input: CommandInput, actor: Actor): HostMessage {
    if (HISTORY_COMMANDS.has(input.type)) return this.handleWorkspaceHistory(id, input, actor);
    const outcome = applyCommand(WORKSPACE_COMMANDS, this.workspaceState, input, { actor, now: this.clock(), session: this.sessionOf });
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message, outcome.reason);
    if (outcome.undoable && actor.role === 'facilitator') this.workspaceHistory.record(outcome.changes);
    const seq = this.workspaceSeq + 1;
    const derived: SessionEffect[] = [];
    this.atomically(() => {
      this.store.append({ stream: WORKSPACE_STREAM, seq, commandId: id, type: input.type, role: actor.role, at: this.clock(), changes: outcome.changes });
      for (const change of outcome.changes) derived.push(...sessionEffectsOf(this.workspaceState, input, change, this.sessionOf));
      for (const effect of derived) {
        if (effect.newSession) {
          this.store.createStream(effect.stream, 'session');
          this.store.writeState(effect.stream, effect.newSession, COLLECTION_KEYS, this.clock());
        } else if (effect.deleted) {
          this.store.deleteStream(effect.stream);
        } else {
          this.writeDerived(id, effect);
        }
      }
    });
    this.workspaceState = outcome.state;
    this.workspaceSeq = seq;
    this.broadcast(WORKSPACE_STREAM, { t: 'event', stream: WORKSPACE_STREAM, seq, commandId: id, type: input.type, changes: outcome.changes });
    for (const effect of derived) {
      if (effect.newSession) {
        this.remember(effect.stream, { state: effect.newSession, seq: 0, history: new UndoHistory() });
        continue;
      }
      if (effect.deleted) {
        // Only now that the deletion is on disk are the session's subscribers told and let go.
        this.sessions.delete(effect.stream);
        this.dropStream(effect.stream);
        continue;
      }
      this.announceDerived(id, effect);
    }
    return { t: 'ack', id, stream: WORKSPACE_STREAM, seq };
  }

  /**
   * Undo and redo on the workspace: only its undoable commands are in the history (themes and the
   * lead's texts), none of which touch the sessions list, so a step never creates or drops a session.
   */
  private handleWorkspaceHistory(id: string, input: CommandInput, actor: Actor): HostMessage {
    if (actor.role !== 'facilitator') return refusal(id, 'forbidden', `${actor.role} may not send ${input.type}`);
    if (Object.keys(input).length > 1) return refusal(id, 'invalid_payload', `${input.type} takes no fields`);
    const history = this.workspaceHistory;
    const outcome = input.type === 'history.undo' ? history.undo(this.workspaceState) : history.redo(this.workspaceState);
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message);
    const derived = outcome.changes.flatMap((change) => this.themeZoneRenames(change));
    let event: EventMessage | null = null;
    this.atomically(() => {
      event = this.appendWorkspace(id, input.type, outcome.changes);
      for (const effect of derived) this.writeDerived(id, effect);
    });
    const written = event as unknown as EventMessage;
    this.broadcast(WORKSPACE_STREAM, written);
    for (const effect of derived) this.announceDerived(id, effect);
    return { t: 'ack', id, stream: WORKSPACE_STREAM, seq: written.seq };
  }

  /** Zones named after a theme follow its title (session-effects.ts). */
  private themeZoneRenames(change: Change): DerivedChange[] {
    return themeZoneRenames(this.workspaceState, change, this.sessionOf);
  }

  /** Writes what a workspace change causes in a session (inside the workspace command's transaction). */
  private writeDerived(commandId: string, effect: DerivedChange): void {
    const loaded = this.loadSession(effect.stream);
    if (loaded && effect.changes.length > 0) this.appendSessionEvent(loaded, effect.stream, `${commandId}:meta`, 'meta.sync', 'facilitator', effect.changes);
  }

  /** Tells a session's subscribers what a workspace change caused in it, once it is on disk. */
  private announceDerived(commandId: string, effect: DerivedChange): void {
    const loaded = this.sessions.get(effect.stream);
    const event = { stream: effect.stream, seq: loaded?.seq ?? 0, commandId: `${commandId}:meta`, type: 'meta.sync', changes: effect.changes };
    if (loaded && effect.changes.length > 0) this.broadcast(effect.stream, { t: 'event', ...event });
  }

  private handleSession(id: string, stream: string, input: CommandInput, sender: Actor): HostMessage {
    const loaded = this.loadSession(stream);
    if (!loaded) return refusal(id, 'not_found', `Session ${stream} does not exist`);
    const actor = asPerson(loaded.state, sender);
    if (HISTORY_COMMANDS.has(input.type)) return this.handleHistory(id, stream, loaded, input, actor);
    const visibleBefore = visibilityKey(loaded.state);
    // In place: the host owns this state, and copying thousands of notes per command costs more than the command.
    const outcome = applyCommand(SESSION_COMMANDS, loaded.state, input, { actor, now: this.clock(), workspace: this.workspaceState }, true);
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message, outcome.reason);
    this.commitSession({ id, stream, loaded, type: input.type, actor, changes: outcome.changes, visibleBefore, applied: true });
    if (outcome.undoable && actor.role === 'facilitator') loaded.history.record(outcome.changes);
    return { t: 'ack', id, stream, seq: loaded.seq };
  }

  private handleHistory(id: string, stream: string, loaded: LoadedSession, input: CommandInput, actor: Actor): HostMessage {
    if (actor.role !== 'facilitator') return refusal(id, 'forbidden', `${actor.role} may not send ${input.type}`);
    if (Object.keys(input).length > 1) return refusal(id, 'invalid_payload', `${input.type} takes no fields`);
    const outcome = input.type === 'history.undo' ? loaded.history.undo(loaded.state, keepsZoneContents) : loaded.history.redo(loaded.state, keepsZoneContents);
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message);
    const visibleBefore = visibilityKey(loaded.state);
    this.commitSession({ id, stream, loaded, type: input.type, actor, changes: outcome.changes, visibleBefore, applied: false });
    return { t: 'ack', id, stream, seq: loaded.seq };
  }

  private commitSession(commit: SessionCommit): void {
    const { id, stream, loaded, type, actor, changes, visibleBefore, applied } = commit;
    const metaChanges = changes.filter((change) => change.key === 'meta');
    const listEvents: EventMessage[] = [];
    this.atomically(() => {
      this.appendSessionEvent(loaded, stream, id, type, actor.role, changes, applied);
      if (metaChanges.length > 0) listEvents.push(this.syncListEntry(id, loaded.state.meta));
      // A review decision (or its undo) moves the programme's action in the same transaction.
      const actionChanges = actionChangesFor(this.workspaceState, changes, this.clock());
      if (actionChanges.length > 0) listEvents.push(this.appendWorkspace(`${id}:actions`, 'action.sync', actionChanges));
    });
    const event: EventMessage = { t: 'event', stream, seq: loaded.seq, commandId: id, type, changes };
    this.broadcast(stream, event, visibleBefore !== visibilityKey(loaded.state));
    // Only after the commit: no client may see an event that is not on disk.
    for (const listEvent of listEvents) this.broadcast(WORKSPACE_STREAM, listEvent);
  }

  /**
   * One SQLite transaction. The work also moves the in-memory state along (appendSessionEvent,
   * syncListEntry); if the transaction fails — a disk error, or a command id that collides with
   * one the host derives (`id:list`, `id:meta`) — memory is put back, so it never runs ahead of disk.
   */
  private atomically(work: () => void): void {
    // Inside a group this is a savepoint of the group's transaction (better-sqlite3 nests them).
    const outer = this.journal;
    const rollback = this.memoryCheckpoint();
    this.journal = [];
    try {
      this.store.transaction(work);
    } catch (error) {
      rollback(this.journal);
      this.journal = outer;
      throw error;
    }
    outer?.push(...this.journal);
    this.journal = outer;
  }

  /** Returns how to put memory back as it is now, given what was applied since (newest last). */
  private memoryCheckpoint(): (applied: JournalEntry[]) => void {
    const sessions = [...this.sessions];
    const workspace = { state: this.workspaceState, seq: this.workspaceSeq };
    return (applied) => {
      // Session states are changed in place: undo what was applied, newest first.
      for (const entry of [...applied].reverse()) {
        applyChangesInPlace(entry.loaded.state, invertChanges(entry.changes));
        entry.loaded.seq = entry.seq;
      }
      this.sessions.clear();
      for (const [key, loaded] of sessions) this.sessions.set(key, loaded);
      this.workspaceState = workspace.state;
      this.workspaceSeq = workspace.seq;
    };
  }

  /**
   * Group commit: commands that arrived together, applied one after the other in arrival order
   * exactly as `handle` does, but written in one SQLite transaction, each command in a savepoint of
   * its own (a refused or failing command changes nothing of the others). Nothing is broadcast or
   * acknowledged before the transaction commits; if the commit fails, memory is put back and every
   * command of the group gets the error. One fsync then serves the whole group.
   */
  handleGroup(items: readonly { message: CommandMessage; actor: Actor }[]): GroupOutcome[] {
    const rollback = this.memoryCheckpoint();
    const journal: JournalEntry[] = [];
    const outcomes: GroupOutcome[] = [];
    const deferred: (() => void)[] = [];
    this.journal = journal;
    this.deferred = deferred;
    try {
      this.store.transaction(() => {
        for (const { message, actor } of items) {
          try {
            const reply = this.handle(message, actor);
            outcomes.push({ reply, effects: deferred.splice(0) });
          } catch (error) {
            deferred.length = 0;
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      rollback(journal);
      return items.map(() => ({ error }));
    } finally {
      this.journal = null;
      this.deferred = null;
    }
    return outcomes;
  }

  /** A stream's records with their revisions, tombstones included (archives and merging). */
  recordRows(stream: string): RecordRow[] {
    return this.store.recordRows(stream);
  }

  /** This laptop's device id: the last part of every revision it stamps. */
  get deviceId(): string {
    return this.store.deviceId;
  }

  /**
   * Applies a merge worked out by export/importer.ts in one transaction, persisted and broadcast like
   * a command: the workspace's records as one event, each new session as a stream with its records,
   * each merged session as one event on its stream, deleted sessions dropped. The records keep the
   * revisions they came with, so every laptop that merges the same archives ends with the same rows.
   */
  applyMerge(commandId: string, plan: MergePlan): void {
    // What this laptop changes next must sort after everything it has now seen.
    for (const part of [plan.workspace, ...plan.created, ...plan.merged]) for (const stamp of part.stamps) this.store.revisions.observe(stamp.rev);
    const targets = plan.merged.flatMap(({ id, changes, stamps }) => {
      const loaded = this.loadSession(id);
      return loaded ? [{ id, loaded, changes, stamps, before: visibilityKey(loaded.state), commandId: `${commandId}:${id}` }] : [];
    });
    const seq = this.workspaceSeq + 1;
    const type = 'archive.import';
    const { workspace } = plan;
    this.atomically(() => {
      if (workspace.changes.length > 0) {
        this.store.append({ stream: WORKSPACE_STREAM, seq, commandId, type, role: 'facilitator', at: this.clock(), changes: workspace.changes, stamps: workspace.stamps });
        this.workspaceState = applyChanges(this.workspaceState, workspace.changes);
        this.workspaceSeq = seq;
      }
      for (const created of plan.created) {
        this.store.createStream(created.id, 'session');
        this.store.writeStamped(created.id, created.changes, created.stamps);
      }
      for (const id of plan.deleted) this.store.deleteStream(id);
      for (const t of targets) this.appendSessionEvent(t.loaded, t.id, t.commandId, type, 'facilitator', t.changes, false, t.stamps);
    });
    for (const created of plan.created) this.remember(created.id, { state: created.state, seq: 0, history: new UndoHistory() });
    for (const id of plan.deleted) {
      this.sessions.delete(id);
      this.dropStream(id);
    }
    if (workspace.changes.length > 0) this.broadcast(WORKSPACE_STREAM, { t: 'event', stream: WORKSPACE_STREAM, seq, commandId, type, changes: workspace.changes });
    for (const t of targets) {
      const event: EventMessage = { t: 'event', stream: t.id, seq: t.loaded.seq, commandId: t.commandId, type, changes: t.changes };
      this.broadcast(t.id, event, t.before !== visibilityKey(t.loaded.state));
    }
  }

  /** `applied`: the reducer already wrote the changes into the state (in place). */
  private appendSessionEvent(loaded: LoadedSession, stream: string, commandId: string, type: string, role: string, changes: Change[], applied = false, stamps?: RecordStamp[]): void {
    if (!applied) applyChangesInPlace(loaded.state, changes);
    this.journal?.push({ loaded, changes, seq: loaded.seq });
    const seq = loaded.seq + 1;
    this.store.append({ stream, seq, commandId, type, role, at: this.clock(), changes, ...(stamps ? { stamps } : {}) });
    loaded.seq = seq;
  }

  /** Keeps the sessions list in step when a session's own title, group or date changes. */
  private syncListEntry(commandId: string, meta: SessionMeta): EventMessage {
    const changes: Change[] = [{ key: 'sessions', id: meta.id, before: this.workspaceState.sessions[meta.id] ?? null, after: meta }];
    return { ...this.appendWorkspace(`${commandId}:list`, 'session.sync', changes), commandId };
  }

  /** Writes changes a session command causes in the workspace (inside the command's transaction). */
  private appendWorkspace(commandId: string, type: string, changes: Change[]): EventMessage {
    const seq = this.workspaceSeq + 1;
    this.store.append({ stream: WORKSPACE_STREAM, seq, commandId, type, role: 'facilitator', at: this.clock(), changes });
    this.workspaceState = applyChanges(this.workspaceState, changes);
    this.workspaceSeq = seq;
    return { t: 'event', stream: WORKSPACE_STREAM, seq, commandId, type, changes };
  }

  private loadSession(id: string): LoadedSession | undefined {
    const cached = this.sessions.get(id);
    if (cached) return cached;
    const row = this.store.stream(id);
    if (row?.kind !== 'session') return undefined;
    const meta = this.workspaceState.sessions[id];
    if (!meta) return undefined;
    const empty = createSessionState(meta, LEMNISCATE_IK_WIJ_HET);
    return this.remember(id, { state: this.store.loadState(id, empty, COLLECTION_KEYS), seq: row.seq, history: this.historyFromLog(id) });
  }

  /** A session's state is written in place from now on, and read whole by every phone's note: see keepEntityMaps. */
  private remember(id: string, loaded: LoadedSession): LoadedSession {
    keepEntityMaps(loaded.state, COLLECTION_KEYS);
    this.sessions.set(id, loaded);
    return loaded;
  }

  /** The facilitator's undo history as it was before the host last stopped, from the session's log. */
  private historyFromLog(id: string): UndoHistory {
    const history = new UndoHistory();
    const commands = id === WORKSPACE_STREAM ? WORKSPACE_COMMANDS : SESSION_COMMANDS;
    // Twice the history's length: undos and redos in the window use up steps too.
    for (const event of this.store.recentEvents(id, history.limit * 2)) history.replay(event, commands.get(event.type)?.undoable === true);
    return history;
  }

  // ---- subscriptions: see fan-out.ts --------------------------------------------------------

  /** Starts sending a stream to a subscriber: missed events when it can, else a snapshot. */
  subscribe(subscriber: Subscriber, stream: string, sinceSeq?: number): Refusal | null {
    return this.fanOut.subscribe(subscriber, stream, sinceSeq);
  }

  unsubscribe(subscriber: Subscriber, stream?: string): void {
    this.fanOut.unsubscribe(subscriber, stream);
  }

  private broadcast(stream: string, event: EventMessage, visibilityChanged = false): void {
    if (this.deferred) this.deferred.push(() => this.fanOut.broadcast(stream, event, visibilityChanged));
    else this.fanOut.broadcast(stream, event, visibilityChanged);
  }

  private dropStream(stream: string): void {
    if (this.deferred) this.deferred.push(() => this.fanOut.drop(stream));
    else this.fanOut.drop(stream);
  }
}

/**
 * A phone whose participant was merged into another (the same person, joined twice) acts as that
 * person, also in the moment before the host closes its socket and it connects again as them.
 */
function asPerson(state: SessionState, actor: Actor): Actor {
  if (actor.role !== 'participant' || actor.participantId === null) return actor;
  const person = personOf(state, actor.participantId);
  return person === null || person === actor.participantId ? actor : { ...actor, participantId: person };
}
