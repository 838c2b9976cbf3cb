import { z } from 'zod';
import type { Change } from './changes';
import { LIMITS } from './domain';
import type { Role, SessionState, WorkspaceState } from './domain';
import { LOCALES } from './i18n/messages';

/**
 * The one protocol between the host and every client (facilitator window, projector, phones).
 * Client and host both import this file; nothing is kept in sync by hand.
 *
 * A stream is either the workspace (programmes and the sessions list) or one session.
 * Every accepted command becomes one event on its stream with the next sequence number;
 * sequence numbers increase by one per stream, so a client that sees a gap resyncs.
 */
export const WORKSPACE_STREAM = 'workspace';

/**
 * The version of this protocol, and of the record shapes a snapshot carries (shared/records/). A
 * client built for other versions (an old phone page left open, a window of another Eiland) is
 * told plainly to reload instead of failing later on a message it does not understand.
 */
export const PROTOCOL_VERSION = 2;
export { SCHEMA_VERSION } from './records/index';

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
  /** The client or archive belongs to another version of Eiland. */
  'version_mismatch',
  /** The disk is full: nothing was changed; the same command works once space is freed. */
  'disk_full',
  /** The database file can only be read (see the welcome's `readOnly`): nothing was changed. */
  'read_only',
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
  /** An action and a session (or the session reviewing it) belong to different programmes. */
  'wrong_programme',
  /** The action is not on this session's review agenda (or is no longer open). */
  'not_on_agenda',
  'too_many_reactions',
  'empty_reaction',
  /** A participant merged into themselves. */
  'same_participant',
  /** A duplicate already merged, or a merge into one. */
  'already_merged',
  /** "Netjes leggen": the side's notes do not fit in it, not even spread to its edges. */
  'side_too_full',
  /** A theme title that is empty once trimmed, or longer than LIMITS.themeTitle. */
  'theme_title_empty',
  'theme_title_too_long',
  /** A link to a theme of another programme than the session's. */
  'theme_wrong_programme',
  /** A link to a theme from a session that belongs to no programme. */
  'theme_no_programme',
  /** Unlinking a point, cluster or note that is linked to no theme. */
  'theme_not_linked',
  /** zones.arrange: themes chosen while working per side only. */
  'themes_need_whole_zones',
  /** zones.arrange: more than twelve zones, sides and themes together. */
  'too_many_zones',
  /** zones.arrange: a zone that would go still holds notes, clusters, points or its "Wat gaat goed?". */
  'zone_not_empty',
  /** zones.arrange: the session is in a phase of a zone that would go. */
  'zone_in_current_phase',
] as const;
export type RuleReason = (typeof RULE_REASONS)[number];

const id = z.string().min(1).max(64);
/** Client-made command ids; ':' is kept for the ids the host derives (`<id>:list`), so none collide. */
const commandId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'command ids are 1–64 letters, digits, -, _ or .');

/**
 * Pictures (a template's background, up to PICTURE_DATA_URL_LIMIT) travel once per connection, as a
 * `picture` message named by the SHA-256 of the data URL; a snapshot then holds `pictureRef(hash)`
 * in their place, which the client swaps back from what it keeps. A client names the pictures it
 * still has when it subscribes (which also asks for this), so a reconnect does not bring them again.
 */
export const PICTURE_REF_PREFIX = 'eiland-picture:';
const pictureHash = z.string().regex(/^[0-9a-f]{64}$/);
export const pictureRef = (hash: string): string => `${PICTURE_REF_PREFIX}${hash}`;
/** The hash a picture reference names, or null when the value is not one (a data URL, null). */
export function pictureRefHash(value: string | null): string | null {
  return value?.startsWith(PICTURE_REF_PREFIX) ? value.slice(PICTURE_REF_PREFIX.length) : null;
}
/** At most this many pictures are named in one subscribe. */
export const MAX_KNOWN_PICTURES = 16;

/**
 * WebSocket close codes the host uses, so every client reads them the same way.
 * - roomClosed: the phone's participant token is not (or no longer) valid: the facilitator closed
 *   the room, and the token ended with it. The phone joins again with the code on the screen.
 * - tooFarBehind: the connection did not take what it was sent (its send buffer passed the cap,
 *   see electron/host/socket-sender.ts); nothing is lost, the client connects again and resyncs.
 * - merged: the facilitator merged this phone's participant into another (the same person, joined
 *   twice); the phone connects again with its token and is that person from then on.
 */
export const CLOSE_CODES = { roomClosed: 4001, tooFarBehind: 4002, merged: 4003 } as const;

export const ROOM_ACTIONS = ['open', 'close', 'status', 'show', 'hide', 'rotate', 'display'] as const;

/**
 * How the projector looks and speaks, as the facilitator's screen has it: sent by the facilitator
 * with the room action `display`, told to every projector however it was opened.
 */
