import { type Change, currentValue, type EntityState, invertChanges, sameJson } from './changes';

/** Why a step of undo or redo cannot be taken on this state (a sentence), or null when it can. */
export type StepCheck = (state: EntityState, inverse: Change[]) => string | null;

export type HistoryOutcome = { ok: true; changes: Change[] } | { ok: false; code: 'nothing_to_undo' | 'conflict'; message: string };

/**
 * The facilitator's undo and redo. An entry is the changes of one command; undo applies their
 * inverse as a new command, so it is persisted and broadcast like any other. An entry whose
 * entities were changed since (by a phone, say) is refused rather than overwriting that work.
 */
export class UndoHistory {
  private readonly undoStack: Change[][] = [];
  private readonly redoStack: Change[][] = [];

  constructor(readonly limit = 200) {}

  record(changes: Change[]): void {
    if (changes.length === 0) return;
    this.undoStack.push(changes);
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  /**
   * Replays one logged event (oldest first), so a history survives a restart: what the facilitator
   * did can be undone, an undo moves its step to the redo side, a redo moves it back. A step refused
   * as a conflict left no event, so after a restart it is offered (and refused) once more.
   */
  replay(event: { type: string; role: string; changes: Change[] }, undoable: boolean): void {
    if (event.type === 'history.undo') {
      this.undoStack.pop();
      this.redoStack.push(event.changes);
    } else if (event.type === 'history.redo') {
      this.redoStack.pop();
      this.undoStack.push(event.changes);
    } else if (undoable && event.role === 'facilitator') {
      this.record(event.changes);
    }
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** `blocked`: why the domain cannot take this step (say, it would leave notes in a zone that goes), or null. */
  undo(state: EntityState, blocked?: StepCheck): HistoryOutcome {
    return this.step(state, this.undoStack, this.redoStack, 'undo', blocked);
  }

  redo(state: EntityState, blocked?: StepCheck): HistoryOutcome {
    return this.step(state, this.redoStack, this.undoStack, 'redo', blocked);
  }

  private step(state: EntityState, from: Change[][], to: Change[][], what: string, blocked?: StepCheck): HistoryOutcome {
    const entry = from.at(-1);
    if (!entry) return { ok: false, code: 'nothing_to_undo', message: `Nothing to ${what}` };
    const inverse = invertChanges(entry);
    const seen = new Set<string>();
    const fits = inverse.every((change) => {
      // Only an entity's latest value is on the state now; earlier steps of the same command are not.
      const slot = `${change.key}/${change.id}`;
      if (seen.has(slot)) return true;
      seen.add(slot);
      return sameJson(currentValue(state, change), change.before);
    });
    if (!fits) {
      from.pop();
      return { ok: false, code: 'conflict', message: `Cannot ${what}: the items were changed since` };
    }
    const reason = blocked?.(state, inverse) ?? null;
    if (reason !== null) {
      from.pop();
      return { ok: false, code: 'conflict', message: `Cannot ${what}: ${reason}` };
    }
    from.pop();
    to.push(inverse);
    return { ok: true, changes: inverse };
  }
}

/** The facilitator's own commands for undo and redo; the engine answers them, not the reducer. */
export const HISTORY_COMMAND_TYPES: readonly string[] = ['history.undo', 'history.redo'];
