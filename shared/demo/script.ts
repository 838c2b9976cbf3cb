import type { Actor, Phase, Zone } from '../domain';
import type { TypedCommand as CommandInput } from '../commands/index';
import { LEMNISCATE_IK_WIJ_HET } from '../templates';
import { DEMO_FACILITATOR, DEMO_PROGRAMME, DEMO_SESSIONS, type DemoPoint, type DemoSession } from './avk-data';

/**
 * The demo as the commands a facilitator and phones would have sent, in order. The host runs them
 * through its engine (electron/host/export/demo.ts), so the demo is exactly what a real session
 * leaves behind. Every id is fixed, so the demo can be recognised and is never made twice.
 */
export interface DemoStep {
  /** The command id: fixed, so a repeated step is acknowledged again rather than applied twice. */
  id: string;
  stream: string;
  actor: Actor;
  command: CommandInput;
}

export const DEMO_PROGRAMME_ID = DEMO_PROGRAMME.id;
export const demoSessionId = (key: string) => `${DEMO_PROGRAMME.id}-${key}`;
export const DEMO_SESSION_IDS: readonly string[] = DEMO_SESSIONS.map((session) => demoSessionId(session.key));

const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
const TEMPLATE = LEMNISCATE_IK_WIJ_HET;

export function demoProgrammeSteps(): DemoStep[] {
  return [{ id: `${DEMO_PROGRAMME.id}-create`, stream: 'workspace', actor: FACILITATOR, command: { type: 'programme.create', ...DEMO_PROGRAMME } }];
}

/** Notes in a small grid inside their side, so the canvas looks as if a group put them there. */
function notePosition(zone: Zone, index: number): { x: number; y: number } {
  const columns = zone.area.rx < 200 ? 1 : 3;
  const column = index % columns;
  const row = Math.floor(index / columns);
  return { x: zone.area.x + (column - (columns - 1) / 2) * 135, y: zone.area.y - 150 + row * 100 };
}

/** The phases in the order the group walked the sides (the memo starts with HET). */
function phasesFor(session: DemoSession): Phase[] {
  const order = [...session.sides.map((side) => side.zoneId), ...TEMPLATE.zones.map((zone) => zone.id)].filter((id, i, all) => all.indexOf(id) === i);
  const phases: Phase[] = [{ id: 'checkin', kind: 'checkin', zoneId: null }];
  for (const zoneId of order) {
    for (const kind of ['observation', 'notes', 'clustering', 'attention'] as const) phases.push({ id: `${kind}-${zoneId}`, kind, zoneId });
  }
  for (const kind of ['voting', 'ingredients', 'other', 'closing'] as const) phases.push({ id: kind, kind, zoneId: null });
  return phases;
}

export function demoSessionSteps(session: DemoSession): DemoStep[] {
  const sessionId = demoSessionId(session.key);
  const steps: DemoStep[] = [];
  let counter = 0;
  const next = (prefix: string) => `${sessionId}-${prefix}${++counter}`;
  const facilitator = (command: CommandInput) => steps.push({ id: next('c'), stream: sessionId, actor: FACILITATOR, command });
  steps.push({
    id: `${sessionId}-create`,
    stream: 'workspace',
    actor: FACILITATOR,
    command: {
      type: 'session.create',
      id: sessionId,
      programmeId: DEMO_PROGRAMME.id,
      title: session.title,
      group: session.group,
      date: session.date,
      facilitator: DEMO_FACILITATOR,
      templateId: TEMPLATE.id,
    },
  });
  facilitator({ type: 'phases.configure', phases: phasesFor(session) });
  const pointIds: { point: DemoPoint; id: string }[] = [];
  const addPoints = (points: readonly DemoPoint[], zoneId: string | null) => {
    for (const point of points) {
      const id = next('a');
      pointIds.push({ point, id });
      facilitator({ type: 'attention.add', id, zoneId, title: point.title, themeKey: point.themeKey ?? null });
      if (point.chosen) facilitator({ type: 'attention.edit', id, chosen: true });
      for (const text of point.ingredients ?? []) facilitator({ type: 'ingredient.add', id: next('i'), attentionPointId: id, text });
    }
  };
  for (const side of session.sides) {
    const zone = TEMPLATE.zones.find((candidate) => candidate.id === side.zoneId) as Zone;
    if (side.observation) facilitator({ type: 'observation.set', zoneId: side.zoneId, text: side.observation });
    let placed = 0;
    const addNote = (text: string) => {
      const id = next('n');
      facilitator({ type: 'note.add', id, zoneId: side.zoneId, text, ...notePosition(zone, placed++) });
      return id;
    };
    for (const cluster of side.clusters ?? []) {
      const noteIds = cluster.notes.map(addNote);
      facilitator({ type: 'cluster.create', id: next('k'), title: cluster.title, noteIds });
    }
    for (const text of side.notes ?? []) addNote(text);
    addPoints(side.points ?? [], side.zoneId);
    for (const text of side.other ?? []) facilitator({ type: 'other.add', id: next('o'), zoneId: side.zoneId, text });
  }
  addPoints(session.sessionPoints ?? [], null);
  steps.push(...votingSteps(session, sessionId, pointIds, next));
  return steps;
}

/** Participants join from their phones and spend their three dots; then the result is revealed. */
function votingSteps(session: DemoSession, sessionId: string, points: { point: DemoPoint; id: string }[], next: (prefix: string) => string): DemoStep[] {
  const dotsEach = 3;
  const participants = Array.from({ length: session.participants }, (_, i) => ({ role: 'participant' as const, participantId: `${sessionId}-p${i + 1}` }));
  const steps: DemoStep[] = [];
  const facilitator = (command: CommandInput) => steps.push({ id: next('c'), stream: sessionId, actor: FACILITATOR, command });
  facilitator({ type: 'settings.update', dotsPerParticipant: dotsEach });
  for (const actor of participants) {
    steps.push({ id: next('j'), stream: sessionId, actor, command: { type: 'participant.join', id: actor.participantId, name: null } });
  }
  facilitator({ type: 'voting.open', open: true });
  const left = participants.map(() => dotsEach);
  let turn = 0;
  for (const { point, id } of points) {
    for (let dot = 0; dot < point.dots; dot += 1) {
      // The next participant with a dot left; the data never asks for more dots than there are.
      if (left.every((count) => count === 0)) throw new Error(`Demo ${session.key} asks for more dots than its participants have`);
      while ((left[turn % participants.length] ?? 0) === 0) turn += 1;
      const index = turn % participants.length;
      left[index] = (left[index] ?? 0) - 1;
      const actor = participants[index] as Actor;
      steps.push({ id: next('c'), stream: sessionId, actor, command: { type: 'vote.cast', id: next('v'), attentionPointId: id } });
      turn += 1;
    }
  }
  facilitator({ type: 'voting.reveal', revealed: true });
  return steps;
}

export { DEMO_SESSIONS };
