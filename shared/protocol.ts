import { z } from 'zod';
import type { Change } from './changes';
import { LIMITS } from './domain';
import type { Role, SessionState, WorkspaceState } from './domain';

/**
 * The one protocol between the host and every client (facilitator window, projector, phones).
 * Client and host both import this file; nothing is kept in sync by hand.
 *
 * A stream is either the workspace (programmes and the sessions list) or one session.
 * Every accepted command becomes one event on its stream with the next sequence number;
 * sequence numbers increase by one per stream, so a client that sees a gap resyncs.
 */
export const WORKSPACE_STREAM = 'workspace';

export const ERROR_CODES = [
  'bad_message',
  'too_large',
  'unknown_command',
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'wrong_session',
  'stale_sequence',
  'rate_limited',
  'conflict',
  'rule_violation',
  'nothing_to_undo',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a domain rule refused a command, for a precise message to the user. */
export const RULE_REASONS = [
  'unknown_zone',
  'no_dots_left',
  'max_dots_per_item',
  'voting_closed',
  'not_own_note',
  'not_own_vote',
  'duplicate_id',
  'too_many_notes',
  'empty_cluster',
  'session_archived',
  'confirmation_mismatch',
  'unknown_template',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

const id = z.string().min(1).max(64);

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('subscribe'), stream: id, sinceSeq: z.number().int().min(0).optional() }),
  z.object({ t: z.literal('unsubscribe'), stream: id }),
  z.object({
    t: z.literal('command'),
    /** Client-made id: a repeated id is acknowledged again, never applied twice. */
    id,
    stream: id,
    /** The last sequence number the client had seen; older than the stream's history is refused. */
    baseSeq: z.number().int().min(0).optional(),
    command: z.object({ type: z.string().min(1).max(64) }).loose(),
  }),
  z.object({ t: z.literal('ping'), id }),
  /** Facilitator only: open or close a session's room for phones. */
  z.object({ t: z.literal('room'), action: z.enum(['open', 'close', 'status']), sessionId: id }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type CommandMessage = Extract<ClientMessage, { t: 'command' }>;

export interface EventMessage {
  t: 'event';
  stream: string;
  seq: number;
  commandId: string;
  type: string;
  changes: Change[];
}

export type StreamState = SessionState | WorkspaceState;

export type HostMessage =
  | { t: 'welcome'; role: Role; participantId: string | null; serverTime: number }
  | { t: 'snapshot'; stream: string; seq: number; state: StreamState }
  | EventMessage
  | { t: 'ack'; id: string; stream: string; seq: number }
  | {
      t: 'error';
      /** The command or message id the error answers, when there is one. */
      id: string | null;
      code: ErrorCode;
      reason?: RuleReason;
      message: string;
    }
  | { t: 'pong'; id: string; serverTime: number }
  | { t: 'room'; sessionId: string; open: boolean; joinCode: string | null };

export const MAX_MESSAGE_BYTES = LIMITS.messageBytes;

/** Parses one raw frame from a client; never throws. */
export function parseClientMessage(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string } {
  if (raw.length > MAX_MESSAGE_BYTES) {
    return { ok: false, code: 'too_large', message: `Message over ${MAX_MESSAGE_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad_message', message: 'Message is not valid JSON' };
  }
  const parsed = clientMessageSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, code: 'bad_message', message: `Malformed message: ${summariseIssues(parsed.error)}` };
  }
  return { ok: true, message: parsed.data };
}

export function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
