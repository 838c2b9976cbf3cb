import { nanoid } from 'nanoid';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { LIMITS, type Id, type SessionState } from '../../../../shared/domain';
import { type CameraTransform, NOTE, paperTint, worldToScreen } from '../../canvas/geometry';
import { CALM_THEME, FONT_STACK } from '../../canvas/theme';
import type { NoteDraft } from '../../store';
import { useT } from '../../ui/i18n';
import type { RunCommand } from '../../ui/use-command';

interface NoteEditorProps {
  sessionId: Id;
  session: SessionState;
  draft: NoteDraft;
  transform: CameraTransform;
  run: RunCommand;
  onDone(): void;
}

/** Smaller than this on screen, a note is too small to type in; the editor then grows around its centre. */
const MIN_EDITOR = { width: 260, height: 150 };
/** Type in the editor is one comfortable size on screen, whatever the zoom. */
const EDITOR_FONT = 19;
const MAX_EDITOR_HEIGHT = 320;

/**
 * Typing a note happens in a real textarea laid over the canvas, where the note is or will be:
 * the browser gives spelling, input methods and accessibility for free. Enter saves, Esc cancels,
 * and leaving the field saves too, because nothing typed may be lost.
 */
export function NoteEditor({ sessionId, session, draft, transform, run, onDone }: NoteEditorProps) {
  const t = useT();
  const existing = draft.kind === 'edit' ? session.notes[draft.noteId] : undefined;
  const [text, setText] = useState(existing?.text ?? '');
  const finished = useRef(false);
  const field = useRef<HTMLTextAreaElement>(null);
  // The facilitator double-clicked to type: the cursor belongs in the note, at the end of its text.
  useLayoutEffect(() => {
    const element = field.current;
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);

  // Texts another laptop gave this note at the same time (kept by the archive merge), newest first.
  const others = (existing?.conflicts ?? []).map((entry) => entry.text).filter((other) => other !== existing?.text);
  const centre = draft.kind === 'new' ? { x: draft.x, y: draft.y } : existing ? { x: existing.x, y: existing.y } : null;
  const zoneId = draft.kind === 'new' ? draft.zoneId : existing?.zoneId;
  const zone = session.template.zones.find((candidate) => candidate.id === zoneId);
  if (!centre) return null;

  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone();
    const clean = text.trim();
    if (!save || clean === '') return;
    if (draft.kind === 'new') {
      void run(sessionId, { type: 'note.add', id: draft.id ?? nanoid(), zoneId: draft.zoneId, text: clean, x: Math.round(draft.x), y: Math.round(draft.y) });
    } else if (existing && (clean !== existing.text || others.length > 0)) {
      // Saving a note that had texts from another laptop settles it: the facilitator has seen them.
      void run(sessionId, { type: 'note.edit', id: existing.id, text: clean });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  };

  const screen = worldToScreen(transform, centre);
  const scale = Math.max(transform.scale, MIN_EDITOR.width / NOTE.width);
  const width = NOTE.width * scale;
  // Room for what is typed: the field grows with the text (a long note stays readable while it is written).
  const lines = Math.max(4, Math.ceil(text.length / 22) + text.split('\n').length);
  const height = Math.min(MAX_EDITOR_HEIGHT, Math.max(NOTE.height * scale, MIN_EDITOR.height, lines * EDITOR_FONT * 1.3 + 24));
  return (
    <div className="note-editor" style={{ left: screen.x - width / 2, top: screen.y - height / 2, width }}>
      <textarea
        ref={field}
        aria-label={t('note.editorLabel')}
        placeholder={t('note.placeholder')}
        maxLength={LIMITS.noteText}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
        style={{
          height,
          fontFamily: FONT_STACK,
          fontSize: EDITOR_FONT,
          padding: 12,
          background: paperTint(existing?.color ?? zone?.color ?? '#cccccc', CALM_THEME.noteTint),
          borderTop: `${CALM_THEME.noteBand}px solid ${zone?.color ?? '#cccccc'}`,
        }}
      />
      <p className="note-editor-hint">{t('note.editorHint')}</p>
      {others.length > 0 && (
        <div className="note-editor-conflicts" data-testid="note-conflicts">
          <p>{t('note.conflicts')}</p>
          <ul>
            {others.map((other) => (
              <li key={other}>
                “{other}”{' '}
                {/* mousedown, not click: the field must not lose focus (and save) before the text is taken. */}
                <button type="button" className="button button-quiet" onMouseDown={(event) => { event.preventDefault(); setText(other); }}>
                  {t('note.conflictUse')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
