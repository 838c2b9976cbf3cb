import type { Id, SessionState } from '../../../shared/domain';
import { isNoteHidden } from '../../../shared/views';
import { isZoneHidden, people } from '../../../shared/rules';

/** How far one side is: what the facilitator's overview shows per side. */
export interface SideProgress {
  zoneId: Id;
  notes: number;
  /** Notes still waiting for the facilitator's approval (moderation). */
  pending: number;
  clusters: number;
  points: number;
  chosen: number;
  ingredients: number;
  others: number;
  observation: boolean;
  /** Whether this side's notes are still hidden from the projector and phones. */
  hidden: boolean;
}

export function sideProgress(session: SessionState): SideProgress[] {
  const hiding = session.settings.hideNotesUntilReveal;
  return session.template.zones.map((zone) => {
    const notes = Object.values(session.notes).filter((note) => note.zoneId === zone.id);
    const points = Object.values(session.attentionPoints).filter((point) => point.zoneId === zone.id);
    const pointIds = new Set(points.map((point) => point.id));
    return {
      zoneId: zone.id,
      notes: notes.filter((note) => !note.pending).length,
      pending: notes.filter((note) => note.pending).length,
      clusters: Object.values(session.clusters).filter((cluster) => cluster.zoneId === zone.id).length,
      points: points.length,
      chosen: points.filter((point) => point.chosen).length,
      ingredients: Object.values(session.ingredients).filter((item) => pointIds.has(item.attentionPointId)).length,
      others: Object.values(session.otherPoints).filter((point) => point.zoneId === zone.id).length,
      observation: (session.observations[zone.id]?.text.trim() ?? '') !== '',
      hidden: hiding && !session.flow.revealedZoneIds.includes(zone.id),
    };
  });
}

/**
 * Notes per side that the projector may count but not read. The host sends hidden notes with
 * empty text (shared/views.ts), so the wall shows how many there are, never blank paper.
 */
export function hiddenCounts(session: SessionState): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (const note of Object.values(session.notes)) {
    if (note.pending || !isNoteHidden(session, note)) continue;
    counts.set(note.zoneId, (counts.get(note.zoneId) ?? 0) + 1);
  }
  return counts;
}

/** The notes the projector draws: everything except what it may only count. */
export function shownNotes(notes: SessionState['notes'], hide: boolean, revealedZoneIds: readonly Id[]): SessionState['notes'] {
  if (!hide) return notes;
  const visibility = { settings: { hideNotesUntilReveal: hide }, flow: { revealedZoneIds } };
  const shown: SessionState['notes'] = {};
  for (const note of Object.values(notes)) if (!isZoneHidden(visibility, note.zoneId)) shown[note.id] = note;
  return shown;
}

/** Who joined (people, so a merged duplicate counts once): names when the session shows them, else only how many. */
export function joined(session: SessionState): { count: number; names: string[] } {
  const everyone = people(session);
  const names = everyone.map((person) => person.name?.trim() ?? '').filter((name) => name !== '');
  return { count: everyone.length, names: session.settings.anonymous ? [] : names };
}

/** The counts of people the board shows: connected now, voted, joined, and who can still vote or did. */
export interface PeopleCounts {
  joined: number;
  connected: number;
  voted: number;
  /** Those who voted or have a phone connected: the ones a ballot can still wait for. */
  canVote: number;
}

/**
 * Counts of people, never of devices: `present` are the persons with a phone connected (the room
 * resolves a merged duplicate's phone to its person); null when the room has not said, then
 * everyone who joined is taken to be able to vote. Only votes on the ballot count.
 */
export function peopleCounts(session: SessionState, present: readonly Id[] | null, onBallot: (pointId: Id) => boolean = () => true): PeopleCounts {
  const everyone = new Set(people(session).map((person) => person.id));
  const voters = new Set<Id>();
  for (const vote of Object.values(session.votes)) if (onBallot(vote.attentionPointId)) voters.add(vote.participantId);
  const connected = new Set((present ?? []).filter((id) => everyone.has(id)));
  const canVote = present === null ? new Set([...everyone, ...voters]) : new Set([...connected, ...voters]);
  return { joined: everyone.size, connected: connected.size, voted: voters.size, canVote: canVote.size };
}

/** Dots used and participants who used at least one, on the ballot given (facilitator only: phones never get these). */
export function votingTurnout(session: SessionState, onBallot: (pointId: Id) => boolean): { dots: number; voters: number } {
  const voters = new Set<Id>();
  let dots = 0;
  for (const vote of Object.values(session.votes)) {
    if (!onBallot(vote.attentionPointId)) continue;
    dots += 1;
    voters.add(vote.participantId);
  }
  return { dots, voters: voters.size };
}
