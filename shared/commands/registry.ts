import type { z } from 'zod';
import type { Transaction } from '../changes';
import type { Actor, Id, Role, SessionState, WorkspaceState } from '../domain';
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
  /**
   * Read-only: the workspace, for session commands that read the programme's records (the review
   * reads the programme's actions). The host passes it; it is never written through.
   */
  workspace?: WorkspaceState;
  /** Read-only: a session's state, for workspace commands that copy from it (an action from an ingredient). */
  session?: (id: Id) => SessionState | undefined;
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

/**
 * A registered command keeps its name and schema in its type, so the commands a client may send
 * (shared/commands/index.ts) are derived from the registry: an unknown name or field does not compile.
 */
export type Registered<S extends object, T extends string, Z extends z.ZodType> = CommandDefinition<S, unknown> & { type: T; schema: Z };

interface Declaration<S extends object, T extends string, Z extends z.ZodType> {
  type: T;
  schema: Z;
  roles: readonly Role[];
  undoable: boolean;
  apply(tx: Transaction<S>, payload: z.output<Z>, context: CommandContext): void;
}

export function defineSessionCommand<const T extends string, Z extends z.ZodType>(definition: Declaration<SessionState, T, Z>): Registered<SessionState, T, Z> {
  return definition as unknown as Registered<SessionState, T, Z>;
}

export function defineWorkspaceCommand<const T extends string, Z extends z.ZodType>(definition: Declaration<WorkspaceState, T, Z>): Registered<WorkspaceState, T, Z> {
  return definition as unknown as Registered<WorkspaceState, T, Z>;
}

/** What a client sends for a registered command: its name and its fields as the schema takes them. */
export type InputOf<D> = D extends { type: infer T; schema: infer Z extends z.ZodType } ? WithType<T, z.input<Z>> : never;

/** A command without fields (`z.object({}).strict()`, whose input is a record of nothing) is just its type. */
type WithType<T, Fields> = string extends keyof Fields ? { type: T } : Fields extends unknown ? { type: T } & Fields : never;

export const FACILITATOR: readonly Role[] = ['facilitator'];
export const EVERYONE_WHO_WRITES: readonly Role[] = ['facilitator', 'participant'];
