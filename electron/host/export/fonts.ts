import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { isWoff, woffToSfnt } from './woff';

/**
 * The fonts of every report, bundled through npm packages (Noto, from @fontsource): nothing is
 * fetched at run time. Fontsource ships each font split into Unicode subsets, so a character is
 * looked up along a chain of faces — Latin first, then the other scripts, symbols (✓) and emoji —
 * and each run of text is drawn in the first face that has all its glyphs.
 */
export type Weight = 'regular' | 'bold';

export interface Face {
  /** The name the face is registered under in a PDF document. */
  key: string;
  bytes: Buffer;
  font: fontkit.Font;
  /** Ascender and descender (negative) in em, to put runs of different faces on one baseline. */
  ascender: number;
  descender: number;
  emoji: boolean;
}

interface FaceSource {
  pkg: string;
  file: string;
  emoji?: boolean;
}

const sans = (subset: string, weight: 400 | 700): FaceSource => ({ pkg: '@fontsource/noto-sans', file: `noto-sans-${subset}-${weight}-normal.woff` });
const SANS_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
const EMOJI_SUBSETS = ['emoji', ...Array.from({ length: 11 }, (_, index) => String(index))];

function chain(weight: 400 | 700): FaceSource[] {
  return [
    ...SANS_SUBSETS.map((subset) => sans(subset, weight)),
    { pkg: '@fontsource/noto-sans-hebrew', file: `noto-sans-hebrew-hebrew-${weight}-normal.woff` },
    { pkg: '@fontsource/noto-sans-arabic', file: `noto-sans-arabic-arabic-${weight}-normal.woff` },
    // Symbols and emoji come in one weight here; bold text falls back to the regular glyphs.
    { pkg: '@fontsource/noto-sans-symbols-2', file: 'noto-sans-symbols-2-symbols-400-normal.woff' },
    { pkg: '@fontsource/noto-sans-symbols-2', file: 'noto-sans-symbols-2-math-400-normal.woff' },
    ...EMOJI_SUBSETS.map((subset) => ({ pkg: '@fontsource/noto-emoji', file: `noto-emoji-${subset}-400-normal.woff`, emoji: true })),
  ];
}

const CHAINS: Record<Weight, FaceSource[]> = { regular: chain(400), bold: chain(700) };
const localRequire = createRequire(import.meta.url);
const packageDirs = new Map<string, string>();
/** Faces are parsed once per process and shared by every document (they are read-only). */
const faces = new Map<string, Face>();

function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (!dir) {
    // The packages export only CSS; their root index.css tells where the package lives.
    dir = dirname(localRequire.resolve(pkg));
    packageDirs.set(pkg, dir);
  }
  return dir;
}

function loadFace(source: FaceSource): Face {
  const key = source.file.replace(/\.woff$/, '');
  const cached = faces.get(key);
  if (cached) return cached;
  const file = readFileSync(join(packageDir(source.pkg), 'files', source.file));
  const bytes = isWoff(file) ? woffToSfnt(file) : file;
  const font = fontkit.create(bytes) as fontkit.Font;
  const face: Face = { key, bytes, font, ascender: font.ascent / font.unitsPerEm, descender: font.descent / font.unitsPerEm, emoji: source.emoji === true };
  faces.set(key, face);
  return face;
}

/** The first face of a weight: Latin, which also sets the line metrics. */
export function primaryFace(weight: Weight): Face {
  return loadFace(CHAINS[weight][0] as FaceSource);
}

/** Code points that never need a glyph of their own: joiners, variation selectors, tags. */
export function isIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    codePoint === 0x200c ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

const lookups: Record<Weight, Map<string, Face | null>> = { regular: new Map(), bold: new Map() };

/**
 * The face for one grapheme (a base character with its marks, or an emoji sequence), or null when
 * no face has it. An emoji presentation selector (U+FE0F) asks for the emoji faces first.
 */
export function faceFor(grapheme: string, weight: Weight): Face | null {
  const cache = lookups[weight];
  const known = cache.get(grapheme);
  if (known !== undefined) return known;
  const needed = [...grapheme].map((char) => char.codePointAt(0) ?? 0).filter((cp) => !isIgnorable(cp));
  const sources = CHAINS[weight];
  const ordered = grapheme.includes('\uFE0F') ? [...sources.filter((s) => s.emoji), ...sources.filter((s) => !s.emoji)] : sources;
  let found: Face | null = null;
  if (needed.length > 0) {
    for (const source of ordered) {
      const face = loadFace(source);
      if (needed.every((cp) => face.font.hasGlyphForCodePoint(cp))) {
        found = face;
        break;
      }
    }
  }
  cache.set(grapheme, found);
  return found;
}

const widths = new Map<string, number>();

/** Advance width of a run in em, laid out the way pdfkit draws it (kerning, ligatures, shaping). */
export function advanceEm(face: Face, text: string): number {
  const key = `${face.key}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    // Bounded, so a long-running host never grows without end.
    if (widths.size > 200_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}
