/**
 * "Recente sessies": the sessions the facilitator opened last, newest first, for the File menu.
 * The page tells the shell which session it opened (preload `sessionOpened`); the list lives in
 * recent-sessions.json in userData. It holds only ids and titles, never notes: the host's database
 * stays the one place where sessions live, and a session deleted there simply shows "gone" when
 * picked from this list.
 */
import { join } from 'node:path';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';

export interface RecentSession {
  id: string;
  title: string;
}

export const MAX_RECENT = 8;
/** The same id rule as the host's (1–64 of A–Z a–z 0–9 - _), so a page cannot slip a path or URL in. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TITLE = 200;

/** A clean entry from untrusted input (IPC arguments, a file), or null when it is not one. */
export function toRecentSession(id: unknown, title: unknown): RecentSession | null {
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof title !== 'string') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters never belong in a menu label.
  const clean = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_TITLE);
  return { id, title: clean === '' ? id : clean };
}

/** The list with `session` in front: no duplicate ids, at most MAX_RECENT. */
export function withRecent(list: readonly RecentSession[], session: RecentSession): RecentSession[] {
  return [session, ...list.filter((entry) => entry.id !== session.id)].slice(0, MAX_RECENT);
}

export function parseRecentList(value: unknown): RecentSession[] {
  const entries = isRecord(value) && Array.isArray(value.sessions) ? value.sessions : [];
  const list: RecentSession[] = [];
  for (const entry of entries) {
    const session = isRecord(entry) ? toRecentSession(entry.id, entry.title) : null;
    if (session && !list.some((known) => known.id === session.id)) list.push(session);
  }
  return list.slice(0, MAX_RECENT);
}

/** The list on disk, kept in memory too; `onChange` runs after every change (to rebuild the menu). */
export class RecentSessions {
  private list: RecentSession[];
  private readonly file: string;

  constructor(
    userDataDir: string,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.file = join(userDataDir, 'recent-sessions.json');
    this.list = parseRecentList(readJsonFile(this.file));
  }

  get sessions(): readonly RecentSession[] {
    return this.list;
  }

  /** Puts a session on top. Returns false (and changes nothing) for input that is not a session. */
  opened(id: unknown, title: unknown): boolean {
    const session = toRecentSession(id, title);
    if (session === null) return false;
    const next = withRecent(this.list, session);
    const same = next.length === this.list.length && next.every((entry, i) => entry.id === this.list[i]?.id && entry.title === this.list[i]?.title);
    if (same) return true;
    this.list = next;
    this.save();
    return true;
  }

  clear(): void {
    this.list = [];
    this.save();
  }

  private save(): void {
    writeJsonFile(this.file, { sessions: this.list });
    this.onChange();
  }
}
