import type { AttentionPoint, Id, Ingredient, SessionState, Vote } from './domain';
import { ballotOrder } from './rules';

/** The dots one participant has used, in total and on one attention point. */
export function dotsUsed(state: SessionState, participantId: Id, attentionPointId?: Id): number {
  let count = 0;
  for (const vote of Object.values(state.votes)) {
    if (vote.participantId !== participantId) continue;
    if (attentionPointId === undefined || vote.attentionPointId === attentionPointId) count += 1;
  }
  return count;
}

export function dotsLeft(state: SessionState, participantId: Id): number {
  return Math.max(0, state.settings.dotsPerParticipant - dotsUsed(state, participantId));
}

export interface RankedPoint {
  attentionPointId: Id;
  dots: number;
  /** 1-based and session-wide; equal totals share a rank ("ties as ties"). */
  rank: number;
  /** Whether another point of the session has the same rank. */
  tied: boolean;
}

/**
 * The session's one ranking: every attention point by dots, most first, ties sharing a rank and
 * keeping the ballot's order. With `zoneId` only that side's points (null: the whole-session
 * points) are returned, with their ranks in the session, so the wall, the facilitator, the phones
 * and the report give a point the same place wherever they show it.
 */
export function rankPoints(state: SessionState, zoneId?: Id | null): RankedPoint[] {
  const totals = new Map<Id, number>();
  for (const vote of Object.values(state.votes) as Vote[]) {
    totals.set(vote.attentionPointId, (totals.get(vote.attentionPointId) ?? 0) + 1);
  }
  // Array.prototype.sort is stable: equal totals stay in ballot order.
  const points = ballotOrder(state).sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0));
  let previousDots = -1;
  let rank = 0;
  const ranking = points.map((point, index) => {
    const dots = totals.get(point.id) ?? 0;
    if (dots !== previousDots) rank = index + 1;
    previousDots = dots;
    return { attentionPointId: point.id, zoneId: point.zoneId, dots, rank };
  });
  const perRank = new Map<number, number>();
  for (const entry of ranking) perRank.set(entry.rank, (perRank.get(entry.rank) ?? 0) + 1);
  return ranking
    .filter((entry) => zoneId === undefined || entry.zoneId === zoneId)
    .map(({ attentionPointId, dots, rank }) => ({ attentionPointId, dots, rank, tied: (perRank.get(rank) ?? 0) > 1 }));
}

/**
 * Attention points in the order every screen lists them: after the reveal by the ranking, before
 * it in ballot order, which depends on no vote and so gives nothing away. `only` narrows the list.
 */
export function pointsInListOrder(state: SessionState, only: (point: AttentionPoint) => boolean = () => true): AttentionPoint[] {
  const ordered = state.flow.votesRevealed
    ? rankPoints(state).flatMap(({ attentionPointId }) => state.attentionPoints[attentionPointId] ?? [])
    : ballotOrder(state);
  return ordered.filter(only);
}

/** The points that get ingredients: the chosen ones (every point while none is chosen), in list order. */
export function ingredientPoints(state: SessionState): AttentionPoint[] {
  const anyChosen = Object.values(state.attentionPoints).some((point) => point.chosen);
  return pointsInListOrder(state, (point) => !anyChosen || point.chosen);
}

/** The ingredients of one attention point, in the order they were given. */
export function ingredientsOf(state: SessionState, attentionPointId: Id): Ingredient[] {
  return Object.values(state.ingredients)
    .filter((item) => item.attentionPointId === attentionPointId)
    .sort((a, b) => a.order - b.order);
}
