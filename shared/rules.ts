import type { AttentionPoint, Flow, Id, Phase, SessionState } from './domain';
import type { RuleReason } from './protocol';

/**
 * The session rules that clients need as well as the host, declared once. The host's commands
 * enforce them; the phone page and the projector use the same functions to show what is allowed,
 * so a phone never offers a dot the host would refuse. Kept free of zod and of I/O.
 */

/** The phase the session is in, or null before the first one. */
export function currentPhase(flow: Pick<Flow, 'phases' | 'currentPhaseId'>): Phase | null {
  return flow.phases.find((phase) => phase.id === flow.currentPhaseId) ?? null;
}

/** Whether the notes of a side are hidden from the projector and other phones right now. */
export function isZoneHidden(state: { settings: { hideNotesUntilReveal: boolean }; flow: { revealedZoneIds: readonly Id[] } }, zoneId: Id): boolean {
  return state.settings.hideNotesUntilReveal && !state.flow.revealedZoneIds.includes(zoneId);
}

/**
 * Which attention points are on the ballot: during a voting phase about one side, that side's
 * points; otherwise every point. Each ballot has its own dot budget, so a session that votes side
 * by side gives every participant N dots per side (product.md: "per side, or all at once").
 */
export function votingScope(state: SessionState): Id | null {
  const phase = currentPhase(state.flow);
  return phase?.kind === 'voting' ? phase.zoneId : null;
}

export function inVotingScope(state: SessionState, point: AttentionPoint): boolean {
  const scope = votingScope(state);
  return scope === null || point.zoneId === scope;
}

/** One participant's dots on the current ballot, in total and on one point (`votes`: theirs only). */
export function dotsOnBallot(state: SessionState, votes: readonly { attentionPointId: Id }[], attentionPointId?: Id): number {
  let count = 0;
  for (const vote of votes) {
    const point = state.attentionPoints[vote.attentionPointId];
    if (!point || !inVotingScope(state, point)) continue;
    if (attentionPointId === undefined || vote.attentionPointId === attentionPointId) count += 1;
  }
  return count;
}

export function dotsLeft(state: SessionState, votes: readonly { attentionPointId: Id }[]): number {
  return Math.max(0, state.settings.dotsPerParticipant - dotsOnBallot(state, votes));
}

/** Why one more dot of a participant with these `votes` may not go on the point; null when it may. */
export function castRefusal(state: SessionState, votes: readonly { attentionPointId: Id }[], attentionPointId: Id): RuleReason | null {
  if (!state.flow.votingOpen) return 'voting_closed';
  const point = state.attentionPoints[attentionPointId];
  if (point && !inVotingScope(state, point)) return 'voting_closed';
  if (dotsOnBallot(state, votes) >= state.settings.dotsPerParticipant) return 'no_dots_left';
  const max = state.settings.maxDotsPerItem;
  if (max !== null && dotsOnBallot(state, votes, attentionPointId) >= max) return 'max_dots_per_item';
  return null;
}
