import { actionCommands } from './actions';
import { clusterCommands } from './clusters';
import { flowCommands } from './flow';
import { noteCommands } from './notes';
import { participantCommands } from './participants';
import { pointCommands } from './points';
import { reviewCommands } from './review';
import { themeCommands, themeLinkCommands } from './themes';
import { arrangeCommands } from './arrange';
import type { InputOf } from './registry';
import { votingCommands } from './voting';
import { workspaceCommands } from './workspace';

/**
 * Every command family, one line each. The reducer registers these; the commands a client may send
 * are derived from them, so the facilitator window, the phone page and the tests cannot send a
 * command name or field that the host does not know without a compile error.
 */
export const SESSION_COMMAND_LIST = [...noteCommands, ...clusterCommands, ...pointCommands, ...votingCommands, ...flowCommands, ...reviewCommands, ...participantCommands, ...themeLinkCommands, ...arrangeCommands];
export const WORKSPACE_COMMAND_LIST = [...workspaceCommands, ...actionCommands, ...themeCommands];

/** Undo and redo are the host's own (shared/history.ts): they take no fields. */
export type HistoryCommand = { type: 'history.undo' } | { type: 'history.redo' };

export type SessionCommandInput = InputOf<(typeof SESSION_COMMAND_LIST)[number]> | HistoryCommand;
export type WorkspaceCommandInput = InputOf<(typeof WORKSPACE_COMMAND_LIST)[number]>;
/** Any command a client may send, on its stream. */
export type TypedCommand = SessionCommandInput | WorkspaceCommandInput;
export type CommandName = TypedCommand['type'];
/** One command, by name. */
export type CommandOf<N extends CommandName> = Extract<TypedCommand, { type: N }>;
/** One command's fields without its name (each variant of a command with variants). */
export type FieldsOf<N extends CommandName> = CommandOf<N> extends infer C ? (C extends unknown ? Omit<C, 'type'> : never) : never;
