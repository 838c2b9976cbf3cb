import { type FormEvent, useId, useState } from 'react';
import type { Id, Participant, SessionState } from '../../../../shared/domain';
import { people } from '../../../../shared/rules';
import { usePresent } from '../../room/presence';
import { useT } from '../../ui/i18n';
import type { EditorProps } from './SideEditors';

/** A person as the facilitator reads them: their name, or their number in the order they joined. */
function labelOf(person: Participant, index: number, t: ReturnType<typeof useT>): string {
  return person.name?.trim() || t('people.unnamed', { number: index + 1 });
}

function activityOf(session: SessionState): Map<Id, { notes: number; dots: number }> {
  const activity = new Map<Id, { notes: number; dots: number }>();
  const of = (id: Id) => activity.get(id) ?? activity.set(id, { notes: 0, dots: 0 }).get(id);
  for (const note of Object.values(session.notes)) if (note.authorId !== null) (of(note.authorId) as { notes: number }).notes += 1;
  for (const vote of Object.values(session.votes)) (of(vote.participantId) as { dots: number }).dots += 1;
  return activity;
}

/**
 * Who takes part, with whether their phone is connected and what they did, and one form to merge
 * a person who joined twice (a private tab, another browser) into their first join. Drawn only
 * while open: a room of a thousand phones must not cost the panel a thousand rows.
 */
export function PeopleList({ sessionId, session, readOnly, run }: EditorProps) {
  const t = useT();
  const present = usePresent();
  const [open, setOpen] = useState(false);
  const everyone = people(session);
  return (
    <details className="flow-people-list" data-testid="people-list" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('people.list', { count: everyone.length })}</summary>
      {open && <PeopleRows sessionId={sessionId} session={session} readOnly={readOnly} run={run} everyone={everyone} present={present} />}
    </details>
  );
}

function PeopleRows({ sessionId, session, readOnly, run, everyone, present }: EditorProps & { everyone: Participant[]; present: readonly Id[] | null }) {
  const t = useT();
  const online = new Set(present ?? []);
  const activity = activityOf(session);
  const labels = new Map(everyone.map((person, index) => [person.id, labelOf(person, index, t)]));
  const [duplicateId, setDuplicateId] = useState('');
  const [intoId, setIntoId] = useState('');
  const duplicateField = useId();
  const intoField = useId();
  const merge = (event: FormEvent) => {
    event.preventDefault();
    if (duplicateId === '' || intoId === '' || duplicateId === intoId) return;
    void run(sessionId, { type: 'participant.merge', duplicateId, intoId });
    setDuplicateId('');
    setIntoId('');
  };
  const options = (except: string) =>
    everyone
      .filter((person) => person.id !== except)
      .map((person) => (
        <option key={person.id} value={person.id}>
          {labels.get(person.id)}
        </option>
      ));
  return (
    <>
      <ul className="people-rows">
        {everyone.map((person) => {
          const done = activity.get(person.id) ?? { notes: 0, dots: 0 };
          const isOnline = online.has(person.id);
          return (
            <li key={person.id} data-participant={person.id} data-online={isOnline}>
              <span className={`people-presence${isOnline ? ' people-online' : ''}`} aria-hidden="true" />
              <span className="people-name">{labels.get(person.id)}</span>
              <span className="flow-muted">
                {isOnline ? t('people.online') : t('people.offline')} · {t(done.notes === 1 ? 'board.noteCountOne' : 'board.noteCount', { count: done.notes })} ·{' '}
                {t(done.dots === 1 ? 'flow.dotsOne' : 'flow.dots', { count: done.dots })}
              </span>
            </li>
          );
        })}
      </ul>
      {!readOnly && everyone.length > 1 && (
        <form className="people-merge" onSubmit={merge} data-testid="people-merge">
          <p className="flow-muted">{t('people.mergeHint')}</p>
          <label htmlFor={duplicateField} className="people-merge-label">
            {t('people.duplicate')}
          </label>
          <select id={duplicateField} value={duplicateId} onChange={(event) => setDuplicateId(event.target.value)} data-testid="merge-duplicate">
            <option value="">{t('people.choose')}</option>
            {options('')}
          </select>
          <label htmlFor={intoField} className="people-merge-label">
            {t('people.sameAs')}
          </label>
          <select id={intoField} value={intoId} onChange={(event) => setIntoId(event.target.value)} data-testid="merge-into">
            <option value="">{t('people.choose')}</option>
            {options(duplicateId)}
          </select>
          <button type="submit" className="button button-quiet" disabled={duplicateId === '' || intoId === ''} data-testid="merge-submit">
            {t('people.merge')}
          </button>
        </form>
      )}
    </>
  );
}
