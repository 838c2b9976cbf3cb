/**
 * Canvas look. Calm and warm, for a beamer in a bright room: dark ink on warm paper, large type.
 * System fonts only: nothing is fetched, and every laptop already has a well-hinted sans-serif.
 */
/** The pages' own stack (base.css): a system's colour emoji first, else the bundled Noto Emoji. */
export const FONT_STACK = 'system-ui, "Segoe UI", "Noto Sans", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", "Noto Emoji"';

export const CANVAS = {
  background: '#FBF8F2',
  ink: '#1F1B16',
  softInk: '#4A443D',
  figure: '#5B5148',
  selection: '#1D4E6B',
  hiddenNote: '#E4DED4',
} as const;

/** Everything the canvas draws in colour, so the projector can switch to high contrast as a whole. */
export interface CanvasTheme {
  name: 'calm' | 'contrast';
  paper: string;
  ink: string;
  softInk: string;
  /** The ∞ line and its arrows. */
  figure: string;
  figureOpacity: number;
  figureWidth: number;
  /** Zone fill: the zone colour at this opacity (0–1) over the paper. */
  zoneFillOpacity: number;
  zoneStrokeWidth: number;
  /** How much of the zone colour goes into a note's paper (the rest is white). */
  noteTint: number;
  /** The coloured band on top of a note: its side at a glance, also in grey scale. */
  noteBand: number;
  noteShadow: string | null;
  noteEdge: string | null;
  hiddenNote: string;
  selection: string;
  clusterFillOpacity: number;
}

export const CALM_THEME: CanvasTheme = {
  name: 'calm',
  paper: CANVAS.background,
  ink: CANVAS.ink,
  softInk: CANVAS.softInk,
  figure: '#7A5C43',
  figureOpacity: 0.62,
  figureWidth: 11,
  zoneFillOpacity: 0.2,
  zoneStrokeWidth: 5,
  noteTint: 0.26,
  noteBand: 9,
  noteShadow: 'rgba(58, 46, 34, 0.18)',
  noteEdge: null,
  hiddenNote: CANVAS.hiddenNote,
  selection: CANVAS.selection,
  clusterFillOpacity: 0.14,
};

/** For a washed-out beamer or a sunny room: white paper, black ink, thicker lines, stronger colour. */
export const CONTRAST_THEME: CanvasTheme = {
  name: 'contrast',
  paper: '#FFFFFF',
  ink: '#000000',
  softInk: '#1A1A1A',
  figure: '#2B2B2B',
  figureOpacity: 0.85,
  figureWidth: 18,
  zoneFillOpacity: 0.3,
  zoneStrokeWidth: 8,
  noteTint: 0.34,
  noteBand: 12,
  noteShadow: null,
  noteEdge: '#000000',
  hiddenNote: '#D0D0D0',
  selection: '#0B3C8C',
  clusterFillOpacity: 0.2,
};

/** The zone colour at an opacity, as a CSS colour (zones keep #RRGGBB colours). */
export function withOpacity(hex: string, opacity: number): string {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${opacity})`;
}

/** A darker shade of a colour, for lines and text in a zone colour that must stay readable on paper. */
export function darken(hex: string, amount = 0.35): string {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => Math.round(channel * (1 - amount)));
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (0 dark … 1 light) of a #RRGGBB colour, after WCAG. */
export function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const linear = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
}

/** A zone's outline: its own colour, darker for light colours (yellow) so the edge still shows on paper. */
export function zoneStroke(hex: string, theme: CanvasTheme): string {
  const light = luminance(hex) > 0.5;
  return darken(hex, theme.name === 'contrast' ? 0.3 : light ? 0.3 : 0.08);
}
