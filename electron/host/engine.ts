import { type Change, applyChanges, applyChangesInPlace, invertChanges } from '../../shared/changes';
import { COLLECTION_KEYS, type Actor, type SessionMeta, type SessionState, type WorkspaceState } from '../../shared/domain';
import { UndoHistory } from '../../shared/history';
import type { CommandMessage, EventMessage, HostMessage } from '../../shared/protocol';
import { WORKSPACE_STREAM } from '../../shared/protocol';
import { applyCommand, type CommandInput, SESSION_COMMANDS, WORKSPACE_COMMANDS } from '../../shared/reducer';
import { createSessionState, prepareNextSession } from '../../shared/session-factory';
import { LEMNISCATE_IK_WIJ_HET, resolveTemplate } from '../../shared/templates';
import { visibilityKey } from '../../shared/views';
import type { EventStore } from './db/event-store';
import { FanOut, type Refusal, refusal, type Subscriber } from './fan-out';

export type { Subscriber } from './fan-out';

const WORKSPACE_COLLECTIONS = ['programmes', 'sessions'] as const;
const EMPTY_WORKSPACE: WorkspaceState = { programmes: {}, sessions: {} };
const HISTORY_COMMANDS = new Set(['history.undo', 'history.redo']);

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
  private readonly sessions = new Map<string, LoadedSession>();
  private readonly fanOut = new FanOut({
    seqOf: (stream) => this.seqOf(stream),
    stateOf: (stream) => (stream === WORKSPACE_STREAM ? this.workspaceState : this.loadSession(stream)?.state),
    eventsSince: (stream, seq, limit) => this.store.eventsSince(stream, seq, limit),
  });
  /** What the running transaction applied to in-memory sessions, to undo if it fails. */
  private journal: { loaded: LoadedSession; changes: Change[]; seq: number }[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => number = Date.now,
  ) {
    if (!store.stream(WORKSPACE_STREAM)) store.createStream(WORKSPACE_STREAM, 'workspace');
    this.workspaceState = store.loadState(WORKSPACE_STREAM, EMPTY_WORKSPACE, WORKSPACE_COLLECTIONS);
    this.workspaceSeq = store.stream(WORKSPACE_STREAM)?.seq ?? 0;
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
      return refusal(id, 'forbidden', 'Participants cannot change the sessions list');
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
    const outcome = applyCommand(WORKSPACE_COMMANDS, this.workspaceState, input, { actor, now: this.clock() });
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message, outcome.reason);
    const seq = this.workspaceSeq + 1;
    const derived: { stream: string; changes: Change[]; newSession?: SessionState }[] = [];
    this.atomically(() => {
      this.store.append({ stream: WORKSPACE_STREAM, seq, commandId: id, type: input.type, role: actor.role, at: this.clock(), changes: outcome.changes });
      for (const change of outcome.changes) derived.push(...this.sessionSideOf(input, change));
      for (const effect of derived) {
        if (effect.newSession) {
          this.store.createStream(effect.stream, 'session');
          this.store.writeState(effect.stream, effect.newSession, COLLECTION_KEYS);
        } else if (effect.changes.length > 0) {
          const loaded = this.loadSession(effect.stream);
          if (loaded) this.appendSessionEvent(loaded, effect.stream, `${id}:meta`, 'meta.sync', 'facilitator', effect.changes);
        }
      }
    });
    this.workspaceState = outcome.state;
    this.workspaceSeq = seq;
    this.broadcast(WORKSPACE_STREAM, { t: 'event', stream: WORKSPACE_STREAM, seq, commandId: id, type: input.type, changes: outcome.changes });
    for (const effect of derived) {
      if (effect.newSession) {
        this.sessions.set(effect.stream, { state: effect.newSession, seq: 0, history: new UndoHistory() });
        continue;
      }
      const loaded = this.sessions.get(effect.stream);
      const event = { stream: effect.stream, seq: loaded?.seq ?? 0, commandId: `${id}:meta`, type: 'meta.sync', changes: effect.changes };
      if (loaded && effect.changes.length > 0) this.broadcast(effect.stream, { t: 'event', ...event });
    }
    return { t: 'ack', id, stream: WORKSPACE_STREAM, seq };
  }

  /** What a change to the sessions list means for the session's own stream. */
  private sessionSideOf(input: CommandInput, change: Change): { stream: string; changes: Change[]; newSession?: SessionState }[] {
    if (change.key !== 'sessions' || change.id === null) return [];
    const meta = change.after as SessionMeta | null;
    if (meta === null) {
      this.store.deleteStream(change.id);
      this.sessions.delete(change.id);
      this.dropStream(change.id);
      return [];
    }
    if (change.before === null) {
      const template = resolveTemplate(this.workspaceState, String(input.templateId)) ?? LEMNISCATE_IK_WIJ_HET;
      const source = input.type === 'session.duplicate' ? this.loadSession(String(input.sourceId))?.state : undefined;
      const state = source ? prepareNextSession(source, meta) : createSessionState(meta, template);
      return [{ stream: change.id, changes: [], newSession: state }];
    }
    const loaded = this.loadSession(change.id);
    if (!loaded) return [];
    return [{ stream: change.id, changes: [{ key: 'meta', id: null, before: loaded.state.meta, after: meta }] }];
  }

  private handleSession(id: string, stream: string, input: CommandInput, actor: Actor): HostMessage {
    const loaded = this.loadSession(stream);
    if (!loaded) return refusal(id, 'not_found', `Session ${stream} does not exist`);
    if (HISTORY_COMMANDS.has(input.type)) return this.handleHistory(id, stream, loaded, input, actor);
    const visibleBefore = visibilityKey(loaded.state);
    // In place: the host owns this state, and copying thousands of notes per command costs more than the command.
    const outcome = applyCommand(SESSION_COMMANDS, loaded.state, input, { actor, now: this.clock() }, true);
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message, outcome.reason);
    this.commitSession({ id, stream, loaded, type: input.type, actor, changes: outcome.changes, visibleBefore, applied: true });
    if (outcome.undoable && actor.role === 'facilitator') loaded.history.record(outcome.changes);
    return { t: 'ack', id, stream, seq: loaded.seq };
  }

  private handleHistory(id: string, stream: string, loaded: LoadedSession, input: CommandInput, actor: Actor): HostMessage {
    if (actor.role !== 'facilitator') return refusal(id, 'forbidden', `${actor.role} may not send ${input.type}`);
    if (Object.keys(input).length > 1) return refusal(id, 'invalid_payload', `${input.type} takes no fields`);
    const outcome = input.type === 'history.undo' ? loaded.history.undo(loaded.state) : loaded.history.redo(loaded.state);
    if (!outcome.ok) return refusal(id, outcome.code, outcome.message);
    const visibleBefore = visibilityKey(loaded.state);
    this.commitSession({ id, stream, loaded, type: input.type, actor, changes: outcome.changes, visibleBefore, applied: false });
    return { t: 'ack', id, stream, seq: loaded.seq };
  }

  private commitSession(commit: SessionCommit): void {
    const { id, stream, loaded, type, actor, changes, visibleBefore, applied } = commit;
    const metaChanges = changes.filter((change) => change.key === 'meta');
    let listEvent: EventMessage | undefined;
    this.atomically(() => {
      this.appendSessionEvent(loaded, stream, id, type, actor.role, changes, applied);
      if (metaChanges.length > 0) listEvent = this.syncListEntry(id, loaded.state.meta);
    });
    const event: EventMessage = { t: 'event', stream, seq: loaded.seq, commandId: id, type, changes };
    this.broadcast(stream, event, visibleBefore !== visibilityKey(loaded.state));
    // Only after the commit: no client may see an event that is not on disk.
    if (listEvent) this.broadcast(WORKSPACE_STREAM, listEvent);
  }

  /**
   * One SQLite transaction. The work also moves the in-memory state along (appendSessionEvent,
   * syncListEntry); if the transaction fails — a disk error, or a command id that collides with
   * one the host derives (`id:list`, `id:meta`) — memory is put back, so it never runs ahead of disk.
   */
  private atomically(work: () => void): void {
    const sessions = [...this.sessions];
    const workspace = { state: this.workspaceState, seq: this.workspaceSeq };
    this.journal = [];
    try {
      this.store.transaction(work);
    } catch (error) {
      // Session states are changed in place: undo what this transaction applied, newest first.
      for (const entry of this.journal.reverse()) {
        applyChangesInPlace(entry.loaded.state, invertChanges(entry.changes));
        entry.loaded.seq = entry.seq;
      }
      this.sessions.clear();
      for (const [key, loaded] of sessions) this.sessions.set(key, loaded);
      this.workspaceState = workspace.state;
      this.workspaceSeq = workspace.seq;
      throw error;
    }
  }

  /**
   * Brings in what an archive file holds (see export/importer.ts) in one transaction, persisted and
   * broadcast like a command: programmes and list entries as one workspace event, each new session
   * as a stream with its full state, and what an existing session lacks as one event on its stream.
   */
  importArchive(commandId: string, workspaceChanges: Change[], created: SessionState[], merged: { id: string; changes: Change[] }[]): void {
    const targets = merged.flatMap(({ id, changes }) => {
      const loaded = changes.length > 0 ? this.loadSession(id) : undefined;
      return loaded ? [{ id, loaded, changes, before: visibilityKey(loaded.state), commandId: `${commandId}:${id}` }] : [];
    });
    const seq = this.workspaceSeq + 1;
    const type = 'archive.import';
    this.atomically(() => {
      if (workspaceChanges.length > 0) {
        this.store.append({ stream: WORKSPACE_STREAM, seq, commandId, type, role: 'facilitator', at: this.clock(), changes: workspaceChanges });
        this.workspaceState = applyChanges(this.workspaceState, workspaceChanges);
        this.workspaceSeq = seq;
      }
      for (const state of created) {
        this.store.createStream(state.meta.id, 'session');
        this.store.writeState(state.meta.id, state, COLLECTION_KEYS);
      }
      for (const t of targets) this.appendSessionEvent(t.loaded, t.id, t.commandId, type, 'facilitator', t.changes);
    });
    for (const state of created) this.sessions.set(state.meta.id, { state, seq: 0, history: new UndoHistory() });
    if (workspaceChanges.length > 0) this.broadcast(WORKSPACE_STREAM, { t: 'event', stream: WORKSPACE_STREAM, seq, commandId, type, changes: workspaceChanges });
    for (const t of targets) {
      const event: EventMessage = { t: 'event', stream: t.id, seq: t.loaded.seq, commandId: t.commandId, type, changes: t.changes };
      this.broadcast(t.id, event, t.before !== visibilityKey(t.loaded.state));
    }
  }

  /** `applied`: the reducer already wrote the changes into the state (in place). */
  private appendSessionEvent(loaded: LoadedSession, stream: string, commandId: string, type: string, role: string, changes: Change[], applied = false): void {
    if (!applied) applyChangesInPlace(loaded.state, changes);
    this.journal.push({ loaded, changes, seq: loaded.seq });
    const seq = loaded.seq + 1;
    this.store.append({ stream, seq, commandId, type, role, at: this.clock(), changes });
    loaded.seq = seq;
  }

  /** Keeps the sessions list in step when a session's own title, group or date changes. */
  private syncListEntry(commandId: string, meta: SessionMeta): EventMessage {
    const changes: Change[] = [{ key: 'sessions', id: meta.id, before: this.workspaceState.sessions[meta.id] ?? null, after: meta }];
    const seq = this.workspaceSeq + 1;
    this.store.append({ stream: WORKSPACE_STREAM, seq, commandId: `${commandId}:list`, type: 'session.sync', role: 'facilitator', at: this.clock(), changes });
    this.workspaceState = applyChanges(this.workspaceState, changes);
    this.workspaceSeq = seq;
    return { t: 'event', stream: WORKSPACE_STREAM, seq, commandId, type: 'session.sync', changes };
  }

  private loadSession(id: string): LoadedSession | undefined {
    const cached = this.sessions.get(id);
    if (cached) return cached;
    const row = this.store.stream(id);
    if (row?.kind !== 'session') return undefined;
    const meta = this.workspaceState.sessions[id];
    if (!meta) return undefined;
    const empty = createSessionState(meta, LEMNISCATE_IK_WIJ_HET);
    const loaded = { state: this.store.loadState(id, empty, COLLECTION_KEYS), seq: row.seq, history: new UndoHistory() };
    this.sessions.set(id, loaded);
    return loaded;
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
    this.fanOut.broadcast(stream, event, visibilityChanged);
  }

  private dropStream(stream: string): void {
    this.fanOut.drop(stream);
  }
}
