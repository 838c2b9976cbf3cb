import { nanoid } from 'nanoid';
import { type FormEvent, useId, useState } from 'react';
import { type Id, LIMITS, type SessionState, type Zone } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';
import { EditableText } from './EditableText';
import { otherPointsOf } from '../../../../shared/other-points';

export interface EditorProps {
  sessionId: Id;
  session: SessionState;
  readOnly: boolean;
  run: RunCommand;
}

/** "Wat gaat goed?": the short text that opens a side, typed by the facilitator as the group says it. */
export function ObservationEditor({ sessionId, session, readOnly, run, zones }: EditorProps & { zones: readonly Zone[] }) {
  const t = useT();
  return (
    <section className="flow-section" data-testid="observation-editor">
      <p className="flow-hint">{t('flow.observationHint')}</p>
      {zones.map((zone) => (
        <div key={zone.id} className="flow-field">
          <span className="flow-label">
            <span className="zone-dot" style={{ background: zone.color }} aria-hidden="true" />
            {zones.length > 1 ? zone.name : t('phase.observation')}
          </span>
          <EditableText
            multiline
            value={session.observations[zone.id]?.text ?? ''}
            label={t('flow.observationFor', { side: zone.name })}
            placeholder={t('flow.observationPlaceholder')}
            maxLength={LIMITS.longText}
            disabled={readOnly}
            allowEmpty
            onSave={(text) => void run(sessionId, { type: 'observation.set', zoneId: zone.id, text })}
            testId={`observation-${zone.id}`}
          />
        </div>
      ))}
    </section>
  );
}

/** While notes stay hidden: reveal one side, or every side at once (and hide them again). */
export function RevealControls({ sessionId, session, readOnly, run, zoneId }: EditorProps & { zoneId: Id | null }) {
  const t = useT();
  if (!session.settings.hideNotesUntilReveal) return null;
  const revealed = new Set(session.flow.revealedZoneIds);
  const zone = session.template.zones.find((candidate) => candidate.id === zoneId);
  const allShown = session.template.zones.every((candidate) => revealed.has(candidate.id));
  const reveal = (target: Id | null, show: boolean) => void run(sessionId, { type: 'notes.reveal', zoneId: target, revealed: show });
  return (
    <section className="flow-section flow-reveal" data-testid="reveal-controls">
      <p className="flow-hint">{t('flow.hiddenHint')}</p>
      <div className="flow-buttons">
        {zone && (
          <button
            type="button"
            className={`button ${revealed.has(zone.id) ? 'button-quiet' : 'button-primary'}`}
            disabled={readOnly}
            onClick={() => reveal(zone.id, !revealed.has(zone.id))}
            data-testid="reveal-zone"
          >
            {revealed.has(zone.id) ? t('flow.hideSide', { side: zone.name }) : t('flow.revealSide', { side: zone.name })}
          </button>
        )}
        <button type="button" className="button button-quiet" disabled={readOnly} onClick={() => reveal(null, !allShown)} data-testid="reveal-all">
          {allShown ? t('flow.hideAll') : t('flow.revealAll')}
        </button>
      </div>
    </section>
  );
}

/** "Overig genoemde punten": what was said but not chosen, per side; kept, never lost. */
export function OtherPointsEditor({ sessionId, session, readOnly, run, zoneId }: EditorProps & { zoneId: Id | null }) {
  const t = useT();
  const sides: (Zone | null)[] = zoneId
    ? session.template.zones.filter((zone) => zone.id === zoneId)
    : [...session.template.zones, null];
  return (
    <section className="flow-section" data-testid="other-editor">
      <p className="flow-hint">{t('flow.otherHint')}</p>
      {sides.map((zone) => {
        const points = otherPointsOf(session, zone?.id ?? null);
        return (
          <div key={zone?.id ?? 'session'} className="flow-group" data-zone={zone?.id ?? ''}>
            <h3 className="flow-group-title">
              <span className="zone-dot" style={{ background: zone?.color ?? 'var(--ink-soft)' }} aria-hidden="true" />
              {zone?.name ?? t('flow.wholeSession')}
            </h3>
            {points.length > 0 && (
              <ul className="flow-list">
                {points.map((point) => (
                  <li key={point.id}>
                    <span className="flow-list-text">{point.text}</span>
                    <RemoveButton label={t('flow.removeOther', { text: point.text })} disabled={readOnly} onClick={() => void run(sessionId, { type: 'other.delete', id: point.id })} />
                  </li>
                ))}
              </ul>
            )}
            <AddLine
              label={t('flow.addOtherFor', { side: zone?.name ?? t('flow.wholeSession') })}
              placeholder={t('flow.addOtherPlaceholder')}
              disabled={readOnly}
              onAdd={(text) => void run(sessionId, { type: 'other.add', id: nanoid(), zoneId: zone?.id ?? null, text })}
              testId={`add-other-${zone?.id ?? 'session'}`}
            />
          </div>
        );
      })}
    </section>
  );
}

/** One line to type something new in, with an add button; Enter adds too. */
export function AddLine({ label, placeholder, disabled, onAdd, testId }: { label: string; placeholder: string; disabled: boolean; onAdd(text: string): void; testId?: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = text.trim();
    if (clean === '') return;
    onAdd(clean);
    setText('');
  };
  return (
    <form className="flow-add" onSubmit={submit} data-testid={testId}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="flow-input" value={text} maxLength={LIMITS.noteText} placeholder={placeholder} disabled={disabled} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="button button-quiet" disabled={disabled || text.trim() === ''}>
        {t('flow.add')}
      </button>
    </form>
  );
}

export function RemoveButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick(): void }) {
  return (
    <button type="button" className="flow-remove" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
