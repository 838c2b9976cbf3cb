import { useEffect, useMemo, useState } from 'react';
import { fontGeneration, fontsArrived } from './font-generation';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/gu;
/** The emoji family of base.css; its parts load by unicode-range, only for the emoji asked for. */
const EMOJI_FONT = '24px "Noto Emoji"';

/**
 * A page asks for a font as it lays out text; a canvas never does. This loads the bundled emoji
 * font's parts for the emoji in these texts, and returns a number that changes once they are in,
 * so the canvas repaints them as glyphs instead of empty boxes.
 */
export function useEmojiFont(texts: readonly string[]): number {
  const emoji = useMemo(() => [...new Set(texts.flatMap((text) => text.match(PICTOGRAPHIC) ?? []))].sort().join(''), [texts]);
  const [generation, setGeneration] = useState(fontGeneration);
  useEffect(() => {
    if (emoji === '' || typeof document === 'undefined' || !document.fonts) return undefined;
    let current = true;
    const before = document.fonts.check(EMOJI_FONT, emoji);
    void document.fonts.load(EMOJI_FONT, emoji).then(
      () => {
        if (before || !current) return;
        fontsArrived();
        setGeneration(fontGeneration());
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [emoji]);
  return generation;
}
