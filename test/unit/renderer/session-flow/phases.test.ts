import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../../shared/domain';
import { defaultPhases, initialFlow } from '../../../../shared/session-factory';
import { CREATION_LEMNISCATE, LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';
import { currentPhase, moveItem, neighbourPhase, type PhasePlan, phaseNumber, phasesFromPlan, planFromPhases } from '../../../../renderer/src/session-flow/phases';

const template = LEMNISCATE_IK_WIJ_HET;
const ids = (plan: PhasePlan) => phasesFromPlan(plan, template).map((phase) => phase.id);

describe('a plan of phases', () => {
  it('reads the default phases back as they are', () => {
    const plan = planFromPhases(defaultPhases(template), template);
    expect(plan).toEqual({
      review: false,
      checkin: true,
      mode: 'perSide',
      sides: ['wij', 'ik', 'het'],
      steps: { observation: true, notes: true, clustering: true, attention: true },
      voting: 'together',
      ingredients: true,
      other: true,
      closing: true,
    });
    expect(phasesFromPlan(plan, template)).toEqual(defaultPhases(template));
    // The review, when a session has it, stays first through the dialog.
    const withReview = [{ id: 'review', kind: 'review' as const, zoneId: null }, ...defaultPhases(template)];
    expect(phasesFromPlan(planFromPhases(withReview, template), template)).toEqual(withReview);
  });

  it('skips a side and changes the order of the others', () => {
    const plan = { ...planFromPhases(defaultPhases(template), template), sides: ['het', 'wij'] };
    expect(ids(plan).slice(0, 6)).toEqual(['checkin', 'observation-het', 'notes-het', 'clustering-het', 'attention-het', 'observation-wij']);
    expect(ids(plan).some((id) => id.endsWith('-ik'))).toBe(false);
  });

  it('votes per side right after each side’s attention points', () => {
    const plan: PhasePlan = { ...planFromPhases(defaultPhases(template), template), voting: 'perSide', steps: { observation: false, notes: true, clustering: false, attention: true } };
    expect(ids(plan)).toEqual([
      'checkin',
      'notes-wij', 'attention-wij', 'voting-wij',
      'notes-ik', 'attention-ik', 'voting-ik',
      'notes-het', 'attention-het', 'voting-het',
      'ingredients', 'other', 'closing',
    ]);
    expect(planFromPhases(phasesFromPlan(plan, template), template)).toEqual(plan);
  });

  it('works on the whole model at once, keeping "Wat gaat goed?" per side', () => {
    const plan: PhasePlan = { ...planFromPhases(defaultPhases(template), template), mode: 'together', checkin: false, other: false };
    expect(ids(plan)).toEqual(['observation-wij', 'observation-ik', 'observation-het', 'notes', 'clustering', 'attention', 'voting', 'ingredients', 'closing']);
    expect(planFromPhases(phasesFromPlan(plan, template), template)).toEqual(plan);
  });

  it('follows the order of a four-sided model and leaves out unknown sides', () => {
    const plan = planFromPhases(defaultPhases(CREATION_LEMNISCATE), CREATION_LEMNISCATE);
    expect(plan.sides).toEqual(['zij', 'ik', 'wij', 'het']);
    expect(phasesFromPlan({ ...plan, sides: ['ghost', 'zij'] }, CREATION_LEMNISCATE).filter((phase) => phase.zoneId).map((phase) => phase.zoneId)).toEqual([
      'zij', 'zij', 'zij', 'zij',
    ]);
  });

  it('drops voting when asked', () => {
    const plan = { ...planFromPhases(defaultPhases(template), template), voting: 'none' as const };
    expect(ids(plan)).not.toContain('voting');
    expect(planFromPhases(phasesFromPlan(plan, template), template).voting).toBe('none');
  });
});

describe('moving through the phases', () => {
  const flow = (currentPhaseId: string | null): Flow => ({ ...initialFlow(template), currentPhaseId });

  it('starts at the first phase and has nothing before the start', () => {
    expect(currentPhase(flow(null))).toBeNull();
    expect(phaseNumber(flow(null))).toBe(0);
    expect(neighbourPhase(flow(null), 1)?.id).toBe('checkin');
    expect(neighbourPhase(flow(null), -1)).toBeNull();
  });

  it('goes forward and back one phase at a time, and stops at the end', () => {
    expect(neighbourPhase(flow('notes-wij'), 1)?.id).toBe('clustering-wij');
    expect(neighbourPhase(flow('notes-wij'), -1)?.id).toBe('observation-wij');
    expect(neighbourPhase(flow('closing'), 1)).toBeNull();
    expect(phaseNumber(flow('closing'))).toBe(defaultPhases(template).length);
  });

  it('treats a phase that no longer exists as not started', () => {
    expect(currentPhase(flow('gone'))).toBeNull();
    expect(neighbourPhase(flow('gone'), 1)?.id).toBe('checkin');
  });

  it('moves an item up or down, and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
