import type { z } from 'zod';
import type { Transaction } from '../changes';
import type { Actor, Role, SessionState, WorkspaceState } from '../domain';
import type { ErrorCode, RuleReason } from '../protocol';

/** A refusal by a domain rule or a missing entity; the reducer turns it into a typed error. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: RuleReason,
  ) {
    super(message);
  }
}

export const refuse = (reason: RuleReason, message: string): never => {
  throw new DomainError('rule_violation', message, reason);
};

export const notFound = (what: string, id: string): never => {
  throw new DomainError('not_found', `${what} ${id} does not exist`);
};

export interface CommandContext {
  actor: Actor;
  /** Epoch ms, given by the host so the reducer stays pure and replayable. */
  now: number;
}

/**
 * One command: its name, its payload schema, who may send it, whether the facilitator can undo
 * it, and how it changes the state. Commands live in small files per family (notes, voting, …).
 */
export interface CommandDefinition<S extends object, P> {
  type: string;
  schema: z.ZodType<P>;
  roles: readonly Role[];
  undoable: boolean;
  apply(tx: Transaction<S>, payload: P, context: CommandContext): void;
}

export type SessionCommand<P = unknown> = CommandDefinition<SessionState, P>;
export type WorkspaceCommand<P = unknown> = CommandDefinition<WorkspaceState, P>;

export function defineSessionCommand<P>(definition: SessionCommand<P>): SessionCommand<unknown> {
  return definition as SessionCommand<unknown>;
}

export function defineWorkspaceCommand<P>(definition: WorkspaceCommand<P>): WorkspaceCommand<unknown> {
  return definition as WorkspaceCommand<unknown>;
}

export const FACILITATOR: readonly Role[] = ['facilitator'];
export const EVERYONE_WHO_WRITES: readonly Role[] = ['facilitator', 'participant'];
