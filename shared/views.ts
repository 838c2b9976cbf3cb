import type { Change } from './changes';
import type { Actor, Note, SessionState, Vote } from './domain';

/**
 * What each role may see of a session. The facilitator sees everything; the projector and phones
 * get a redacted copy, so hidden notes and vote totals never leave the host before the reveal
 * (checked on the messages, not only on the screen).
 */
export const HIDDEN_TEXT = '';

export function isNoteHidden(state: SessionState, note: Note): boolean {
  return state.settings.hideNotesUntilReveal && !state.flow.revealedZoneIds.includes(note.zoneId);
}

/** A note waiting for moderation (Note.pending) exists only for its author and the facilitator. */
function noteFor(state: SessionState, note: Note, actor: Actor): Note | null {
  const own = actor.role === 'participant' && actor.participantId !== null && note.authorId === actor.participantId;
  if (own) return note;
  if (note.pending) return null;
  // Turning anonymity on hides names written before (visibilityKey includes it, so views are resent).
  const visible = { ...note, authorId: null, authorName: state.settings.anonymous ? null : note.authorName };
  if (isNoteHidden(state, note)) return { ...visible, text: HIDDEN_TEXT, authorName: null };
  return visible;
}

function voteFor(state: SessionState, vote: Vote, actor: Actor): Vote | null {
  if (actor.role === 'participant' && vote.participantId === actor.participantId) return vote;
  if (!state.flow.votesRevealed) return null;
  return { ...vote, participantId: '' };
}

function redactEntity(state: SessionState, key: string, value: unknown, actor: Actor): unknown {
  if (value === null) return null;
  if (key === 'notes') return noteFor(state, value as Note, actor);
  if (key === 'votes') return voteFor(state, value as Vote, actor);
  if (key === 'participants' && actor.role === 'participant') return null;
  return value;
}

export function viewOfSession(state: SessionState, actor: Actor): SessionState {
  if (actor.role === 'facilitator') return state;
  const notes: SessionState['notes'] = {};
  for (const note of Object.values(state.notes)) {
    const visible = noteFor(state, note, actor);
    if (visible) notes[note.id] = visible;
  }
  const votes: SessionState['votes'] = {};
  for (const vote of Object.values(state.votes)) {
    const visible = voteFor(state, vote, actor);
    if (visible) votes[vote.id] = visible;
  }
  const participants = actor.role === 'participant' ? {} : state.participants;
  return { ...state, notes, votes, participants };
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