export const roomDisplaySchema = z.object({ contrast: z.boolean(), locale: z.literal(LOCALES) }).strict();
export type RoomDisplay = z.infer<typeof roomDisplaySchema>;
export type RoomAction = (typeof ROOM_ACTIONS)[number];

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('subscribe'),
    stream: id,
    sinceSeq: z.number().int().min(0).optional(),
    /**
     * Hashes of pictures this client still has (see PICTURE_REF_PREFIX). Naming this field, even
     * empty, asks for pictures apart; a client that never does gets them inside its snapshots.
     */
    pictures: z.array(pictureHash).max(MAX_KNOWN_PICTURES).optional(),
  }),
  z.object({ t: z.literal('unsubscribe'), stream: id }),
  z.object({
    t: z.literal('command'),
    /** Client-made id: a repeated id is acknowledged again, never applied twice. */
    id: commandId,
    stream: id,
    /** The last sequence number the client had seen; older than the stream's history is refused. */
    baseSeq: z.number().int().min(0).optional(),
    command: z.object({ type: z.string().min(1).max(64) }).loose(),
  }),
  z.object({ t: z.literal('ping'), id }),
  /**
   * A session's room for phones. The facilitator opens, closes, gives it a new code (`rotate`),
   * and shows or hides the join code large on the projector; the projector may only ask for the
   * status. Every facilitator and projector connection that asked about a session hears each later
   * change of its room.
   */
  z.object({
    t: z.literal('room'),
    action: z.enum(ROOM_ACTIONS),
    sessionId: id,
    /**
     * With `open`: the address (one of the reply's `addresses`) on which the host then also listens
     * on the local network, for phones. Without it the room is open on this computer only.
     */
    interfaceAddress: z.string().max(64).optional(),
    /** With `display`: the projector's look and language. */
    display: roomDisplaySchema.optional(),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type CommandMessage = Extract<ClientMessage, { t: 'command' }>;

export interface EventMessage {
  t: 'event';
  stream: string;
  seq: number;
  /**
   * Set when the events after `fromSeq` and before `seq` held nothing this client may see (hidden
   * votes, say), so they were not sent: the client applies this event if it is at `fromSeq`.
   */
  fromSeq?: number;
  commandId: string;
  type: string;
  changes: Change[];
}

/**
 * The end of the answer to a subscribe with `sinceSeq` that was answered with the missed events
 * instead of a snapshot (each redacted for the client's role, as live events are). `fromSeq` is the
 * last event sent (or `sinceSeq` when none was): the client, at `fromSeq`, is now current at `seq`;
 * the events between held nothing for it. A client further behind gets a snapshot instead.
 */
export interface ReplayedMessage {
  t: 'replayed';
  stream: string;
  fromSeq: number;
  seq: number;
}

export type StreamState = SessionState | WorkspaceState;

export type HostMessage =
  | {
      t: 'welcome';
      role: Role;
      participantId: string | null;
      serverTime: number;
      protocolVersion: number;
      schemaVersion: number;
      /** Set when the host could open its database only for reading: pages show it, commands get `read_only`. */
      readOnly?: boolean;
      /** To the facilitator only: the token that lets a projector page watch, and nothing more. */
      projectorToken?: string;
    }
  | { t: 'snapshot'; stream: string; seq: number; schemaVersion: number; state: StreamState }
  /** A picture that later snapshots refer to by its hash (see PICTURE_REF_PREFIX). */
  | { t: 'picture'; hash: string; dataUrl: string }
  | EventMessage
  | ReplayedMessage
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
  | RoomMessage;

/** An IPv4 address of this computer that phones on the same local network can reach. */
export interface LanAddress {
  /** The network interface's own name (e.g. "Wi-Fi", "wlan0"), to help the facilitator choose. */
  name: string;
  address: string;
}

/** The state of a session's room, sent to the facilitator and the projector. */
export interface RoomMessage {
  t: 'room';
  sessionId: string;
  open: boolean;
  joinCode: string | null;
  /** What phones open (the QR code): set only while the host listens on the local network for this room. */
  joinUrl: string | null;
  /** The addresses the facilitator can choose from; empty when this computer is on no network. */
  addresses: LanAddress[];
  /** Whether the projector shows the QR code and join code large (else small in a corner). */
  showJoinInfo: boolean;
  /** Why the last `open` could not listen on the chosen address, if it could not. */
  problem: 'address_unavailable' | null;
  /**
   * Why the join code last changed, until the facilitator next opens, closes or changes it:
   * `guessing` when many wrong codes were tried, `facilitator` when they asked for a new one.
   * Phones already in stay in either way.
   */
  codeChanged: 'guessing' | 'facilitator' | null;
  /** People with a phone connected to the session now (one person's two sockets count once). */
  connected: number;
  /** Who they are (participant ids), so the facilitator can count who can still vote. */
  present: string[];
  /** The projector's look and language as the facilitator last set them; null before they did. */
  display: RoomDisplay | null;
}

export const MAX_MESSAGE_BYTES = LIMITS.messageBytes;

/** Parses one raw frame from a client; never throws. */
export function parseClientMessage(
  raw: string,
): { ok: true; message: ClientMessage } | { ok: false; code: ErrorCode; message: string } {
  // The limit is in bytes; a UTF-16 unit is 1 to 3 bytes, so only mid-sized frames need counting.
  if (raw.length > MAX_MESSAGE_BYTES || (raw.length * 3 > MAX_MESSAGE_BYTES && utf8Length(raw) > MAX_MESSAGE_BYTES)) {
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

/** The UTF-8 size of a string in bytes, without Node or DOM APIs; a lone surrogate counts as 3 (U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function summariseIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
