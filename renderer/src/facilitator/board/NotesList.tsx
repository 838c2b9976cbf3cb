import { memo } from 'react';
import type { SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';

/**
 * The canvas is a picture to a screen reader; this list says the same in text, side by side.
 * Visually hidden, it is also how an automated test can read what the canvas shows.
 */
export const NotesList = memo(function NotesList({ session }: { session: SessionState }) {
  const t = useT();
  const notes = Object.values(session.notes);
  return (
    <section className="visually-hidden" aria-label={t('board.canvasLabel')}>
      {session.template.zones.map((zone) => (
        <ul key={zone.id} aria-label={zone.name} data-zone-id={zone.id}>
          {notes
            .filter((note) => note.zoneId === zone.id)
            .map((note) => (
              <li key={note.id}>{note.text}</li>
            ))}
        </ul>
      ))}
    </section>
  );
});
