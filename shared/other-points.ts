import type { Id, OtherPoint, SessionState } from './domain';

/**
 * "Overig genoemde punten" of one side (or of the whole session: null) in the order they were
 * entered, as the group said them; points stored before they had an order share 0 and keep their
 * old order by id. The report, the facilitator, the projector and the phones all list them so.
 */
export function otherPointsOf(state: Pick<SessionState, 'otherPoints'>, zoneId: Id | null): OtherPoint[] {
  return Object.values(state.otherPoints)
    .filter((point) => point.zoneId === zoneId)
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
