import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { LIMITS, type SessionState } from '../../../shared/domain';
import { workMode } from '../../../shared/zones';
import { useLink, useT } from './context';
import { currentPhase } from './derive';

/** Add a note to a side. The side of the current phase is chosen already; the others are one tap away. */
export function NoteComposer({ session }: { session: SessionState }) {
  const t = useT();
  const link = useLink();
  const zones = session.template.zones;
  const phaseZone = currentPhase(session)?.zoneId ?? session.flow.focusZoneId;
  const [zoneId, setZoneId] = useState<string | null>(phaseZone);
  const [text, setText] = useState('');
  const [sentAt, setSentAt] = useState(0);
  const textId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  // When the facilitator moves on to another side, the phone follows.
  useEffect(() => {
    if (phaseZone) setZoneId(phaseZone);
  }, [phaseZone]);

  const chosen = zones.find((zone) => zone.id === zoneId) ?? (zones.length === 1 ? zones[0] : undefined);
  // A session that works per theme names its zones themes, not sides (shared/zones.ts).
  const mode = workMode(session.template);
  const legend = mode === 'sides' ? 'participant.side' : mode === 'themes' ? 'participant.theme' : 'participant.sideOrTheme';
  const trimmed = text.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || trimmed.length === 0) return;
    // No place of its own: the host lays it on the side's first free spot, clear of every other note.
    link.send({ type: 'note.add', id: link.newId(), zoneId: chosen.id, text: trimmed });
    setText('');
    setSentAt(Date.now());
    field.current?.focus();
  };

  return (
    <section className="phone-card" aria-labelledby={`${textId}-heading`}>
      <h2 id={`${textId}-heading`} className="phone-heading">
        {t('participant.addNote')}
      </h2>
      <form onSubmit={submit}>
        {zones.length > 1 && (
          <fieldset className="field">
            <legend className="field-label">{t(legend)}</legend>
            <div className="chips phone-zones">
              {zones.map((zone) => (
                <button
                  key={zone.id}
                  type="button"
                  className="chip phone-zone-chip"
                  aria-pressed={zone.id === chosen?.id}
                  onClick={() => setZoneId(zone.id)}
                >
                  <span className="phone-zone-dot" style={{ background: zone.color }} aria-hidden="true" />
                  {zone.name}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <label className="field" htmlFor={textId}>
          <span className="field-label">{chosen ? t('participant.noteFor', { side: chosen.name }) : t(mode === 'themes' ? 'participant.chooseTheme' : 'participant.chooseSide')}</span>
          <textarea
            id={textId}
            ref={field}
            className="phone-textarea"
            rows={3}
            maxLength={LIMITS.noteText}
            value={text}
            onChange={(event) => setText(event.target.value)}
            enterKeyHint="send"
          />
          {text.length > LIMITS.noteText - 80 && (
            <span className="field-hint">{t('participant.charsLeft', { count: LIMITS.noteText - text.length })}</span>
          )}
        </label>
        <button type="submit" className="button button-primary button-large phone-wide" disabled={!chosen || trimmed.length === 0}>
          {t('participant.send')}
        </button>
        <p className="phone-muted phone-sent" aria-live="polite">
          {sentAt > 0 ? t('participant.added') : ''}
        </p>
      </form>
    </section>
  );
}
