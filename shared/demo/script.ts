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
  const phases: Phase[] = DEMO_REVIEWS[session.key] ? [{ id: 'review', kind: 'review', zoneId: null }] : [];
  phases.push({ id: 'checkin', kind: 'checkin', zoneId: null });
  for (const zoneId of order) {
    for (const kind of ['observation', 'notes', 'clustering', 'attention'] as const) phases.push({ id: `${kind}-${zoneId}`, kind, zoneId });
  }
  for (const kind of ['voting', 'ingredients', 'other', 'closing'] as const) phases.push({ id: kind, kind, zoneId: null });
  return phases;
}

/**
 * Plan-do-check-act in the demo: the programme team makes actions of the first two ingredients of
 * each chosen point; the managers and then the steering group look back on them (Terugblik).
 */
const ACTION_MAKER = 'programmateam';
const ACTIONS_PER_POINT = 2;
const DEMO_OWNERS = ['Programmateam', 'Coördinator monitoring', 'Communicatie', 'Projectleider pilots', 'Voorzitter programmateam', 'Het hele team'];
const DEMO_DUES = ['2024-09-01', '2024-10-01', '2024-07-01', '2024-12-01', '2024-06-30', '2024-09-15'];
type Decision = { status: 'done' | 'ongoing' | 'dropped'; note: string };
const DEMO_REVIEWS: Record<string, Record<number, Decision>> = {
  managers: {
    1: { status: 'done', note: 'Lijst staat, per gemeente aangevuld.' },
    2: { status: 'ongoing', note: 'Eerste versie besproken met twee partners.' },
    3: { status: 'ongoing', note: 'Standaardmiddelen zijn in de maak.' },
    4: { status: 'dropped', note: 'Te zwaar voor nu; eerst de pilots.' },
    5: { status: 'done', note: 'De groepsapp loopt.' },
    6: { status: 'ongoing', note: 'Twee overleggen gehad.' },
  },
  stuurgroep: {
    2: { status: 'done', note: 'Framework vastgesteld.' },
    3: { status: 'ongoing', note: 'De eerste partners gebruiken de middelen.' },
    6: { status: 'done', note: 'Maandelijks overleg staat in de agenda.' },
  },
};
export const demoActionId = (n: number) => `${DEMO_PROGRAMME.id}-act${n}`;

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
  let actions = 0;
  const reviews = DEMO_REVIEWS[session.key];
  if (reviews) {
    // The session opens with the review of what earlier sessions decided. Own step ids: the
    // demo's other ids stay as they were, so archives of earlier demos still merge with it.
    const review = (command: CommandInput) => steps.push({ id: `${sessionId}-review${steps.length}`, stream: sessionId, actor: FACILITATOR, command });
    review({ type: 'phase.set', phaseId: 'review' });
    for (const [n, decision] of Object.entries(reviews)) review({ type: 'review.set', actionId: demoActionId(Number(n)), ...decision });
  }
  const pointIds: { point: DemoPoint; id: string }[] = [];
  const addPoints = (points: readonly DemoPoint[], zoneId: string | null) => {
    for (const point of points) {
      const id = next('a');
      pointIds.push({ point, id });
      facilitator({ type: 'attention.add', id, zoneId, title: point.title, themeKey: point.themeKey ?? null });
      if (point.chosen) facilitator({ type: 'attention.edit', id, chosen: true });
      for (const [index, text] of (point.ingredients ?? []).entries()) {
        const ingredientId = next('i');
        facilitator({ type: 'ingredient.add', id: ingredientId, attentionPointId: id, text });
        if (session.key !== ACTION_MAKER || !point.chosen || index >= ACTIONS_PER_POINT) continue;
        const n = ++actions;
        steps.push({
          id: `${sessionId}-action${n}`,
          stream: 'workspace',
          actor: FACILITATOR,
          command: { type: 'action.create', id: demoActionId(n), programmeId: DEMO_PROGRAMME.id, sessionId, ingredientId, owner: DEMO_OWNERS[(n - 1) % DEMO_OWNERS.length], due: DEMO_DUES[(n - 1) % DEMO_DUES.length] },
        });
      }
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
