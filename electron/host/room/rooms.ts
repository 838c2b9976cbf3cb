import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Actor } from '../../../shared/domain';
import { LIMITS } from '../../../shared/domain';
import { personOf } from '../../../shared/rules';
import type { Engine } from '../engine';
import type { JoinAttempt, JoinOutcome } from '../http/routes';
import { DEFAULT_JOIN_GUARD_LIMITS, JoinGuard, type JoinGuardLimits } from './join-guard';

/** Letters and digits that cannot be mistaken for each other when read off a beamer. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

export interface ParticipantIdentity {
  actor: Actor;
  sessionId: string;
  /** The participant the token was bought for; the actor differs once it was merged into another. */
  joinedAs: string;
}

/** Why a room's code changed: many wrong codes were tried, or the facilitator asked for a new one. */
export type CodeChange = 'guessing' | 'facilitator';
export type CodeChangeListener = (sessionId: string, reason: CodeChange) => void;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Rooms let phones join a session with a short code. A join buys a participant token; only its
 * hash is stored, so the database alone does not let anyone act as a phone. A token lives as long
 * as its session's room: closing the room ends every token of it, and the phones join again. An
 * ended token is remembered: a phone that shows it when it joins again is the same participant.
 */
export class Rooms {
  private readonly statements: Record<
    'byCode' | 'bySession' | 'openRooms' | 'upsert' | 'setOpen' | 'setCode' | 'insertToken' | 'forgetToken' | 'token' | 'earlierToken' | 'endTokens',
    Statement
  >;
  private readonly guard: JoinGuard;
  private readonly listeners = new Set<CodeChangeListener>();

  constructor(
    db: Database,
    private readonly engine: Engine,
    limits: JoinGuardLimits = DEFAULT_JOIN_GUARD_LIMITS,
    clock: () => number = Date.now,
  ) {
    this.guard = new JoinGuard(limits, clock);
    this.statements = {
      byCode: db.prepare('SELECT session_id AS sessionId, open FROM rooms WHERE join_code = ?'),
      bySession: db.prepare('SELECT join_code AS joinCode, open FROM rooms WHERE session_id = ?'),
      openRooms: db.prepare('SELECT session_id AS sessionId FROM rooms WHERE open = 1'),
      upsert: db.prepare('INSERT INTO rooms (session_id, join_code, open) VALUES (?, ?, 1) ON CONFLICT (session_id) DO UPDATE SET open = 1'),
      setOpen: db.prepare('UPDATE rooms SET open = ? WHERE session_id = ?'),
      setCode: db.prepare('UPDATE rooms SET join_code = ? WHERE session_id = ?'),
      insertToken: db.prepare('INSERT INTO participant_tokens (token_hash, session_id, participant_id) VALUES (?, ?, ?)'),
      forgetToken: db.prepare('DELETE FROM participant_tokens WHERE token_hash = ?'),
      token: db.prepare('SELECT session_id AS sessionId, participant_id AS participantId FROM participant_tokens WHERE token_hash = ? AND ended = 0'),
      earlierToken: db.prepare('SELECT session_id AS sessionId, participant_id AS participantId FROM participant_tokens WHERE token_hash = ?'),
      endTokens: db.prepare('UPDATE participant_tokens SET ended = 1 WHERE session_id = ?'),
    };
  }

