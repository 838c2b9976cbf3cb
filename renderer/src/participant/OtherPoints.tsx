import { type FormEvent, useId, useState } from 'react';
import { type Id, LIMITS, type SessionState } from '../../../shared/domain';
import { useLink, useParticipant, useT } from './context';
import { currentPhase } from './derive';
import { otherPointsOf } from '../../../shared/other-points';

/**
 * "Overig genoemde punten" from a phone: what someone wants kept although it was not chosen, on
 * a side or for the whole session. Shown in the phase of that name (added for the session flow).
 */
export function OtherPoints({ session }: { session: SessionState }) {
  const t = useT();
  const link = useLink();
  const queue = useParticipant((state) => state.queue);
  const phaseZone = currentPhase(session)?.zoneId ?? null;
  const [zoneId, setZoneId] = useState<Id | null>(phaseZone);
  const [text, setText] = useState('');
  const headingId = useId();
  const inputId = useId();
  const sides = [...session.template.zones.map((zone) => ({ id: zone.id as Id | null, name: zone.name, color: zone.color })), { id: null, name: t('flow.wholeSession'), color: 'var(--line)' }];
  const queued = queue.filter((item) => item.stream === session.meta.id && item.command.type === 'other.add');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = text.trim();
    if (clean === '') return;
    link.send({ type: 'other.add', id: link.newId(), zoneId, text: clean });
    setText('');
  };
  return (
    <section className="phone-card" aria-labelledby={headingId} data-testid="other-points">
      <h2 id={headingId} className="phone-heading">
        {t('phase.other')}
      </h2>
      <p className="phone-muted">{t('participant.otherIntro')}</p>
      {sides.map((side) => {
        const points = otherPointsOf(session, side.id);
        if (points.length === 0) return null;
        return (
          <div key={side.id ?? 'session'} className="phone-side">
            <h3 className="phone-side-name" style={{ borderColor: side.color }}>
              {side.name}
            </h3>
            <ul className="phone-ingredients">
              {points.map((point) => (
                <li key={point.id}>{point.text}</li>
              ))}
            </ul>
          </div>
        );
      })}
      {queued.length > 0 && (
        <ul className="phone-ingredients">
          {queued.map((item) => (
            <li key={item.id} className="phone-ingredient-queued">
              {String(item.command.text ?? '')} <span className="phone-delivery phone-delivery-queued">{t('participant.delivery.queued')}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend className="field-label">{t('participant.side')}</legend>
          <div className="chips phone-zones">
            {sides.map((side) => (
              <button key={side.id ?? 'session'} type="button" className="chip phone-zone-chip" aria-pressed={side.id === zoneId} onClick={() => setZoneId(side.id)}>
                <span className="phone-zone-dot" style={{ background: side.color }} aria-hidden="true" />
                {side.name}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="phone-inline-form">
          <label className="visually-hidden" htmlFor={inputId}>
            {t('participant.otherLabel')}
          </label>
          <input id={inputId} value={text} maxLength={LIMITS.noteText} onChange={(event) => setText(event.target.value)} placeholder={t('participant.otherPlaceholder')} />
          <button type="submit" className="button button-primary" disabled={text.trim() === ''}>
            {t('participant.addIngredient')}
          </button>
        </div>
      </form>
    </section>
  );
}
