import { type FormEvent, useId, useState } from 'react';
import { type AttentionPoint, LIMITS, type SessionState } from '../../../shared/domain';
import { useLink, useParticipant, useT } from './context';
import { ingredientPoints } from '../../../shared/voting';
import { queuedIngredients } from './derive';

/** In the ingredients phase: concrete actions for the chosen attention points (all of them, if none is chosen yet), in ranking order. */
export function Ingredients({ session }: { session: SessionState }) {
  const t = useT();
  const queue = useParticipant((state) => state.queue);
  const points = ingredientPoints(session);
  const queued = queuedIngredients(session, queue);
  const headingId = useId();
  return (
    <section className="phone-card" aria-labelledby={headingId} data-testid="ingredients">
      <h2 id={headingId} className="phone-heading">
        {t('phase.ingredients')}
      </h2>
      <p className="phone-muted">{t('participant.ingredientsIntro')}</p>
      {points.length === 0 && <p className="phone-muted">{t('participant.noPoints')}</p>}
      {points.map((point) => (
        <PointIngredients
          key={point.id}
          point={point}
          session={session}
          queued={queued.filter((item) => item.attentionPointId === point.id).map((item) => ({ id: item.id, text: item.text }))}
        />
      ))}
    </section>
  );
}

function PointIngredients({ point, session, queued }: { point: AttentionPoint; session: SessionState; queued: { id: string; text: string }[] }) {
  const t = useT();
  const link = useLink();
  const [text, setText] = useState('');
  const inputId = useId();
  const existing = Object.values(session.ingredients)
    .filter((ingredient) => ingredient.attentionPointId === point.id)
    .sort((a, b) => a.order - b.order);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    link.send({ type: 'ingredient.add', id: link.newId(), attentionPointId: point.id, text: trimmed });
    setText('');
  };
  return (
    <div className="phone-ingredient-point" data-testid="ingredient-point">
      <h3 className="phone-point-title">{point.title}</h3>
      {(existing.length > 0 || queued.length > 0) && (
        <ul className="phone-ingredients">
          {existing.map((ingredient) => (
            <li key={ingredient.id}>{ingredient.text}</li>
          ))}
          {queued.map((ingredient) => (
            <li key={ingredient.id} className="phone-ingredient-queued">
              {ingredient.text} <span className="phone-delivery phone-delivery-queued">{t('participant.delivery.queued')}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="phone-inline-form" onSubmit={submit}>
        <label className="visually-hidden" htmlFor={inputId}>
          {t('participant.ingredientFor', { title: point.title })}
        </label>
        <input id={inputId} value={text} maxLength={LIMITS.noteText} onChange={(event) => setText(event.target.value)} placeholder={t('participant.ingredientPlaceholder')} />
        <button type="submit" className="button button-primary" disabled={text.trim().length === 0}>
          {t('participant.addIngredient')}
        </button>
      </form>
    </div>
  );
}
