/**
 * The unit of every event: one entity (or singleton) before and after a command.
 * Changes are what the host persists, broadcasts and replays, and what undo inverts,
 * so a single mechanism covers every command family.
 */
export interface Change {
  /** The collection ('notes') or singleton ('flow') of the state. */
  key: string;
  /** The entity id in a collection; null for a singleton. */
  id: string | null;
  /** null when the entity did not exist before (or is deleted after). */
  before: unknown;
  after: unknown;
}

/** A state made of singletons and id-keyed collections (a session, or the workspace). */
export type EntityState = object;

type Mutable = Record<string, unknown>;

/** The entity type of an id-keyed collection. */
export type EntityOf<C> = C extends Record<string, infer V extends { id: string }> ? V : never;

/** Returns a new state with the changes applied; untouched collections are shared, not copied. */
export function applyChanges<S extends EntityState>(state: S, changes: readonly Change[]): S {
  if (changes.length === 0) return state;
  const next = { ...state } as Mutable;
  const copied = new Set<string>();
  for (const change of changes) {
    if (change.id === null) {
      next[change.key] = change.after;
      continue;
    }
    if (!copied.has(change.key)) {
      next[change.key] = { ...(next[change.key] as Mutable) };
      copied.add(change.key);
    }
    const collection = next[change.key] as Mutable;
    if (change.after === null) delete collection[change.id];
    else collection[change.id] = change.after;
  }
  return next as S;
}

/** The changes that undo the given ones, in reverse order. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return changes
    .slice()
    .reverse()
    .map((change) => ({ ...change, before: change.after, after: change.before }) );
}

/** Structural equality for plain JSON data, used to check that undo still fits the current state. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => Object.hasOwn(b, key) && sameJson((a as Mutable)[key], (b as Mutable)[key]));
}

/** Reads the current value a change refers to. */
export function currentValue(state: EntityState, change: Change): unknown {
  const slot = (state as Mutable)[change.key];
  if (change.id === null) return slot;
  return (slot as Mutable)[change.id] ?? null;
}

/**
 * Records changes against a state while a command runs. Reads always see earlier writes of the
 * same command, so a command can be written as plain sequential steps.
 */
export class Transaction<S extends EntityState> {
  readonly changes: Change[] = [];
  private current: S;

  constructor(state: S) {
    this.current = state;
  }

  get state(): S {
    return this.current;
  }

  put<K extends keyof S & string>(key: K, value: EntityOf<S[K]>): void {
    const before = ((this.current as Mutable)[key] as Mutable)[value.id] ?? null;
    this.record({ key, id: value.id, before, after: value });
  }

  remove<K extends keyof S & string>(key: K, id: string): void {
    const before = ((this.current as Mutable)[key] as Mutable)[id] ?? null;
    if (before === null) return;
    this.record({ key, id, before, after: null });
  }

  set<K extends keyof S & string>(key: K, value: S[K]): void {
    this.record({ key, id: null, before: (this.current as Mutable)[key], after: value });
  }

  private record(change: Change): void {
    this.changes.push(change);
    this.current = applyChanges(this.current, [change]);
  }
}
