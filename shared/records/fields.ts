import { z } from 'zod';
import { LIMITS } from './basics';

/**
 * Field schemas shared by records and commands. Record schemas check what is stored and what an
 * archive brings in; they never transform a value, so a value that passes comes out byte for byte.
 * Commands use the trimming variants on what people type.
 */

/**
 * Ids are keys of plain objects in the state, so names that every object inherits ('constructor',
 * '__proto__', 'toString', …) are refused: a lookup would find the inherited member, not an entity.
 */
export const entityId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1–64 letters, digits, - or _')
  .refine((id) => !(id in Object.prototype), 'this id is a reserved name');
export const zoneId = entityId;
export const coordinate = z.number().finite().min(-10000).max(10000);
export const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'colours are #RRGGBB');
/** Epoch milliseconds, as the host's clock gave them. */
export const timestamp = z.number().int().min(0).max(8.64e15);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  // A real calendar day: 2025-02-30 or 2025-13-01 would otherwise reach reports and sorting.
  .refine((date) => {
    const time = Date.parse(`${date}T00:00:00Z`);
    return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === date;
  }, 'no such date');

/** Stored text of a kind, within its limit (untrimmed: stored exactly as accepted). */
export const storedText = (max: number) => z.string().max(max);
export const storedNoteText = z.string().min(1).max(LIMITS.noteText);
export const storedTitle = z.string().min(1).max(LIMITS.title);

/** What people type: trimmed, then checked against the same limits. */
export const noteText = z.string().trim().min(1).max(LIMITS.noteText);
export const title = z.string().trim().min(1).max(LIMITS.title);
export const shortText = z.string().trim().max(LIMITS.shortText);
export const longText = z.string().max(LIMITS.longText);
export const empty = z.object({}).strict();

/** Another laptop's version of a record's text, kept visible after a merge (the newest is shown). */
export const conflictEntry = z.object({ rev: z.string().max(80), text: z.string().max(LIMITS.longText) }).strict();
export const conflictsFieldSchema = z.array(conflictEntry).max(20).optional();

/** A place in a list kept in the order things were added (attention points, ingredients). */
export const position = z.number().int().min(0).max(1_000_000);
