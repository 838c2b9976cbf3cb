/** The canvas draws with the model geometry the report's figure uses too (shared/geometry). */
export * from '../../../shared/geometry/model';

/** A pale paper tint of a zone colour: mixes it with white so dark text stays easy to read. */
export function paperTint(hex: string, strength = 0.22): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const mixed = channels.map((channel) => Math.round(255 - (255 - channel) * strength));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
