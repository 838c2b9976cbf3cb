import { z } from 'zod';
import { LIMITS } from '../domain';

/** Field schemas shared by the command families; limits come from LIMITS in domain.ts. */
export const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1–64 letters, digits, - or _');
export const zoneId = entityId;
export const noteText = z.string().trim().min(1).max(LIMITS.noteText);
export const title = z.string().trim().min(1).max(LIMITS.title);
export const shortText = z.string().trim().max(LIMITS.shortText);
export const longText = z.string().max(LIMITS.longText);
export const coordinate = z.number().finite().min(-10000).max(10000);
export const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'colours are #RRGGBB');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
export const empty = z.object({}).strict();
