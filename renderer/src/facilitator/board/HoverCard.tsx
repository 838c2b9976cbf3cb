import type { Id, SessionState } from '../../../../shared/domain';
import { CALM_THEME } from '../../canvas/theme';
import { fitNoteText, NOTE_TEXT } from '../../canvas/note-painter';

export interface HoverTarget {
  id: Id;
  /** Where the pointer was when it came onto the note, in page pixels. */
  x: number;
  y: number;
}

/**
 * The whole text of a note that the canvas had to cut short or shrink below its normal size,
 * shown a moment after the pointer rests on it. Plain text, never HTML.
 */
export function HoverCard({ target, session }: { target: HoverTarget; session: SessionState }) {
  const note = session.notes[target.id];
  if (!note || note.text === '') return null;
  const fitted = fitNoteText(note.text, CALM_THEME.noteBand);
  if (!fitted.truncated && fitted.size > NOTE_TEXT.minSize + 2) return null;
  return (
    <div className="hover-card" role="tooltip" style={{ left: target.x + 16, top: target.y + 20 }} data-testid="hover-card">
      {note.text}
    </div>
  );
}
