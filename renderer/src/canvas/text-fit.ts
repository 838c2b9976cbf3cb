import { fontGeneration } from './font-generation';
import { type Measure, REFERENCE_SIZE } from '../../../shared/geometry/text-fit';

/** Fitting words to a note is shared with the report's figure (shared/geometry/text-fit). */
export * from '../../../shared/geometry/text-fit';

/**
 * A Measure backed by a canvas, remembering every word: the same words come back on note after
 * note, and a width at one size gives the width at every other size.
 */
export function canvasMeasure(fontFamily: string, fontWeight = 'normal'): Measure {
  const cache = new Map<string, number>();
  let context: CanvasRenderingContext2D | null = null;
  let fonts = fontGeneration();
  return (text) => {
    // A font that arrived since (an emoji's) changes widths measured with a stand-in.
    if (fonts !== fontGeneration()) {
      cache.clear();
      fonts = fontGeneration();
    }
    const known = cache.get(text);
    if (known !== undefined) return known;
    if (!context) {
      context = document.createElement('canvas').getContext('2d');
      if (context) context.font = `${fontWeight} ${REFERENCE_SIZE}px ${fontFamily}`;
    }
    const width = context ? context.measureText(text).width : text.length * REFERENCE_SIZE * 0.55;
    // Bounded: a session has at most a few thousand distinct words; a hostile flood must not grow this forever.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, width);
    return width;
  };
}
