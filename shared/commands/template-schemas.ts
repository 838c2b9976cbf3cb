import { z } from 'zod';
import { FIGURE_KINDS, WORLD } from '../records/basics';
import { isPictureDataUrl, PICTURE_DATA_URL_LIMIT } from '../picture';
import { color, coordinate, entityId, longText, shortText, title, zoneId } from './schemas';

/** Schemas for model templates as data: a zone's area, the background picture, a whole template. */

/** A zone is at least a hand wide and at most a few worlds across, so it can always be seen and grabbed. */
const radius = z.number().finite().min(20).max(Math.max(WORLD.width, WORLD.height) * 2);

export const zoneArea = z.object({ x: coordinate, y: coordinate, rx: radius, ry: radius });

/** A PNG, JPEG or SVG data URL whose bytes really are that type (see shared/picture.ts). */
export const pictureDataUrl = z
  .string()
  .max(PICTURE_DATA_URL_LIMIT)
  .refine(isPictureDataUrl, 'pictures are PNG, JPEG or SVG data URLs whose content matches their type');

export const zoneSchema = z
  .object({
    id: zoneId,
    name: shortText.min(1),
    color,
    question: longText,
    area: zoneArea,
    /**
     * True for a zone of the session as a whole rather than a side of the figure: a theme the
     * session works on (with `themeId`) or, with none, "Hele sessie". Absent on the figure's sides.
     */
    whole: z.literal(true).optional(),
    /** The programme theme a whole zone is for: its notes, clusters and points count as linked to it. */
    themeId: entityId.optional(),
  })
  // A side belongs to the figure; only a zone of the whole session can stand for a theme.
  .refine((zone) => zone.themeId === undefined || zone.whole === true, 'only a whole-session zone can stand for a theme');

export const modelTemplate = z
  .object({
    id: entityId,
    name: title,
    figure: z.enum(FIGURE_KINDS),
    zones: z
      .array(zoneSchema)
      .min(1)
      .max(12)
      // Notes and points refer to a zone by id: two zones with one id could not be told apart.
      .refine((zones) => new Set(zones.map((zone) => zone.id)).size === zones.length, 'zone ids must differ'),
    background: pictureDataUrl.nullable(),
    /**
     * The figure's sides while the session works per theme only (zones.arrange), kept with their
     * names and questions so that working per side again brings them back as they were.
     */
    setAside: z.array(zoneSchema).max(12).optional(),
  })
  .strict();
