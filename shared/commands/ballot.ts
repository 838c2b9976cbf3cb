import type { AttentionPoint, Id, SessionState } from '../domain';

/**
 * Which attention points are on the ballot: during a voting phase about one side, that side's
 * points; otherwise every point. Each ballot has its own dot budget, so a session that votes side
 * by side gives every participant N dots per side (product.md: "per side, or all at once").
 * Kept free of zod so the phone page can use the same rule without the command schemas.
 */
export function votingScope(state: SessionState): Id | null {
  const phase = state.flow.phases.find((candidate) => candidate.id === state.flow.currentPhaseId);
  return phase?.kind === 'voting' ? phase.zoneId : null;
}

export function inVotingScope(state: SessionState, point: AttentionPoint): boolean {
  const scope = votingScope(state);
  return scope === null || point.zoneId === scope;
}
