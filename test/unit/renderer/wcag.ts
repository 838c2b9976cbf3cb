/**
 * WCAG 2.x colour arithmetic: relative luminance, contrast ratio, and alpha compositing, so a
 * test can ask "is this text readable on that paper?" for colours the browser never sees as CSS
 * (the canvas draws them) as well as for the CSS theme.
 */
export type Rgb = readonly [number, number, number];

/** '#RGB', '#RRGGBB', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' (alpha ignored here; see `over`). */
export function parseColor(color: string): { rgb: Rgb; alpha: number } {
  const value = color.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const channel = (i: number) => Number.parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { rgb: [channel(0), channel(1), channel(2)], alpha: full.length === 8 ? channel(3) / 255 : 1 };
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(value)?.[1];
  if (fn) {
    const parts = fn.split(/[\s,/]+/).filter(Boolean).map(Number);
    return { rgb: [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0], alpha: parts[3] ?? 1 };
  }
  throw new Error(`Not a colour I can read: ${color}`);
}

/** A (possibly translucent) colour painted over an opaque one. */
export function over(top: string, bottom: string, opacity = 1): string {
  const { rgb: a, alpha } = parseColor(top);
  const { rgb: b } = parseColor(bottom);
  const t = alpha * opacity;
  const mixed = a.map((channel, i) => Math.round(channel * t + (b[i] as number) * (1 - t)));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

export function luminance(color: string): number {
  const linear = parseColor(color).rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (linear[0] as number) + 0.7152 * (linear[1] as number) + 0.0722 * (linear[2] as number);
}

/** The WCAG contrast ratio, from 1 (none) to 21 (black on white). */
export function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** AA: 4.5 for body text, 3 for large text (24 px, or 18.66 px bold) and for graphics people must see. */
export const AA_TEXT = 4.5;
export const AA_LARGE = 3;
