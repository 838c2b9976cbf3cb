import { z } from 'zod';
import type { Id, SessionState } from '../domain';
import { LIMITS } from '../domain';
import { ballotOf } from '../rules';
import { DomainError, defineSessionCommand, FACILITATOR, notFound, refuse } from './registry';
import { entityId } from './schemas';

/** The duplicate's dots that the person may still have: their budget and the per-point maximum hold. */
function dotsThatFit(state: SessionState, personId: Id, duplicateId: Id): { keep: Id[]; drop: Id[] } {
  const { dotsPerParticipant, maxDotsPerItem } = state.settings;
  const perBallot = new Map<Id | null, number>();
  const perPoint = new Map<Id, number>();
  const count = (attentionPointId: Id) => {
    const point = state.attentionPoints[attentionPointId];
    const ballot = point ? ballotOf(state, point) : null;
    perBallot.set(ballot, (perBallot.get(ballot) ?? 0) + 1);
    perPoint.set(attentionPointId, (perPoint.get(attentionPointId) ?? 0) + 1);
    return { ballot };
  };
  const votes = Object.values(state.votes).sort((a, b) => a.id.localeCompare(b.id));
  for (const vote of votes) if (vote.participantId === personId) count(vote.attentionPointId);
  const keep: Id[] = [];
  const drop: Id[] = [];
  for (const vote of votes) {
    if (vote.participantId !== duplicateId) continue;
    const point = state.attentionPoints[vote.attentionPointId];
    const ballot = point ? ballotOf(state, point) : null;
    const fits = (perBallot.get(ballot) ?? 0) < dotsPerParticipant && (maxDotsPerItem === null || (perPoint.get(vote.attentionPointId) ?? 0) < maxDotsPerItem);
    if (fits) {
      count(vote.attentionPointId);
      keep.push(vote.id);
    } else drop.push(vote.id);
  }
  return { keep, drop };
}

/** Joining from a phone, and merging one person's two joins into one. */
export const participantCommands = [
  defineSessionCommand({
    type: 'participant.join',
    schema: z.object({ id: entityId, name: z.string().trim().max(LIMITS.participantName).nullable() }),
    roles: ['participant'],
    undoable: false,
    apply(tx, { id, name }, { actor, now }) {
      if (actor.participantId !== id) throw new DomainError('forbidden', 'A participant can only join as themselves');
      const existing = tx.state.participants[id];
      if (existing?.mergedInto) throw new DomainError('forbidden', 'This participant was merged into another one');
      // Joining again without typing the name keeps the one given before.
      const shownName = tx.state.settings.anonymous ? null : name || existing?.name || null;
      tx.put('participants', { id, name: shownName, joinedAt: existing?.joinedAt ?? now, mergedInto: null });
    },
  }),
  defineSessionCommand({
    /**
     * One person joined twice (a private tab, another browser): the duplicate's notes, dots and
     * reactions become the person's, dots beyond the person's budget fall away, and the duplicate
     * stays only as a pointer, so its phone acts as the person from its next connection on.
     */
    type: 'participant.merge',
    schema: z.object({ duplicateId: entityId, intoId: entityId }),
    roles: FACILITATOR,
    undoable: true,
    apply(tx, { duplicateId, intoId }) {
      const { state } = tx;
      const duplicate = state.participants[duplicateId] ?? notFound('Participant', duplicateId);
      const person = state.participants[intoId] ?? notFound('Participant', intoId);
      if (duplicateId === intoId) refuse('same_participant', 'A participant cannot be merged into themselves');
      if (duplicate.mergedInto !== null || person.mergedInto !== null) refuse('already_merged', 'One of these participants was already merged into another');
      const { keep, drop } = dotsThatFit(state, intoId, duplicateId);
      for (const id of keep) tx.put('votes', { ...(state.votes[id] as SessionState['votes'][string]), participantId: intoId });
      for (const id of drop) tx.remove('votes', id);
      for (const note of Object.values(state.notes)) if (note.authorId === duplicateId) tx.put('notes', { ...note, authorId: intoId });
      for (const reaction of Object.values(state.reactions)) {
        if (reaction.participantId === duplicateId) tx.put('reactions', { ...reaction, participantId: intoId });
      }
      if (person.name === null && duplicate.name !== null) tx.put('participants', { ...person, name: duplicate.name });
      tx.put('participants', { ...duplicate, mergedInto: intoId });
    },
  }),
];
