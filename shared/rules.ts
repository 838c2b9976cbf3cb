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

/**
 * The sides in the order the session runs them: first the sides its phases visit, in the order of
 * their first phase, then the template's other sides, and the whole session (null) last. Ballots,
 * phones and the wall list sides this way, not in the template's order.
 */
export function sidesInSessionOrder(state: Pick<SessionState, 'flow' | 'template'>): (Id | null)[] {
  const order: (Id | null)[] = [];
  const known = new Set(state.template.zones.map((zone) => zone.id));
  for (const phase of state.flow.phases) {
    if (phase.zoneId !== null && known.has(phase.zoneId) && !order.includes(phase.zoneId)) order.push(phase.zoneId);
  }
  for (const zone of state.template.zones) if (!order.includes(zone.id)) order.push(zone.id);
  order.push(null);
  return order;
}

/**
 * The points on a ballot (one side's, or all with `zoneId` undefined) in the order they are listed
 * before the reveal: by side in session order, then each side's own order. Nothing in it depends on
 * votes, so the list cannot give a ranking away before the facilitator reveals it.
 */
export function ballotOrder(state: Pick<SessionState, 'flow' | 'template' | 'attentionPoints'>, zoneId?: Id | null): AttentionPoint[] {
  const sides = sidesInSessionOrder(state);
  const sideIndex = (id: Id | null) => {
    const index = sides.indexOf(id);
    return index === -1 ? sides.length : index;
  };
  return Object.values(state.attentionPoints)
    .filter((point) => zoneId === undefined || point.zoneId === zoneId)
    .sort((a, b) => sideIndex(a.zoneId) - sideIndex(b.zoneId) || a.order - b.order);
}

/** The people of a session: everyone who joined, without the duplicates merged into someone else. */
export function people(state: Pick<SessionState, 'participants'>): SessionState['participants'][string][] {
  return Object.values(state.participants)
    .filter((participant) => participant.mergedInto === null)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

/**
 * The person a participant id stands for now: itself, or whoever its duplicate was merged into
 * (followed for as long as merges were chained). Null when the id is not in the session.
 */
export function personOf(state: Pick<SessionState, 'participants'>, participantId: Id): Id | null {
  let current = state.participants[participantId];
  for (let hops = 0; current && current.mergedInto !== null && hops < 100; hops += 1) current = state.participants[current.mergedInto];
  return current && current.mergedInto === null ? current.id : null;
}

/**
 * The ballot a point is voted on: its side when the session has a voting phase for that side,
 * otherwise the whole session (null). Each ballot has its own dot budget.
 */
export function ballotOf(state: Pick<SessionState, 'flow'>, point: Pick<AttentionPoint, 'zoneId'>): Id | null {
  return point.zoneId !== null && state.flow.phases.some((phase) => phase.kind === 'voting' && phase.zoneId === point.zoneId) ? point.zoneId : null;
}
