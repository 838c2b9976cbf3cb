
/** What a phone keeps after joining: enough to come back after a reload or a lost connection. */
export interface StoredJoin {
  token: string;
  participantId: string;
  sessionId: string;
  /** The code it joined with, so a QR code of another room is recognised as another room. */
  code: string;
  /** The room was closed and the token ended with it: the phone has to join again (see rejoin). */
  ended?: boolean;
}

/**
 * A command made on this phone and not yet acknowledged by the host. Its id is made here, once,
 * and kept across reloads and reconnects: the host applies an id only once, however often it comes.
 */
export interface QueuedCommand {
  id: string;
  stream: string;
  command: StoredCommand;
}

/** A queued command as kept in this phone's storage, which may hold what an older page wrote; the host checks it. */
export type StoredCommand = { type: string; [field: string]: unknown };

/** The part of localStorage this page uses; tests pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const JOIN_KEY = 'eiland.participant.join';
const QUEUE_KEY = 'eiland.participant.queue';

/** A store that keeps values for this page only, when the browser refuses localStorage. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** localStorage when the browser allows it (private modes and locked-down phones may not). */
export function browserStore(): KeyValueStore {
  try {
    const probe = '__eiland_probe__';
    window.localStorage.setItem(probe, probe);
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readJson(store: KeyValueStore, key: string): unknown {
  try {
    const text = store.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Writes, and says whether it worked: a full storage must not break the page, only its memory. */
function writeJson(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function readJoin(store: KeyValueStore): StoredJoin | null {
  const value = readJson(store, JOIN_KEY);
  if (!isRecord(value)) return null;
  const { token, participantId, sessionId, code, ended } = value;
  if (typeof token !== 'string' || typeof participantId !== 'string' || typeof sessionId !== 'string' || typeof code !== 'string') return null;
  return { token, participantId, sessionId, code, ...(ended === true ? { ended: true } : {}) };
}

/** Remembers that the join's token has ended, so a reload shows the join screen, not a dead connection. */
export function markJoinEnded(store: KeyValueStore): void {
  const join = readJoin(store);
  if (join) writeJoin(store, { ...join, ended: true });
}

/**
 * A new join in place of the stored one (ended with its room, or of a code that has changed since).
 * What the earlier join of the same session still had to send goes with the new one (a note is the
 * person's, whichever token carries it); another session's queue is not theirs to send there.
 */
export function rejoin(store: KeyValueStore, earlier: StoredJoin | null, joined: StoredJoin): void {
  const carried = earlier && earlier.sessionId === joined.sessionId ? readQueue(store, earlier.participantId) : [];
  forgetJoin(store);
  writeJoin(store, joined);
  if (carried.length > 0) writeQueue(store, joined.participantId, carried);
}

export function writeJoin(store: KeyValueStore, join: StoredJoin): void {
  writeJson(store, JOIN_KEY, join);
}

/** Forgets the join and whatever was still waiting to be sent with it. */
export function forgetJoin(store: KeyValueStore): void {
  try {
    store.removeItem(JOIN_KEY);
    store.removeItem(QUEUE_KEY);
  } catch {
    // nothing to do: there was nothing stored
  }
}

function isQueued(value: unknown): value is QueuedCommand {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.stream === 'string' &&
    isRecord(value.command) &&
    typeof value.command.type === 'string'
  );
}

/** The queue of one participant; a queue left by another join on this phone is not theirs to send. */
export function readQueue(store: KeyValueStore, participantId: string): QueuedCommand[] {
  const value = readJson(store, QUEUE_KEY);
  if (!isRecord(value) || value.participantId !== participantId || !Array.isArray(value.items)) return [];
  return value.items.filter(isQueued);
}

export function writeQueue(store: KeyValueStore, participantId: string, items: readonly QueuedCommand[]): boolean {
  return writeJson(store, QUEUE_KEY, { participantId, items });
}
