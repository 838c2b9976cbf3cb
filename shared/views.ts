import type { Change } from './changes';
import type { Actor, SessionState } from './domain';
import type { RecordDefinition, ViewContext } from './records/define';
import { recordFor, SESSION_COLLECTION_KEYS } from './records/index';

/**
 * What each role may see of a session. The facilitator sees everything; the projector and phones
 * get a redacted copy, so hidden notes and vote totals never leave the host before the reveal
 * (checked on the messages, not only on the screen). Each record declares its own redaction
 * (shared/records/); this applies them to snapshots and to events alike.
 */
export { HIDDEN_TEXT, isNoteHidden } from './records/note';

const REDACTED = SESSION_COLLECTION_KEYS.map((key) => recordFor('session', key) as RecordDefinition).filter((record) => record.redact);

function redactEntity(state: SessionState, key: string, value: unknown, actor: Actor): unknown {
  if (value === null) return null;
  const record = recordFor('session', key);
  return record?.redact ? record.redact(value as object, { actor, state }) : value;
}

export function viewOfSession(state: SessionState, actor: Actor): SessionState {
  if (actor.role === 'facilitator') return state;
  const view: Record<string, unknown> = { ...state };
  for (const record of REDACTED) {
    const visible: Record<string, object> = {};
    for (const [id, value] of Object.entries(state[record.key as keyof SessionState] as Record<string, object>)) {
      const seen = record.redact?.(value, { actor, state });
      if (seen) visible[id] = seen;
    }
    view[record.key] = visible;
  }
  return view as SessionState;
}

/** What a phone's or projector's change carries as `before` for a value it could see (see Change). */
export const EXISTED_BEFORE = true;

/** The changes as one subscriber may see them, judged on the state after the command. */
export function viewOfChanges(state: SessionState, changes: readonly Change[], actor: Actor): Change[] {
  if (actor.role === 'facilitator') return changes as Change[];
  const visible: Change[] = [];
  for (const change of changes) {
    if (change.id === null) {
      visible.push(change);
      continue;
    }
    const before = redactEntity(state, change.key, change.before, actor);
    const after = redactEntity(state, change.key, change.after, actor);
    if (before === null && after === null) continue;
    // Phones and the projector apply only `after`; what a value was serves the facilitator's undo.
    // They learn only whether it was there to them (null: new to them), which halves every move.
    visible.push({ ...change, before: before === null ? null : EXISTED_BEFORE, after });
  }
  return visible;
}

/**
 * A participant who owns nothing: what every participant sees of a value they do not own
 * (RecordDefinition.owner). Views judged for it are shared by all such participants.
 */
export const ANY_PARTICIPANT: Actor = { role: 'participant', participantId: null };

const OWNED = REDACTED.filter((record) => record.owner);

/** The participants whose own view of these changes differs from other participants' view. */
export function ownersOfChanges(changes: readonly Change[]): Set<string> {
  const owners = new Set<string>();
  for (const change of changes) {
    if (change.id === null) continue;
    const owner = recordFor('session', change.key)?.owner;
    if (!owner) continue;
    for (const value of [change.before, change.after]) {
      const id = value === null ? null : owner(value as object);
      if (id) owners.add(id);
    }
  }
  return owners;
}

/** The participants whose own view of the session differs from other participants' view. */
export function ownersOfSession(state: SessionState): Set<string> {
  const owners = new Set<string>();
  for (const record of OWNED) {
    for (const value of Object.values(state[record.key as keyof SessionState] as Record<string, object>)) {
      const id = record.owner?.(value);
      if (id) owners.add(id);
    }
  }
  return owners;
}

/**
 * Whether what non-facilitators may see changed wholesale (visibilityKey) at any of these events,
 * the newest last and the last one leading to `state`. Walked back from `state` over the settings
 * and flow the events changed, so it also holds for events read back from the database.
 */
export function visibilityChangedIn(state: SessionState, events: readonly { changes: readonly Change[] }[]): boolean {
  const view: Record<string, unknown> = { settings: state.settings, flow: state.flow };
  let after = visibilityKey(view as unknown as ViewContext['state']);
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const changes = (events[index] as { changes: readonly Change[] }).changes;
    for (let c = changes.length - 1; c >= 0; c -= 1) {
      const change = changes[c] as Change;
      if (change.id !== null || (change.key !== 'settings' && change.key !== 'flow')) continue;
      // A singleton written without a previous value (an import): assume the worst.
      if (change.before === null || change.before === undefined) return true;
      view[change.key] = change.before;
    }
    const before = visibilityKey(view as unknown as ViewContext['state']);
    if (before !== after) return true;
    after = before;
  }
  return false;
}

/** When this changes, what non-facilitators may see changed wholesale: they get a new snapshot. */
export function visibilityKey(state: ViewContext['state'] & { settings: { anonymous: boolean } }): string {
  const { settings, flow } = state;
  return `${settings.hideNotesUntilReveal}|${flow.revealedZoneIds.join(',')}|${flow.votesRevealed}|${settings.anonymous}`;
}
