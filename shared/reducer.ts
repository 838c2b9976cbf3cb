import { type Change, Transaction } from './changes';
import { SESSION_COMMAND_LIST, WORKSPACE_COMMAND_LIST } from './commands/index';
import { type CommandContext, type CommandDefinition, DomainError } from './commands/registry';
import type { SessionState, WorkspaceState } from './domain';
import { type ErrorCode, type RuleReason, summariseIssues } from './protocol';

export type Registry<S extends object> = ReadonlyMap<string, CommandDefinition<S, unknown>>;

function registry<S extends object>(definitions: readonly CommandDefinition<S, unknown>[]): Registry<S> {
  const map = new Map<string, CommandDefinition<S, unknown>>();
  for (const definition of definitions) {
    if (map.has(definition.type)) throw new Error(`Command ${definition.type} is registered twice`);
    map.set(definition.type, definition);
  }
  return map;
}

export const SESSION_COMMANDS: Registry<SessionState> = registry(SESSION_COMMAND_LIST);

export const WORKSPACE_COMMANDS: Registry<WorkspaceState> = registry(WORKSPACE_COMMAND_LIST);

/** A command as it arrives from outside, before its schema is checked (clients send TypedCommand). */
export interface CommandInput {
  type: string;
  [field: string]: unknown;
}

export type CommandOutcome<S> =
  | { ok: true; state: S; changes: Change[]; undoable: boolean }
  | { ok: false; code: ErrorCode; reason?: RuleReason; message: string };

/**
 * The one reducer: checks the schema, then the sender's role, then the domain rules, and returns
 * the new state with the changes that make it — or a typed error with the state untouched.
 */
export function applyCommand<S extends object>(
  commands: Registry<S>,
  state: S,
  input: CommandInput,
  context: CommandContext,
  /** Write into `state` itself instead of a copy (the host's own state only); refused commands leave it as it was. */
  inPlace = false,
): CommandOutcome<S> {
  const definition = commands.get(input.type);
  if (!definition) return { ok: false, code: 'unknown_command', message: `Unknown command ${input.type}` };
  const { type: _type, ...fields } = input;
  const parsed = definition.schema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, code: 'invalid_payload', message: `${input.type}: ${summariseIssues(parsed.error)}` };
  }
  if (!definition.roles.includes(context.actor.role)) {
    return { ok: false, code: 'forbidden', message: `${context.actor.role} may not send ${input.type}` };
  }
  const tx = new Transaction(state, inPlace);
  try {
    definition.apply(tx, parsed.data, context);
  } catch (error) {
    tx.rollback();
    if (error instanceof DomainError) {
      return { ok: false, code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) };
    }
    throw error;
  }
  return { ok: true, state: tx.state, changes: tx.changes, undoable: definition.undoable };
}
