import type { MessageKey } from '../../../shared/i18n/messages';
import { ZONE_COLORS } from '../../../shared/templates';

export interface PaletteColor {
  /** null gives a note back its side's colour. */
  color: string | null;
  label: MessageKey;
}

/**
 * Paper and zone colours: the Okabe–Ito palette of the built-in zones, which stays apart for
 * colour-blind viewers and on a washed-out beamer, each with a name people can hear.
 */
export const PALETTE: readonly PaletteColor[] = [
  { color: null, label: 'color.side' },
  { color: ZONE_COLORS.yellow, label: 'color.yellow' },
  { color: ZONE_COLORS.orange, label: 'color.orange' },
  { color: ZONE_COLORS.sky, label: 'color.sky' },
  { color: ZONE_COLORS.green, label: 'color.green' },
  { color: ZONE_COLORS.blue, label: 'color.blue' },
  { color: ZONE_COLORS.vermillion, label: 'color.red' },
  { color: ZONE_COLORS.purple, label: 'color.pink' },
];

/** The named colours alone, for a zone (which always has one). */
export const ZONE_PALETTE = PALETTE.filter((entry): entry is { color: string; label: MessageKey } => entry.color !== null);
