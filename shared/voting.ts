import type { Id, SessionState, Vote } from './domain';

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
  /** 1-based; equal totals share a rank ("ties as ties"). */
  rank: number;
}

/** Attention points by dots, most first; ties share a rank and keep the points' own order. */
export function rankPoints(state: SessionState, zoneId?: Id | null): RankedPoint[] {
  const totals = new Map<Id, number>();
  for (const vote of Object.values(state.votes) as Vote[]) {
    totals.set(vote.attentionPointId, (totals.get(vote.attentionPointId) ?? 0) + 1);
  }
  const points = Object.values(state.attentionPoints)
    .filter((point) => zoneId === undefined || point.zoneId === zoneId)
    .sort((a, b) => (totals.get(b.id) ?? 0) - (totals.get(a.id) ?? 0) || a.order - b.order);
  let previousDots = -1;
  let rank = 0;
  return points.map((point, index) => {
    const dots = totals.get(point.id) ?? 0;
    if (dots !== previousDots) rank = index + 1;
    previousDots = dots;
    return { attentionPointId: point.id, dots, rank };
  });
}
