import type { AttentionPoint, Id, Phase, SessionState, Timer } from '../../../shared/domain';
import type { QueuedCommand } from './storage';
import { castRefusal, currentPhase as currentPhaseOf, dotsLeft as sharedDotsLeft, sidesInSessionOrder } from '../../../shared/rules';

/**
 * What the phone shows of its own work: the host's view of the session, with the commands still
 * waiting on this phone laid over it, so a note typed without a connection is on screen at once.
 * Pure functions, tested without a browser.
 */

/** sent: the host has it; queued: still on this phone; waiting: the facilitator must approve it first. */
export type Delivery = 'sent' | 'queued' | 'waiting';

export interface MyNote {
  id: Id;
  zoneId: Id;
  text: string;
  delivery: Delivery;
}

export interface MyVote {
  id: Id;
  attentionPointId: Id;
  queued: boolean;
}

export interface QueuedIngredient {
  id: Id;
  attentionPointId: Id;
  text: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** This participant's notes, newest first. */
export function myNotes(session: SessionState, queue: readonly QueuedCommand[], me: Id): MyNote[] {
  const notes = new Map<Id, MyNote & { at: number }>();
  for (const note of Object.values(session.notes)) {
    if (note.authorId !== me) continue;
    notes.set(note.id, { id: note.id, zoneId: note.zoneId, text: note.text, delivery: note.pending ? 'waiting' : 'sent', at: note.createdAt });
  }
  let order = Number.MAX_SAFE_INTEGER - queue.length;
  for (const { stream, command } of queue) {
    order += 1;
    if (stream !== session.meta.id) continue;
    const id = text(command.id);
    if (command.type === 'note.add' && id !== null && !notes.has(id)) {
      const zoneId = text(command.zoneId);
      const body = text(command.text);
      if (zoneId !== null && body !== null) notes.set(id, { id, zoneId, text: body, delivery: 'queued', at: order });
    } else if (command.type === 'note.edit' && id !== null) {
      const note = notes.get(id);
      const body = text(command.text);
      if (note && body !== null) notes.set(id, { ...note, text: body, delivery: 'queued' });
    } else if (command.type === 'note.delete') {
      for (const removed of ids(command.ids)) notes.delete(removed);
    }
  }
  return [...notes.values()].sort((a, b) => b.at - a.at).map(({ at: _at, ...note }) => note);
}

/** This participant's dots, including those cast or taken back on this phone but not yet sent. */
export function myVotes(session: SessionState, queue: readonly QueuedCommand[], me: Id): MyVote[] {
  const votes = new Map<Id, MyVote>();
  for (const vote of Object.values(session.votes)) {
    if (vote.participantId === me) votes.set(vote.id, { id: vote.id, attentionPointId: vote.attentionPointId, queued: false });
  }
  for (const { stream, command } of queue) {
    if (stream !== session.meta.id) continue;
    const id = text(command.id);
    if (id === null) continue;
    if (command.type === 'vote.cast' && !votes.has(id)) {
      const point = text(command.attentionPointId);
      if (point !== null) votes.set(id, { id, attentionPointId: point, queued: true });
    } else if (command.type === 'vote.retract') {
      votes.delete(id);
    }
  }
  return [...votes.values()];
}

/** This phone's dots left on the current ballot, by the rule the host applies (shared/rules.ts). */
export function dotsLeft(session: SessionState, votes: readonly MyVote[]): number {
  return sharedDotsLeft(session, votes);
}

/** Whether one more dot may go on this point: the host's own rule, with this phone's queued dots counted. */
export function canCast(session: SessionState, votes: readonly MyVote[], pointId: Id): boolean {
  return castRefusal(session, votes, pointId) === null;
}

/** All dots per point, once the facilitator has revealed them (before that the host sends none). */
export function revealedTotals(session: SessionState): Map<Id, number> {
  const totals = new Map<Id, number>();
  if (!session.flow.votesRevealed) return totals;
  for (const vote of Object.values(session.votes)) totals.set(vote.attentionPointId, (totals.get(vote.attentionPointId) ?? 0) + 1);
  return totals;
}

export function queuedIngredients(session: SessionState, queue: readonly QueuedCommand[]): QueuedIngredient[] {
  const found: QueuedIngredient[] = [];
  for (const { stream, command } of queue) {
    const id = text(command.id);
    const point = text(command.attentionPointId);
    const body = text(command.text);
    if (stream !== session.meta.id || command.type !== 'ingredient.add' || id === null || point === null || body === null) continue;
    if (!session.ingredients[id]) found.push({ id, attentionPointId: point, text: body });
  }
  return found;
}

export function currentPhase(session: SessionState): Phase | null {
  return currentPhaseOf(session.flow);
}

/** Attention points by side (in the session's order, the whole session last), each side by its order. */
export function pointsBySide(session: SessionState, only?: (point: AttentionPoint) => boolean): { zoneId: Id | null; points: AttentionPoint[] }[] {
  const points = Object.values(session.attentionPoints).filter((point) => !only || only(point));
  return sidesInSessionOrder(session)
    .map((zoneId) => ({ zoneId, points: points.filter((point) => point.zoneId === zoneId).sort((a, b) => a.order - b.order) }))
    .filter((side) => side.points.length > 0);
}

/** Milliseconds left on the timer at host time `now`. */
export function timeLeft(timer: Timer, now: number): number {
  if (timer.startedAt === null) return timer.remainingMs;
  return Math.max(0, timer.remainingMs - (now - timer.startedAt));
}

export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
