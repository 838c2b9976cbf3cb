import { type ChangeEvent, useId, useState } from 'react';
import { type Id, LIMITS, type SessionState, type Zone } from '../../../shared/domain';
import type { MessageKey } from '../../../shared/i18n/messages';
import { ZONE_PALETTE } from '../canvas/palette';
import { useT } from '../ui/i18n';
import type { RunCommand } from '../ui/use-command';
import { preparePicture } from './picture-file';
import { SaveTemplateForm } from './SaveTemplateForm';
import './templates.css';

interface TemplatePanelProps {
  sessionId: Id;
  session: SessionState;
  run: RunCommand;
  onClose(): void;
}

const PROBLEM_TEXT: Record<string, MessageKey> = {
  tooBig: 'template.pictureTooBig',
  wrongType: 'template.pictureWrongType',
  unreadable: 'template.pictureUnreadable',
};

/**
 * The template editor, beside the canvas: each side's name, colour and question (zone.update, on
 * leaving a field), the facilitator's own picture behind the zones (template.background), and
 * saving the model with a programme. While it is open the zones on the canvas can be dragged and
 * resized (zone.area). Every change is one command, so it can be undone like any other.
 */
export function TemplatePanel({ sessionId, session, run, onClose }: TemplatePanelProps) {
  const t = useT();
  const titleId = useId();
  const update = (zone: Zone, fields: Partial<Pick<Zone, 'name' | 'color' | 'question'>>) => {
    const changed = Object.entries(fields).some(([key, value]) => zone[key as keyof Zone] !== value);
    if (changed) void run(sessionId, { type: 'zone.update', id: zone.id, ...fields });
  };
  return (
    <aside className="template-panel" aria-labelledby={titleId} data-testid="template-panel">
      <header className="template-head">
        <h2 id={titleId}>{t('template.editorTitle')}</h2>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('template.done')}
        </button>
      </header>
      <p className="template-intro">{t('template.editorIntro')}</p>
      {session.template.zones.map((zone, index) => (
        <ZoneFields key={zone.id} zone={zone} number={index + 1} onChange={(fields) => update(zone, fields)} />
      ))}
      <PictureField background={session.template.background} onChange={(background) => void run(sessionId, { type: 'template.background', background })} />
      <SaveTemplateForm session={session} />
    </aside>
  );
}

function ZoneFields({ zone, number, onChange }: { zone: Zone; number: number; onChange(fields: Partial<Pick<Zone, 'name' | 'color' | 'question'>>): void }) {
  const t = useT();
  const nameId = useId();
  const questionId = useId();
  return (
    <fieldset className="template-zone" style={{ borderColor: zone.color }}>
      <legend>{t('template.zone', { number })}</legend>
      <label htmlFor={nameId} className="field-label">
        {t('template.zoneName')}
      </label>
      {/* Keyed by the stored value: an undo elsewhere shows up here at once. */}
      <input
        key={zone.name}
        id={nameId}
        defaultValue={zone.name}
        maxLength={LIMITS.shortText}
        data-testid={`zone-name-${zone.id}`}
        onBlur={(event) => event.target.value.trim() && onChange({ name: event.target.value.trim() })}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
      <fieldset className="template-colors">
        <legend className="visually-hidden">{t('template.zoneColor', { zone: zone.name })}</legend>
        {ZONE_PALETTE.map(({ color, label }) => (
          <label key={color} className="swatch swatch-radio" title={t(label)} style={{ background: color, borderColor: color }}>
            <input
              type="radio"
              className="visually-hidden"
              name={`zone-color-${zone.id}`}
              aria-label={t(label)}
              checked={zone.color.toUpperCase() === color.toUpperCase()}
              onChange={() => onChange({ color })}
            />
          </label>
        ))}
      </fieldset>
      <label htmlFor={questionId} className="field-label">
        {t('template.zoneQuestion')}
      </label>
      <textarea key={zone.question} id={questionId} defaultValue={zone.question} rows={2} maxLength={LIMITS.longText} onBlur={(event) => onChange({ question: event.target.value.trim() })} />
    </fieldset>
  );
}

function PictureField({ background, onChange }: { background: string | null; onChange(background: string | null): void }) {
  const t = useT();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const prepared = await preparePicture(file);
    setBusy(false);
    if (prepared.ok) onChange(prepared.dataUrl);
    else setProblem(PROBLEM_TEXT[prepared.problem] ?? 'template.pictureUnreadable');
  };
  return (
    <section className="template-picture">
      <h3>{t('template.picture')}</h3>
      <p className="field-hint">{t('template.pictureHint')}</p>
      <div className="template-picture-actions">
        <label htmlFor={inputId} className="button button-quiet">
          {busy ? t('template.pictureBusy') : t('template.pictureChoose')}
        </label>
        <input id={inputId} type="file" className="visually-hidden" accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg" onChange={choose} data-testid="picture-input" />
        {background && (
          <button type="button" className="button button-quiet" onClick={() => onChange(null)}>
            {t('template.pictureRemove')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
