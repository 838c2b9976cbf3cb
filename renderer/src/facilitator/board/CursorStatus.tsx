import type { Id, SessionState } from '../../../../shared/domain';
import { useT } from '../../ui/i18n';
import { cursorPlace } from './note-cursor';

/**
 * What the keyboard's cursor is on, in words: the canvas is a picture to a screen reader, so each
 * step of the arrow keys is said here ("WIJ-kant, notitie 2 van 5: …, gekozen"). Visually hidden;
 * sighted people see the dashed ring on the canvas.
 */
export function CursorStatus({ session, cursor, selected }: { session: SessionState; cursor: Id | null; selected: boolean }) {
  const t = useT();
  const place = cursor ? cursorPlace(session, cursor) : null;
  const note = cursor ? session.notes[cursor] : undefined;
  const cluster = note?.clusterId ? session.clusters[note.clusterId] : undefined;
  const side = session.template.zones.find((zone) => zone.id === place?.zoneId)?.name ?? '';
  const words =
    place && note
      ? [
          t('cursor.at', { side, position: place.position, count: place.count, text: note.text }),
          cluster ? t('cursor.inGroup', { title: cluster.title }) : null,
          selected ? t('cursor.selected') : null,
        ]
          .filter(Boolean)
          .join(', ')
      : '';
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="board-cursor" data-note-id={place ? cursor : undefined}>
      {words}
    </p>
  );
}
