import { z } from 'zod';
import { LIMITS } from './basics';
import { color, conflictsFieldSchema, coordinate, entityId, storedNoteText, storedText, timestamp, zoneId } from './fields';
import { isZoneHidden } from '../rules';
import { defineRecord, type ViewContext } from './define';

export const HIDDEN_TEXT = '';

const noteSchema = z
  .object({
    id: entityId,
    zoneId,
    text: storedNoteText,
    x: coordinate,
    y: coordinate,
    color: color.nullable(),
    /** The participant who wrote it; null for the facilitator or when the session is anonymous. */
    authorId: entityId.nullable(),
    authorName: storedText(LIMITS.participantName).nullable(),
    clusterId: entityId.nullable(),
    /** The programme theme it is linked to by hand (theme.link); absent when it is linked to none. */
    themeId: entityId.optional(),
    createdAt: timestamp,
    /**
     * True while a phone's note waits for the facilitator's approval (moderation); only its author
     * and the facilitator see it. Absent or false: an ordinary note.
     */
    pending: z.boolean().optional(),
    /** Texts another laptop gave this note at the same time; the newest text is the one shown. */
    conflicts: conflictsFieldSchema,
  })
  .strict();

type Note = z.infer<typeof noteSchema>;

/** Hidden until the facilitator reveals the note's side, while the session keeps notes hidden. */
export function isNoteHidden(state: ViewContext['state'], note: Pick<Note, 'zoneId'>): boolean {
  return isZoneHidden(state, note.zoneId);
}

export const noteRecord = defineRecord({
  key: 'notes',
  scope: 'session',
  singleton: false,
  table: 'note',
  version: 1,
  migrations: [],
  schema: noteSchema,
  conflictField: 'text',
  owner: (note) => note.authorId,
  redact(note, { actor, state }) {
    const own = actor.role === 'participant' && actor.participantId !== null && note.authorId === actor.participantId;
    if (own) return note;
    // A note waiting for moderation exists only for its author and the facilitator.
    if (note.pending) return null;
    // Turning anonymity on hides names written before (visibilityKey includes it, so views are resent).
    const { conflicts: _conflicts, ...rest } = note;
    const visible = { ...rest, authorId: null, authorName: state.settings.anonymous ? null : note.authorName };
    if (isNoteHidden(state, note)) return { ...visible, text: HIDDEN_TEXT, authorName: null };
    return visible;
  },
});
