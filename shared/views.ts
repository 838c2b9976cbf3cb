import type { Change } from './changes';
import type { Actor, SessionState } from './domain';
import type { RecordDefinition } from './records/define';
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
    visible.push({ ...change, before, after });
  }
  return visible;
}

/** When this changes, what non-facilitators may see changed wholesale: they get a new snapshot. */
export function visibilityKey(state: SessionState): string {
  const { settings, flow } = state;
  return `${settings.hideNotesUntilReveal}|${flow.revealedZoneIds.join(',')}|${flow.votesRevealed}|${settings.anonymous}`;
}
