import { useId, useState } from 'react';
import { LIMITS, type SessionState } from '../../../shared/domain';
import { useLink, useParticipant, useT } from './context';
import { type MyNote, myNotes } from './derive';

/** The notes this phone wrote: change or withdraw them; each says whether it reached the host. */
export function MyNotes({ session }: { session: SessionState }) {
  const t = useT();
  const link = useLink();
  const queue = useParticipant((state) => state.queue);
  const notes = myNotes(session, queue, link.participantId);
  const headingId = useId();
  return (
    <section className="phone-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="phone-heading">
        {t('participant.myNotes')} <span className="phone-count">({notes.length})</span>
      </h2>
      {notes.length === 0 ? (
        <p className="phone-muted">{t('participant.noNotes')}</p>
      ) : (
        <ul className="phone-notes" data-testid="my-notes">
          {notes.map((note) => (
            <NoteItem key={note.id} note={note} session={session} />
          ))}
        </ul>
      )}
    </section>
  );
}

function NoteItem({ note, session }: { note: MyNote; session: SessionState }) {
  const t = useT();
  const link = useLink();
  const [mode, setMode] = useState<'view' | 'edit' | 'withdraw'>('view');
  const [draft, setDraft] = useState(note.text);
  const zone = session.template.zones.find((candidate) => candidate.id === note.zoneId);
  const editId = useId();

  const save = () => {
    const text = draft.trim();
    if (text.length > 0 && text !== note.text) link.send({ type: 'note.edit', id: note.id, text });
    setMode('view');
  };

  return (
    <li className="phone-note" style={{ borderLeftColor: zone?.color }} data-delivery={note.delivery}>
      <p className="phone-note-side">
        {zone?.name}
        <span className={`phone-delivery phone-delivery-${note.delivery}`}>{t(`participant.delivery.${note.delivery}`)}</span>
      </p>
      {mode === 'edit' ? (
        <>
          <label className="visually-hidden" htmlFor={editId}>
            {t('participant.editLabel')}
          </label>
          <textarea id={editId} className="phone-textarea" rows={3} maxLength={LIMITS.noteText} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <div className="phone-actions">
            <button type="button" className="button button-primary" onClick={save} disabled={draft.trim().length === 0}>
              {t('form.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setMode('view')}>
              {t('form.cancel')}
            </button>
          </div>
        </>
      ) : (
        <p className="phone-note-text">{note.text}</p>
      )}
      {mode === 'view' && (
        <div className="phone-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setDraft(note.text);
              setMode('edit');
            }}
          >
            {t('participant.edit')}
          </button>
          <button type="button" className="button button-quiet button-danger" onClick={() => setMode('withdraw')}>
            {t('participant.withdraw')}
          </button>
        </div>
      )}
      {mode === 'withdraw' && (
        <div className="phone-actions">
          <span className="phone-confirm">{t('participant.withdrawQuestion')}</span>
          <button type="button" className="button button-danger-solid" onClick={() => link.send({ type: 'note.delete', ids: [note.id] })}>
            {t('participant.withdrawYes')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setMode('view')}>
            {t('participant.withdrawNo')}
          </button>
        </div>
      )}
    </li>
  );
}
