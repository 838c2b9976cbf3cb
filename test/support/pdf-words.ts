import { execFileSync } from 'node:child_process';

/**
 * The words of a PDF where poppler finds them (`pdftotext -bbox`): each with its page and its box
 * in points from the page's top left, the way a reader's eye finds them on the rendered page.
 */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };

export function pdfWords(file: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const tag = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(tag)) {
    if (match[1] !== undefined) {
      pages.push({ width: Number(match[1]), height: Number(match[2]), words: [] });
      continue;
    }
    const page = pages.at(-1);
    if (!page) continue;
    const text = (match[7] ?? '').replace(/&[a-z#0-9]+;/g, (entity) => ENTITIES[entity] ?? entity);
    page.words.push({ page: pages.length - 1, text, xMin: Number(match[3]), yMin: Number(match[4]), xMax: Number(match[5]), yMax: Number(match[6]) });
  }
  return pages;
}

/** The words of a page in lines: words whose vertical middles are within a third of a line of each other, left to right. */
export function linesOf(words: readonly PdfWord[]): PdfWord[][] {
  const lines: PdfWord[][] = [];
  const middle = (word: PdfWord) => (word.yMin + word.yMax) / 2;
  for (const word of [...words].sort((a, b) => middle(a) - middle(b) || a.xMin - b.xMin)) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(middle(first) - middle(word)) < (word.yMax - word.yMin) / 3) line.push(word);
    else lines.push([word]);
  }
  return lines.map((line) => line.sort((a, b) => a.xMin - b.xMin));
}
