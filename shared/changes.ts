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
  /**
   * null when the entity did not exist before (or is deleted after). Only the facilitator gets the
   * value itself (undo needs it); phones and the projector get EXISTED_BEFORE (views.ts) instead.
   */
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
  writeChanges(next, changes, new Set<string>());
  return next as S;
}

/**
 * Applies changes to the state object itself. Only the host uses this, on the state it alone owns:
 * copying a collection of thousands of notes for every command would cost more than the command.
 */
export function applyChangesInPlace(state: EntityState, changes: readonly Change[]): void {
  writeChanges(state as Mutable, changes, null);
}

/** Writes changes into `target`; collections not yet in `copied` are copied first (null: never copy). */
function writeChanges(target: Mutable, changes: readonly Change[], copied: Set<string> | null): void {
  for (const change of changes) {
    if (change.id === null) {
      target[change.key] = change.after;
      continue;
    }
    if (copied !== null && !copied.has(change.key)) {
      target[change.key] = { ...(target[change.key] as Mutable) };
      copied.add(change.key);
    }
    const collection = target[change.key] as Mutable;
    const grouped = groupings.get(collection);
    if (grouped) regroup(grouped, change.id, collection[change.id], change.after);
    const mirror = mirrors.get(collection);
    if (change.after === null) {
      delete collection[change.id];
      mirror?.delete(change.id);
    } else {
      collection[change.id] = change.after;
      mirror?.set(change.id, change.after);
    }
  }
}

/** Per collection object, per field: the ids of its entities by that field's value. */
const groupings = new WeakMap<object, Map<string, Map<unknown, Set<string>>>>();

/**
 * The entities of a collection whose `field` has `value` (a participant's dots, say), without
 * reading the whole collection each time: 1,000 phones casting 3,000 dots at once would otherwise
 * read 4.5 million. The grouping is made on first use for that collection object and kept up to date
 * by every write into it (writeChanges: commands, undo, rollback, replays); a collection copied anew
 * starts without one. Entities are replaced, never changed in place, which each result checks.
 */
export function entitiesWhere<T extends object>(collection: Readonly<Record<string, T>>, field: keyof T & string, value: unknown): T[] {
  let byField = groupings.get(collection);
  if (!byField) {
    byField = new Map();
    groupings.set(collection, byField);
  }
  let groups = byField.get(field);
  if (!groups) {
    groups = new Map();
    for (const [id, entity] of Object.entries(collection)) addToGroup(groups, (entity as Mutable)[field], id);
    byField.set(field, groups);
  }
  const found: T[] = [];
  for (const id of groups.get(value) ?? []) {
    const entity = collection[id];
    if (entity && (entity as Mutable)[field] === value) found.push(entity);
  }
  return found;
}

/** Per collection object: the same entities in a Map, kept up to date by writeChanges like the groupings. */
const mirrors = new WeakMap<object, Map<string, unknown>>();

/**
 * Keeps a Map beside each of these collections of a state that is written in place (the host's),
 * for reading all of a collection often: a session of 10,000 notes is an object in V8's dictionary
 * mode, where Object.values and Object.keys take about 4 ms and 1 ms each time and a Map's values()
 * 0.1 ms. Every write into the collection (writeChanges) keeps its Map the same, in the same order.
 * Only for a state that lives on: a collection copied for one command would pay more to build it.
 */
export function keepEntityMaps(state: EntityState, keys: readonly string[]): void {
  for (const key of keys) {
    const collection = (state as Mutable)[key];
    if (collection && typeof collection === 'object' && !mirrors.has(collection)) mirrors.set(collection, new Map(Object.entries(collection)));
  }
}

/** A collection's entities: from its Map where the host keeps one (keepEntityMaps), else read from the object. */
export function entityValues<T extends object>(collection: Readonly<Record<string, T>>): Iterable<T> {
  const mirror = mirrors.get(collection) as Map<string, T> | undefined;
  return mirror ? mirror.values() : Object.values(collection);
}

/** How many entities a collection holds, as entityValues reads them. */
export function entityCount(collection: Readonly<Record<string, object>>): number {
  return mirrors.get(collection)?.size ?? Object.keys(collection).length;
}

function addToGroup(groups: Map<unknown, Set<string>>, value: unknown, id: string): void {
  let ids = groups.get(value);
  if (!ids) {
    ids = new Set();
    groups.set(value, ids);
  }
  ids.add(id);
}

function regroup(grouped: Map<string, Map<unknown, Set<string>>>, id: string, before: unknown, after: unknown): void {
  for (const [field, groups] of grouped) {
    if (before !== null && before !== undefined) groups.get((before as Mutable)[field])?.delete(id);
    if (after !== null && after !== undefined) addToGroup(groups, (after as Mutable)[field], id);
  }
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
 *
 * By default the state is never mutated: the first write to a collection copies it once, later
 * writes of the same command go into that copy. With `inPlace` the writes go into the given state
 * itself (the host's way); `rollback` then undoes them if the command is refused halfway.
 */
export class Transaction<S extends EntityState> {
  readonly changes: Change[] = [];
  private current: Mutable;
  private readonly copied: Set<string> | null;
  private rootCopied: boolean;

  constructor(state: S, inPlace = false) {
    this.current = state as Mutable;
    this.copied = inPlace ? null : new Set<string>();
    // A command that changes nothing returns the very same state object.
    this.rootCopied = inPlace;
  }

  get state(): S {
    return this.current as S;
  }

  put<K extends keyof S & string>(key: K, value: EntityOf<S[K]>): void {
    const before = (this.current[key] as Mutable)[value.id] ?? null;
    this.record({ key, id: value.id, before, after: value });
  }

  remove<K extends keyof S & string>(key: K, id: string): void {
    const before = (this.current[key] as Mutable)[id] ?? null;
    if (before === null) return;
    this.record({ key, id, before, after: null });
  }

  set<K extends keyof S & string>(key: K, value: S[K]): void {
    this.record({ key, id: null, before: this.current[key], after: value });
  }

  /** Puts an in-place state back as it was before this transaction. */
  rollback(): void {
    if (this.changes.length === 0) return;
    writeChanges(this.current, invertChanges(this.changes), this.copied);
    this.changes.length = 0;
  }

  private record(change: Change): void {
    if (!this.rootCopied) {
      this.current = { ...this.current };
      this.rootCopied = true;
    }
    this.changes.push(change);
    writeChanges(this.current, [change], this.copied);
  }
}
