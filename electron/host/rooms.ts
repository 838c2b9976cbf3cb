import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Actor } from '../../shared/domain';
import type { Engine } from './engine';

/** Letters and digits that cannot be mistaken for each other when read off a beamer. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

export interface ParticipantIdentity {
  actor: Actor;
  sessionId: string;
}

export type JoinResult =
  | { ok: true; token: string; participantId: string; sessionId: string }
  | { ok: false; status: 400 | 404 | 429; code: 'bad_message' | 'not_found' | 'rate_limited'; message: string };

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Rooms let phones join a session with a short code. A join buys a participant token; only its
 * hash is stored, so the database alone does not let anyone act as a phone.
 */
export class Rooms {
  private readonly statements: Record<'byCode' | 'bySession' | 'upsert' | 'setOpen' | 'insertToken' | 'token', Statement>;
  private readonly attempts = new Map<string, { count: number; windowStart: number }>();

  constructor(
    db: Database,
    private readonly engine: Engine,
    private readonly clock: () => number = Date.now,
    private readonly failuresPerMinute = 10,
  ) {
    this.statements = {
      byCode: db.prepare('SELECT session_id AS sessionId, open FROM rooms WHERE join_code = ?'),
      bySession: db.prepare('SELECT join_code AS joinCode, open FROM rooms WHERE session_id = ?'),
      upsert: db.prepare('INSERT INTO rooms (session_id, join_code, open) VALUES (?, ?, 1) ON CONFLICT (session_id) DO UPDATE SET open = 1'),
      setOpen: db.prepare('UPDATE rooms SET open = ? WHERE session_id = ?'),
      insertToken: db.prepare('INSERT INTO participant_tokens (token_hash, session_id, participant_id) VALUES (?, ?, ?)'),
      token: db.prepare('SELECT session_id AS sessionId, participant_id AS participantId FROM participant_tokens WHERE token_hash = ?'),
    };
  }

  /** Opens the session's room, keeping its code if it had one, and returns the code. */
  open(sessionId: string): string {
    if (!this.engine.session(sessionId)) throw new Error(`Session ${sessionId} does not exist`);
    const existing = this.statements.bySession.get(sessionId) as { joinCode: string } | undefined;
    const code = existing?.joinCode ?? this.freshCode();
    this.statements.upsert.run(sessionId, code);
    return code;
  }

  close(sessionId: string): void {
    this.statements.setOpen.run(0, sessionId);
  }

  status(sessionId: string): { joinCode: string; open: boolean } | null {
    const row = this.statements.bySession.get(sessionId) as { joinCode: string; open: number } | undefined;
    return row ? { joinCode: row.joinCode, open: row.open === 1 } : null;
  }

  /** Exchanges a join code for a participant token; wrong codes are limited per address. */
  join(code: unknown, name: unknown, address: string): JoinResult {
    if (!this.allowAttempt(address)) {
      return { ok: false, status: 429, code: 'rate_limited', message: 'Too many join attempts; wait a minute' };
    }
    if (typeof code !== 'string' || code.length > 32 || (name !== undefined && name !== null && typeof name !== 'string')) {
      this.recordFailure(address);
      return { ok: false, status: 400, code: 'bad_message', message: 'A join needs a code and an optional name' };
    }
    const room = this.statements.byCode.get(code.trim().toUpperCase()) as { sessionId: string; open: number } | undefined;
    if (room?.open !== 1) {
      this.recordFailure(address);
      return { ok: false, status: 404, code: 'not_found', message: 'No open room has this code' };
    }
    const token = randomBytes(24).toString('hex');
    const participantId = `p-${randomBytes(8).toString('hex')}`;
    this.statements.insertToken.run(hash(token), room.sessionId, participantId);
    const joined = this.engine.handle(
      {
        t: 'command',
        id: `join-${participantId}`,
        stream: room.sessionId,
        command: { type: 'participant.join', id: participantId, name: typeof name === 'string' ? name.slice(0, 60) : null },
      },
      { role: 'participant', participantId },
    );
    if (joined.t === 'error') return { ok: false, status: 400, code: 'bad_message', message: joined.message };
    return { ok: true, token, participantId, sessionId: room.sessionId };
  }

  /** The participant a token belongs to, while the room is open. */
  identify(token: string): ParticipantIdentity | null {
    const row = this.statements.token.get(hash(token)) as { sessionId: string; participantId: string } | undefined;
    if (!row || !this.status(row.sessionId)?.open) return null;
    return { actor: { role: 'participant', participantId: row.participantId }, sessionId: row.sessionId };
  }

  /** Wrong codes count against the address; after too many in a minute it must wait. */
  private allowAttempt(address: string): boolean {
    const entry = this.attempts.get(address);
    if (!entry || this.clock() - entry.windowStart > 60_000) return true;
    return entry.count < this.failuresPerMinute;
  }

  private recordFailure(address: string): void {
    const now = this.clock();
    const entry = this.attempts.get(address);
    if (!entry || now - entry.windowStart > 60_000) this.attempts.set(address, { count: 1, windowStart: now });
    else entry.count += 1;
  }

  private freshCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!this.statements.byCode.get(code)) return code;
    }
  }
}
