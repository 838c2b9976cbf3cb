import type { TextStyle } from './text-layout';

/** Type scale and colours of the reports: calm, high contrast, readable when printed in grey. */
export const INK = '#1d1d1b';
export const MUTED = '#5b5b57';
export const RULE = '#d6d3cc';
export const PAPER_TINT = '#f6f3ec';

const style = (size: number, weight: TextStyle['weight'], color: string, leading = 1.4): TextStyle => ({ size, weight, color, leading });

export const STYLES = {
  eyebrow: style(11, 'bold', MUTED),
  title: style(26, 'bold', INK, 1.25),
  subtitle: style(14, 'regular', MUTED),
  h1: style(17, 'bold', INK, 1.3),
  h2: style(13, 'bold', INK, 1.3),
  h3: style(11, 'bold', INK, 1.35),
  body: style(10.5, 'regular', INK),
  muted: style(10, 'regular', MUTED),
  factLabel: style(10.5, 'bold', INK),
  pointTitle: style(11, 'bold', INK, 1.35),
  pointMeta: style(9, 'regular', MUTED),
  badge: style(9.5, 'bold', INK),
  rank: style(10, 'bold', '#ffffff'),
  ingredientsHeading: style(9.5, 'bold', MUTED),
  item: style(10, 'regular', INK),
  note: style(9.5, 'regular', INK),
  groupTitle: style(10.5, 'bold', INK),
  footer: style(8.5, 'regular', MUTED),
  caption: style(9, 'regular', MUTED),
  figureZone: style(9, 'bold', INK),
  figureCluster: style(5, 'bold', INK, 1.2),
  figureNote: style(3.6, 'regular', INK, 1.2),
} satisfies Record<string, TextStyle>;

/** A light tint of a zone colour for fills, so text on it keeps its contrast. */
export function tint(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return PAPER_TINT;
  const value = Number.parseInt(match[1] as string, 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * (1 - amount) + 255 * amount);
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

/** A darker shade of a colour, for outlines in a zone colour that must still show on paper (yellow). */
export function shade(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return MUTED;
  const value = Number.parseInt(match[1] as string, 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * (1 - amount));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

/** Whether a colour is light (WCAG relative luminance above one half): its outline then needs a darker shade. */
export function isLight(hex: string): boolean {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return false;
  const value = Number.parseInt(match[1] as string, 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((value >> shift) & 255) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) > 0.5;
}
