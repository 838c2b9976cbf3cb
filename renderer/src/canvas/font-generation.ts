/**
 * Counts the fonts that arrived after text was measured: a canvas does not redraw by itself when a
 * font loads, so measurements remembered before (text-fit.ts) are forgotten and the notes repainted.
 */
let generation = 0;

export const fontGeneration = (): number => generation;

export function fontsArrived(): void {
  generation += 1;
}