  /** Tells `listener` of every code that changes by itself or on request (room-control.ts tells the facilitator). */
  onCodeChange(listener: CodeChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the session's room, keeping its code if it had one, and returns the code. */
  open(sessionId: string): string {
    if (!this.engine.session(sessionId)) throw new Error(`Session ${sessionId} does not exist`);
    const existing = this.statements.bySession.get(sessionId) as { joinCode: string } | undefined;
    const code = existing?.joinCode ?? this.freshCode();
    this.statements.upsert.run(sessionId, code);
    return code;
  }

  /** Closes the room; every participant token of the session ends with it (and is kept for a rejoin). */
  close(sessionId: string): void {
    this.statements.setOpen.run(0, sessionId);
    this.statements.endTokens.run(sessionId);
  }

  /** A new code for the room (open or not); phones already in keep their tokens. */
  rotate(sessionId: string, reason: CodeChange): string | null {
    if (!this.statements.bySession.get(sessionId)) return null;
    const code = this.freshCode();
    this.statements.setCode.run(code, sessionId);
    for (const listener of this.listeners) listener(sessionId, reason);
    return code;
  }

  status(sessionId: string): { joinCode: string; open: boolean } | null {
    const row = this.statements.bySession.get(sessionId) as { joinCode: string; open: number } | undefined;
    return row ? { joinCode: row.joinCode, open: row.open === 1 } : null;
  }

  /**
   * Exchanges a join code for a participant token. Wrong codes count against the address, and
   * against all addresses together (join-guard.ts). A room the listener may not admit (on this
   * computer only, asked over the network) is answered as a wrong code: the door does not say it exists.
   */
  join(attempt: JoinAttempt): JoinOutcome {
    const { address } = attempt;
    if (!this.guard.allows(address)) return { ok: false, status: 429, code: 'rate_limited', message: 'Too many join attempts; wait a minute' };
    const room = this.statements.byCode.get(attempt.code.trim().toUpperCase()) as { sessionId: string; open: number } | undefined;
    if (room?.open !== 1 || !this.engine.session(room.sessionId) || !attempt.admits(room.sessionId)) {
      if (this.guard.failed(address)) this.rotateOpenRooms();
      return { ok: false, status: 404, code: 'not_found', message: 'No open room has this code' };
    }
    const token = randomBytes(24).toString('hex');
    const returning = attempt.previous === null ? null : this.returningParticipant(attempt.previous, room.sessionId);
    const participantId = returning ?? `p-${randomBytes(8).toString('hex')}`;
    const name = attempt.name === null ? null : attempt.name.slice(0, LIMITS.participantName);
    // The token first: if it cannot be written (a full disk), nothing has changed yet.
    this.statements.insertToken.run(hash(token), room.sessionId, participantId);
    let joined: ReturnType<Engine['handle']>;
    try {
      joined = this.engine.handle(
        { t: 'command', id: `join-${participantId}`, stream: room.sessionId, command: { type: 'participant.join', id: participantId, name } },
        { role: 'participant', participantId },
      );
    } catch (error) {
      this.forgetToken(token);
      throw error;
    }
    if (joined.t === 'error') {
      this.forgetToken(token);
      return { ok: false, status: 400, code: 'bad_message', message: joined.message };
    }
    // The phone holds the new token now; the earlier one must not open a second door.
    if (attempt.previous !== null && returning !== null) this.forgetToken(attempt.previous);
    return { ok: true, token, participantId, sessionId: room.sessionId };
  }

  /** Who a phone's earlier token of this session belonged to (a duplicate merged since: its person). */
  private returningParticipant(previous: string, sessionId: string): string | null {
    const row = this.statements.earlierToken.get(hash(previous)) as { sessionId: string; participantId: string } | undefined;
    if (row?.sessionId !== sessionId) return null;
    const state = this.engine.session(sessionId);
    return state ? personOf(state, row.participantId) : null;
  }

  /** A token whose join did not happen; should even this fail, identify() still refuses it. */
  private forgetToken(token: string): void {
    try {
      this.statements.forgetToken.run(hash(token));
    } catch (error) {
      console.error('Eiland host: a token of a failed join could not be removed', error);
    }
  }

  /** The participant a token belongs to, while its room is open and they are in the session. */
  identify(token: string): ParticipantIdentity | null {
    const row = this.statements.token.get(hash(token)) as { sessionId: string; participantId: string } | undefined;
    if (!row || !this.status(row.sessionId)?.open) return null;
    const state = this.engine.session(row.sessionId);
    const participantId = state ? personOf(state, row.participantId) : null;
    if (participantId === null) return null;
    return { actor: { role: 'participant', participantId }, sessionId: row.sessionId, joinedAs: row.participantId };
  }

  private rotateOpenRooms(): void {
    for (const { sessionId } of this.statements.openRooms.all() as { sessionId: string }[]) this.rotate(sessionId, 'guessing');
  }

  private freshCode(): string {
    for (;;) {
      let code = '';
      for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
      if (!this.statements.byCode.get(code)) return code;
    }
  }
}
