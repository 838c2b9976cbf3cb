import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { type Face, faceFor } from '../../../../../electron/host/export/fonts';
import { drawLine, layoutText, lineHeight, type TextCanvas, type TextStyle, visualOrder } from '../../../../../electron/host/export/text-layout';
import { woffToSfnt } from '../../../../../electron/host/export/woff';

const STYLE: TextStyle = { size: 10, weight: 'regular', color: '#000000', leading: 1.4 };
const text = (line: { words: { segments: { text: string }[] }[] }) => line.words.map((w) => w.segments.map((s) => s.text).join('')).join(' ');

class Recorder implements TextCanvas {
  runs: { face: string; text: string; x: number; baseline: number }[] = [];
  drawRun(face: Face, run: string, x: number, baseline: number): void {
    this.runs.push({ face: face.key, text: run, x, baseline });
  }
}

describe('font fallback', () => {
  it('finds a face for Dutch, symbols, emoji and right-to-left scripts', () => {
    expect(faceFor('ë', 'regular')?.key).toBe('noto-sans-latin-400-normal');
    expect(faceFor('ĳ', 'regular')?.key).toBe('noto-sans-latin-ext-400-normal');
    expect(faceFor('✓', 'regular')?.key).toBe('noto-sans-symbols-2-symbols-400-normal');
    expect(faceFor('😀', 'regular')?.emoji).toBe(true);
    expect(faceFor('👍🏽', 'bold')?.emoji).toBe(true);
    expect(faceFor('א', 'regular')?.key).toBe('noto-sans-hebrew-hebrew-400-normal');
    expect(faceFor('ع', 'bold')?.key).toBe('noto-sans-arabic-arabic-700-normal');
    expect(faceFor('\u202E', 'regular')).toBeNull();
  });

  it('converts the shipped WOFF to an sfnt that reads the same', () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans')), 'files');
    const woff = readFileSync(join(dir, 'noto-sans-latin-400-normal.woff'));
    const fromWoff = fontkit.create(woff) as fontkit.Font;
    const fromSfnt = fontkit.create(woffToSfnt(woff)) as fontkit.Font;
    expect(fromSfnt.numGlyphs).toBe(fromWoff.numGlyphs);
    expect(fromSfnt.layout('Eiland van reflectie').advanceWidth).toBe(fromWoff.layout('Eiland van reflectie').advanceWidth);
  });
});

describe('text layout', () => {
  it('wraps at spaces and never exceeds the width', () => {
    const lines = layoutText('Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen.', STYLE, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    expect(lines.map(text).join(' ')).toBe('Er is een helder ritme van plannen, uitvoeren en reflecteren en bijstellen.');
  });

  it('breaks a word longer than the line between characters, losing none', () => {
    const word = 'x'.repeat(500);
    const lines = layoutText(word, STYLE, 100);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100.001);
    expect(lines.map(text).join('')).toBe(word);
  });

  it('keeps the author’s line breaks and empty lines', () => {
    expect(layoutText('een\n\ntwee', STYLE, 300).map(text)).toEqual(['een', '', 'twee']);
  });

  it('puts each character in a face that has it, emoji and all', () => {
    const [line] = layoutText('Dankjewel ✓ 😀', STYLE, 400);
    const faces = line?.words.flatMap((w) => w.segments.map((s) => s.face.key));
    expect(faces).toEqual(['noto-sans-latin-400-normal', 'noto-sans-symbols-2-symbols-400-normal', 'noto-emoji-emoji-400-normal']);
  });

  it('drops invisible controls that no font can show, and keeps the rest', () => {
    const [line] = layoutText('a\u202Eb\u200F', STYLE, 400);
    expect(line && text(line)).toBe('ab');
  });

  it('orders right-to-left words for reading and aligns their paragraph right', () => {
    const [mixed] = layoutText('Hallo שלום עולם daar', STYLE, 400);
    expect(mixed && visualOrder(mixed).map((w) => w.segments[0]?.text)).toEqual(['Hallo', 'עולם', 'שלום', 'daar']);
    const [rtl] = layoutText('שלום עולם 2024', STYLE, 400);
    expect(rtl?.rtl).toBe(true);
    expect(rtl && visualOrder(rtl).map((w) => w.segments[0]?.text)).toEqual(['2024', 'עולם', 'שלום']);
    const recorder = new Recorder();
    if (rtl) drawLine(recorder, rtl, 0, 0, STYLE, 400);
    expect(Math.min(...recorder.runs.map((r) => r.x))).toBeGreaterThan(300);
  });

  it('draws every run inside the line box, on one baseline', () => {
    const recorder = new Recorder();
    const lines = layoutText('Monitoring ë ĳ ✓ 😀 effectiviteit en ervaringen', STYLE, 150);
    for (const [index, line] of lines.entries()) drawLine(recorder, line, 20, index * lineHeight(STYLE), STYLE, 150);
    for (const run of recorder.runs) {
      expect(run.x).toBeGreaterThanOrEqual(20);
      expect(run.x).toBeLessThan(170);
    }
    const firstLine = recorder.runs.filter((r) => r.baseline === recorder.runs[0]?.baseline);
    expect(firstLine.length).toBeGreaterThan(1);
  });
});
