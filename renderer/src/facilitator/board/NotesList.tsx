import { memo, useState } from 'react';
import type { Id, Note, SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';

/** Notes listed per side at first, and added per press of "more": a list of 3,000 helps no one and costs a second to lay out. */
export const NOTES_LIST_PAGE = 100;

/**
 * The canvas is a picture to a screen reader; this list says the same in text, side by side.
 * Visually hidden (shown when a key brings focus into it), it is also how an automated test can
 * read what the canvas shows. Each side lists its first NOTES_LIST_PAGE notes, says how many more
 * there are, and offers a button to list more.
 */
export const NotesList = memo(function NotesList({ session }: { session: SessionState }) {
  const t = useT();
  const bySide = new Map<Id, Note[]>(session.template.zones.map((zone) => [zone.id, []]));
  for (const note of Object.values(session.notes)) bySide.get(note.zoneId)?.push(note);
  return (
    <section className="notes-list visually-hidden" aria-label={t('board.canvasLabel')}>
      {session.template.zones.map((zone) => (
        <SideList key={zone.id} zoneId={zone.id} name={zone.name} notes={bySide.get(zone.id) ?? []} more={(count) => t('board.notesListMore', { count })} showMore={(count) => t('board.notesListShowMore', { count })} />
      ))}
    </section>
  );
});

interface SideListProps {
  zoneId: Id;
  name: string;
  notes: readonly Note[];
  more(count: number): string;
  showMore(count: number): string;
}

function SideList({ zoneId, name, notes, more, showMore }: SideListProps) {
  const [limit, setLimit] = useState(NOTES_LIST_PAGE);
  const rest = notes.length - limit;
  return (
    <>
      <ul aria-label={name} data-zone-id={zoneId}>
        {notes.slice(0, limit).map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
      {rest > 0 && (
        <p data-zone-more={zoneId}>
          {more(rest)}{' '}
          <button type="button" className="button button-quiet" onClick={() => setLimit((current) => current + NOTES_LIST_PAGE)}>
            {showMore(Math.min(rest, NOTES_LIST_PAGE))}
          </button>
        </p>
      )}
    </>
  );
}
