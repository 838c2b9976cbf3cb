import { useState } from 'react';
import type { Id, SessionState } from '../../../../shared/domain';
import { FormDialog } from '../../ui/FormDialog';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { phaseLabel } from '../labels';
import { moveItem, type PhasePlan, phasesFromPlan, planFromPhases, SIDE_STEPS } from '../phases';

interface PhasesDialogProps {
  sessionId: Id;
  session: SessionState;
  run: RunCommand;
  onClose(): void;
}

/**
 * "Fasen": which sides, in which order, which steps, and how the group votes. Saving changes only
 * the order of work: notes, points and votes of a phase that is left out stay in the session.
 */
export function PhasesDialog({ sessionId, session, run, onClose }: PhasesDialogProps) {
  const t = useT();
  const { template } = session;
  const [plan, setPlan] = useState<PhasePlan>(() => planFromPhases(session.flow.phases, template));
  const update = (changes: Partial<PhasePlan>) => setPlan((current) => ({ ...current, ...changes }));
  const phases = phasesFromPlan(plan, template);
  const ordered = [...plan.sides, ...template.zones.map((zone) => zone.id).filter((id) => !plan.sides.includes(id))];
  const submit = async () => (await run(sessionId, { type: 'phases.configure', phases })) !== null;

  return (
    <FormDialog title={t('phases.title')} submitLabel={t('form.save')} onSubmit={submit} onClose={onClose} canSubmit={phases.length > 0}>
      <div className="phases-dialog" data-testid="phases-dialog">
        <div className="phases-columns">
          <div>
            <fieldset className="field">
              <legend className="field-label">{t('phases.how')}</legend>
              <Radio name="mode" checked={plan.mode === 'perSide'} onChange={() => update({ mode: 'perSide' })} label={t('phases.perSide')} />
              <Radio name="mode" checked={plan.mode === 'together'} onChange={() => update({ mode: 'together', voting: plan.voting === 'perSide' ? 'together' : plan.voting })} label={t('phases.together')} />
            </fieldset>
            <fieldset className="field">
              <legend className="field-label">{t('phases.sides')}</legend>
              <p className="field-hint">{t('phases.sidesHint')}</p>
              <ol className="phases-sides">
                {ordered.map((id) => {
                  const zone = template.zones.find((candidate) => candidate.id === id);
                  const index = plan.sides.indexOf(id);
                  const taken = index !== -1;
                  return (
                    <li key={id} data-zone={id}>
                      <label className="phases-check">
                        <input
                          type="checkbox"
                          checked={taken}
                          onChange={() => update({ sides: taken ? plan.sides.filter((side) => side !== id) : [...plan.sides, id] })}
                        />
                        <span className="zone-dot" style={{ background: zone?.color }} aria-hidden="true" />
                        {zone?.name}
                      </label>
                      <button type="button" className="flow-move" disabled={!taken || index === 0} aria-label={t('phases.up', { side: zone?.name ?? id })} onClick={() => update({ sides: moveItem(plan.sides, index, -1) })}>
                        ↑
                      </button>
                      <button type="button" className="flow-move" disabled={!taken || index === plan.sides.length - 1} aria-label={t('phases.down', { side: zone?.name ?? id })} onClick={() => update({ sides: moveItem(plan.sides, index, 1) })}>
                        ↓
                      </button>
                    </li>
                  );
                })}
              </ol>
            </fieldset>
          </div>
          <div>
            <fieldset className="field">
              <legend className="field-label">{t('phases.steps')}</legend>
              <Check checked={plan.review ?? false} onChange={(review) => update({ review })} label={t('phase.review')} />
              <Check checked={plan.checkin} onChange={(checkin) => update({ checkin })} label={t('phase.checkin')} />
              {SIDE_STEPS.map((step) => (
                <Check key={step} checked={plan.steps[step]} onChange={(on) => update({ steps: { ...plan.steps, [step]: on } })} label={t(`phase.${step}`)} />
              ))}
              <Check checked={plan.ingredients} onChange={(ingredients) => update({ ingredients })} label={t('phase.ingredients')} />
              <Check checked={plan.other} onChange={(other) => update({ other })} label={t('phase.other')} />
              <Check checked={plan.closing} onChange={(closing) => update({ closing })} label={t('phase.closing')} />
            </fieldset>
            <fieldset className="field">
              <legend className="field-label">{t('phases.voting')}</legend>
              <Radio name="voting" checked={plan.voting === 'together'} onChange={() => update({ voting: 'together' })} label={t('phases.votingTogether')} />
              {plan.mode === 'perSide' && <Radio name="voting" checked={plan.voting === 'perSide'} onChange={() => update({ voting: 'perSide' })} label={t('phases.votingPerSide')} />}
              <Radio name="voting" checked={plan.voting === 'none'} onChange={() => update({ voting: 'none' })} label={t('phases.votingNone')} />
            </fieldset>
          </div>
        </div>
        <details className="phases-preview">
          <summary>{t('phases.preview', { count: phases.length })}</summary>
          <ol>
            {phases.map((phase) => (
              <li key={phase.id}>{phaseLabel(t, phase, template.zones)}</li>
            ))}
          </ol>
        </details>
        <p className="field-hint">{t('phases.safe')}</p>
      </div>
    </FormDialog>
  );
}

function Check({ checked, onChange, label }: { checked: boolean; onChange(on: boolean): void; label: string }) {
  return (
    <label className="phases-check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

function Radio({ name, checked, onChange, label }: { name: string; checked: boolean; onChange(): void; label: string }) {
  return (
    <label className="phases-check">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      {label}
    </label>
  );
}
