/** Field schemas shared by the command families; they live with the records (shared/records/fields.ts). */
export { color, coordinate, empty, entityId, isoDate, longText, noteText, shortText, title, zoneId } from '../records/fields';
