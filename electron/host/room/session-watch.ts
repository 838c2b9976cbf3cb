import type { Flow, Participant, PhaseKind, SessionState } from '../../../shared/domain';
import type { HostMessage } from '../../../shared/protocol';
import { currentPhase } from '../../../shared/rules';
import type { Engine, Subscriber } from '../engine';

/** The kind of phase a session is in; null before its first phase. */
export type PhaseNow = PhaseKind | null;

export interface SessionWatchListeners {
  /** The session moved to another phase. */
  phaseChanged(sessionId: string, from: PhaseNow, to: PhaseNow): void;
  /** A participant was merged into another (the same person, joined twice), or the merge undone. */
  mergeChanged(sessionId: string, participantId: string): void;
}

/**
 * Follows what the room must act on in the sessions whose room is open (their phase, merged
 * participants), as one more subscriber of their streams seeing what the facilitator sees.
 */
export class SessionWatch {
  private readonly watching = new Map<string, { subscriber: Subscriber; phase: PhaseNow }>();

  constructor(
    private readonly engine: Engine,
    private readonly listeners: SessionWatchListeners,
  ) {}

  watch(sessionId: string): void {
    if (this.watching.has(sessionId)) return;
    const entry: { subscriber: Subscriber; phase: PhaseNow } = {
      phase: null,
      subscriber: { actor: { role: 'facilitator', participantId: null }, send: (message) => this.receive(sessionId, entry, message) },
    };
    this.watching.set(sessionId, entry);
    if (this.engine.subscribe(entry.subscriber, sessionId) !== null) this.watching.delete(sessionId);
  }

  unwatch(sessionId: string): void {
    const entry = this.watching.get(sessionId);
    if (!entry) return;
    this.watching.delete(sessionId);
    this.engine.unsubscribe(entry.subscriber);
  }

  watched(): string[] {
    return [...this.watching.keys()];
  }

  stop(): void {
    for (const sessionId of [...this.watching.keys()]) this.unwatch(sessionId);
  }

  private receive(sessionId: string, entry: { phase: PhaseNow }, message: HostMessage): void {
    let flow: Flow | null = null;
    if (message.t === 'snapshot') flow = (message.state as SessionState).flow ?? null;
    else if (message.t === 'event') {
      for (const change of message.changes) {
        if (change.key === 'flow' && change.after !== null) flow = change.after as Flow;
        if (change.key === 'participants' && change.id !== null && change.before !== null && change.after !== null) {
          const [before, after] = [(change.before as Participant).mergedInto, (change.after as Participant).mergedInto];
          if (before !== after) this.listeners.mergeChanged(sessionId, change.id);
        }
      }
    }
    if (flow === null) return;
    const phase = currentPhase(flow)?.kind ?? null;
    if (phase === entry.phase) return;
    const from = entry.phase;
    entry.phase = phase;
    // The snapshot only says where the session is; a change is what happens after it.
    if (message.t === 'event') this.listeners.phaseChanged(sessionId, from, phase);
  }
}
