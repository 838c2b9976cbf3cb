import type { Flow, Id, ModelTemplate, Phase, PhaseKind } from '../../../shared/domain';

/**
 * The phases of a session as a facilitator thinks of them: which sides, in what order, which
 * steps per side, and whether the group votes per side or once for everything. Pure: the phase
 * bar and the phases dialog build on this, and it is unit-tested without a browser.
 */
export const SIDE_STEPS = ['observation', 'notes', 'clustering', 'attention'] as const;
export type SideStep = (typeof SIDE_STEPS)[number];

export interface PhasePlan {
  /** The review of the programme's open actions ("Terugblik"), always first. Absent: false. */
  review?: boolean;
  checkin: boolean;
  /** 'perSide': every side in turn; 'together': the whole model at once. */
  mode: 'perSide' | 'together';
  /** The sides taken, in the order the group goes through them. */
  sides: Id[];
  steps: Record<SideStep, boolean>;
  voting: 'none' | 'perSide' | 'together';
  ingredients: boolean;
  other: boolean;
  closing: boolean;
}

const isSideStep = (kind: PhaseKind): kind is SideStep => (SIDE_STEPS as readonly string[]).includes(kind);

/** Reads a plan back from phases (so the dialog opens on what the session has now). */
export function planFromPhases(phases: readonly Phase[], template: ModelTemplate): PhasePlan {
  const zoneIds = new Set(template.zones.map((zone) => zone.id));
  const sides: Id[] = [];
  for (const phase of phases) {
    if (phase.zoneId !== null && zoneIds.has(phase.zoneId) && !sides.includes(phase.zoneId) && isSideStep(phase.kind)) sides.push(phase.zoneId);
  }
  // Observations stay per side in both modes; the other steps tell the mode.
  const shared = phases.filter((phase) => isSideStep(phase.kind) && phase.kind !== 'observation');
  const together = shared.length > 0 && shared.every((phase) => phase.zoneId === null);
  const has = (kind: PhaseKind) => phases.some((phase) => phase.kind === kind);
  const votingPhases = phases.filter((phase) => phase.kind === 'voting');
  return {
    review: has('review'),
    checkin: has('checkin'),
    mode: together ? 'together' : 'perSide',
    sides: sides.length > 0 ? sides : template.zones.map((zone) => zone.id),
    steps: { observation: has('observation'), notes: has('notes'), clustering: has('clustering'), attention: has('attention') },
    voting: votingPhases.length === 0 ? 'none' : !together && votingPhases.some((phase) => phase.zoneId !== null) ? 'perSide' : 'together',
    ingredients: has('ingredients'),
    other: has('other'),
    closing: has('closing'),
  };
}

/**
 * The phases of a plan. Ids are derived from kind and side, so a phase keeps its id when the plan
 * changes around it and the session stays in the phase it was in.
 */
export function phasesFromPlan(plan: PhasePlan, template: ModelTemplate): Phase[] {
  const phases: Phase[] = [];
  const add = (kind: PhaseKind, zoneId: Id | null) => phases.push({ id: zoneId ? `${kind}-${zoneId}` : kind, kind, zoneId });
  if (plan.review) add('review', null);
  if (plan.checkin) add('checkin', null);
  const sides = plan.sides.filter((id) => template.zones.some((zone) => zone.id === id));
  const steps = SIDE_STEPS.filter((step) => plan.steps[step]);
  if (plan.mode === 'together') {
    // Observations are per side by nature ("Wat gaat goed?" opens every side), also when working on the whole model.
    if (plan.steps.observation) for (const side of sides) add('observation', side);
    for (const step of steps) if (step !== 'observation') add(step, null);
    if (plan.voting !== 'none') add('voting', null);
  } else {
    for (const side of sides) {
      for (const step of steps) add(step, side);
      if (plan.voting === 'perSide') add('voting', side);
    }
    if (plan.voting === 'together') add('voting', null);
  }
  if (plan.ingredients) add('ingredients', null);
  if (plan.other) add('other', null);
  if (plan.closing) add('closing', null);
  return phases;
}

export { currentPhase } from '../../../shared/rules';

/** The phase before or after the current one; from "not started", next is the first phase. */
export function neighbourPhase(flow: Flow, direction: 1 | -1): Phase | null {
  const index = flow.phases.findIndex((phase) => phase.id === flow.currentPhaseId);
  if (index === -1) return direction === 1 ? (flow.phases[0] ?? null) : null;
  return flow.phases[index + direction] ?? null;
}

/** 1-based position of the current phase, 0 when the session has not started. */
export function phaseNumber(flow: Flow): number {
  return flow.phases.findIndex((phase) => phase.id === flow.currentPhaseId) + 1;
}

/** Moves one item of a list up or down, returning a new list; out of range leaves it as it was. */
export function moveItem<T>(items: readonly T[], index: number, direction: 1 | -1): T[] {
  const target = index + direction;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}
