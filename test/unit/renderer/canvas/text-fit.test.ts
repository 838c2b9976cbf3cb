import { describe, expect, it } from 'vitest';
import { fitText, type Measure, REFERENCE_SIZE, wrapText } from '../../../../renderer/src/canvas/text-fit';
import { NOTE_TEXT, noteTextBox } from '../../../../renderer/src/canvas/note-painter';
import { CALM_THEME, CONTRAST_THEME } from '../../../../renderer/src/canvas/theme';

/** Every character is half the font size wide: easy to reason about, like a monospaced font. */
const mono: Measure = (text) => text.length * REFERENCE_SIZE * 0.5;
const at = (size: number) => (text: string) => (mono(text) * size) / REFERENCE_SIZE;
const OPTIONS = { maxSize: 24, minSize: 14, lineHeight: 1.2 };

describe('wrapText', () => {
  it('breaks at spaces, never beyond the width', () => {
    // 10 px per character at size 20: 100 px holds 10 characters.
    expect(wrapText('Korte lijnen in het team', 100, at(20))).toEqual(['Korte', 'lijnen in', 'het team']);
  });

  it('keeps the writer’s own line breaks, and drops trailing blank lines', () => {
    expect(wrapText('Een\n\nTwee\n\n', 100, at(20))).toEqual(['Een', '', 'Twee']);
  });

  it('splits a word wider than a line into hyphenated pieces that fit', () => {
    expect(wrapText('armoedebestrijdingsprogramma', 100, at(20))).toEqual(['armoedebe-', 'strijding-', 'sprogramma']);
  });
});

describe('fitText', () => {
  it('keeps the largest size when the text fits', () => {
    expect(fitText('Vertrouwen', { width: 150, height: 90 }, mono, OPTIONS)).toEqual({ size: 24, lines: ['Vertrouwen'], truncated: false });
  });

  it('shrinks step by step until every word fits', () => {
    const fitted = fitText('Mensen kennen elkaar en leren van elkaar', { width: 150, height: 90 }, mono, OPTIONS);
    expect(fitted.truncated).toBe(false);
    expect(fitted.size).toBeLessThan(24);
    expect(fitted.size).toBeGreaterThanOrEqual(14);
    expect(fitted.lines.join(' ')).toBe('Mensen kennen elkaar en leren van elkaar');
    for (const line of fitted.lines) expect(at(fitted.size)(line)).toBeLessThanOrEqual(150);
    expect(fitted.lines.length * fitted.size * 1.2).toBeLessThanOrEqual(90);
  });

  it('shrinks a long word before it breaks it, so it is never read as two words', () => {
    // 20 characters: at 24 px (12 px each) 240 px, too wide for 150; at 14 px 140 px, it fits whole.
    const fitted = fitText('Ervaringsdeskundigen aan tafel', { width: 150, height: 90 }, mono, OPTIONS);
    expect(fitted.lines).toContain('Ervaringsdeskundigen');
    expect(fitted.size).toBeLessThanOrEqual(15);
    expect(fitText('Samenwerken kost tijd', { width: 150, height: 90 }, mono, OPTIONS).lines[0]).toBe('Samenwerken');
  });

  it('stops at the smallest readable size and cuts with an ellipsis', () => {
    const long = 'Bestaande interventies in kaart brengen, zodat we weten wat er al is en wat nog ontbreekt in de wijk en bij de partners van de alliantie';
    const fitted = fitText(long, { width: 150, height: 90 }, mono, OPTIONS);
    expect(fitted).toMatchObject({ size: 14, truncated: true });
    expect(fitted.lines).toHaveLength(Math.floor(90 / (14 * 1.2)));
    expect(fitted.lines.at(-1)?.endsWith('…')).toBe(true);
    for (const line of fitted.lines) expect(at(14)(line)).toBeLessThanOrEqual(150);
  });

  it('draws nothing for an empty or hidden note', () => {
    expect(fitText('   ', { width: 150, height: 90 }, mono, OPTIONS)).toEqual({ size: 24, lines: [], truncated: false });
  });
});

describe('a note on the wall', () => {
  // Close to DejaVu Sans, the bundled note font: an average character is about 0.55 of the size.
  const sans: Measure = (text) => text.length * REFERENCE_SIZE * 0.55;
  const twelveWords = 'Bestaande interventies in kaart brengen zodat we weten wat er al is';

  it('keeps a twelve-word note at four fifths of the largest type or more, never near half', () => {
    for (const band of [CALM_THEME.noteBand, CONTRAST_THEME.noteBand]) {
      const fitted = fitText(twelveWords, noteTextBox(band), sans, NOTE_TEXT);
      expect(fitted.size).toBeGreaterThanOrEqual(NOTE_TEXT.minSize);
      expect(fitted.size / NOTE_TEXT.maxSize).toBeGreaterThanOrEqual(0.75);
      for (const line of fitted.lines) expect((sans(line) * fitted.size) / REFERENCE_SIZE).toBeLessThanOrEqual(noteTextBox(band).width);
      expect(fitted.lines.length * fitted.size * NOTE_TEXT.lineHeight).toBeLessThanOrEqual(noteTextBox(band).height + 0.01);
    }
  });

  it('cuts a longer note at that size and says so, so the whole text is offered on hover', () => {
    const long = `${twelveWords} en wat nog ontbreekt in de wijk en bij de partners`;
    const fitted = fitText(long, noteTextBox(CALM_THEME.noteBand), sans, NOTE_TEXT);
    expect(fitted).toMatchObject({ size: NOTE_TEXT.minSize, truncated: true });
    expect(fitted.lines.at(-1)?.endsWith('…')).toBe(true);
  });
});
