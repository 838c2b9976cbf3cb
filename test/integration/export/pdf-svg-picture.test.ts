import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionPdf } from '../../../electron/host/export/exporter';
import { pdfObjects, unmarkedPainting } from '../../support/pdf-inspect';
import { pdfWords } from '../../support/pdf-words';
import { png } from '../../support/png';
import { send, type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * The facilitator's own picture of the model as an SVG, in the report's figure: drawn as vectors
 * behind the sides (as on the canvas), and, coming perhaps from someone else's archive, never able
 * to reach a file of this computer, by an image, a font or a document it names.
 */
const VERMILLION = [0xd5, 0x5e, 0x00] as const;
const svgUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

/** The figure page (the landscape one) as RGB pixels, at 40 dpi. */
function figurePixels(file: string): { width: number; height: number; rgb: Buffer } {
  const pages = pdfWords(file);
  const page = pages.findIndex((candidate) => candidate.width > candidate.height) + 1;
  const ppm = execFileSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), file]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

function pixelsLike(image: { rgb: Buffer }, [r, g, b]: readonly number[]): number {
  let count = 0;
  for (let at = 0; at + 2 < image.rgb.length; at += 3) {
    if (Math.abs((image.rgb[at] ?? 0) - (r ?? 0)) < 24 && Math.abs((image.rgb[at + 1] ?? 0) - (g ?? 0)) < 24 && Math.abs((image.rgb[at + 2] ?? 0) - (b ?? 0)) < 24) count += 1;
  }
  return count;
}

describe('an own SVG picture in the report’s figure', () => {
  let temp: TempEngine | null = null;
  afterEach(() => {
    temp?.cleanup();
    temp = null;
  });

  async function reportWith(background: string | null): Promise<string> {
    const a = temp ?? tempEngine();
    temp = a;
    const id = `s${Math.random().toString(36).slice(2, 8)}`;
    send(a.engine, 'workspace', { type: 'session.create', id, programmeId: null, title: 'Eigen plaatje', group: 'Team', date: '2025-03-04', templateId: 'lemniscaat-ik-wij-het' });
    if (background) send(a.engine, id, { type: 'template.background', background });
    send(a.engine, id, { type: 'note.add', id: 'n1', zoneId: 'wij', text: 'Korte lijnen' });
    const file = join(a.dir, `${id}.pdf`);
    writeFileSync(file, (await sessionPdf(a.engine, id, 'nl')).pdf);
    return file;
  }

  it('is drawn behind the sides as vectors, tagged as an artifact, and the file stays sound', async () => {
    // A flip-over drawing of the ∞ in the facilitator's own colour, declared 800 × 500.
    const drawn = await reportWith(
      svgUrl(
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><rect x="40" y="60" width="720" height="380" rx="40" fill="#D55E00"/><path d="M200 250 C 200 120, 400 120, 400 250 S 600 380, 600 250" stroke="#222" stroke-width="14" fill="none"/><text x="60" y="480" font-family="/etc/passwd" font-size="28">Onze lemniscaat</text></svg>',
      ),
    );
    const plain = await reportWith(null);
    // Without the picture there is no vermillion; with it, a good part of the figure is.
    expect(pixelsLike(figurePixels(plain), VERMILLION)).toBe(0);
    expect(pixelsLike(figurePixels(drawn), VERMILLION)).toBeGreaterThan(5000);
    // Its text is set in the report's embedded face (every font embedded, PDF/UA), not a named file.
    expect(execFileSync('pdftotext', [drawn, '-'], { encoding: 'utf8' })).toContain('Onze lemniscaat');
    const fonts = execFileSync('pdffonts', [drawn], { encoding: 'utf8' }).trim().split('\n').slice(2);
    for (const font of fonts) expect(font, 'embedded').toMatch(/\byes\b/);
    execFileSync('qpdf', ['--check', drawn]);
    const figurePage = pdfWords(drawn).findIndex((page) => page.width > page.height);
    expect(unmarkedPainting(pdfObjects(drawn).pageContents[figurePage] ?? '')).toEqual([]);
  });

  it('reaches no file of this computer: a named image or document is left out, an image inside it is drawn', async () => {
    const local = png(40, 40, () => [0, 114, 178]);
    const hostile = await reportWith(
      svgUrl(
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="500"><image href="${join(process.cwd(), 'build/resources/icons/128x128.png')}" x="0" y="0" width="400" height="250"/><image xlink:href="file:///etc/hostname" x="400" y="0" width="400" height="250"/><use href="/etc/passwd#x"/><image href="data:image/png;base64,${local.toString('base64')}" x="300" y="200" width="200" height="200"/></svg>`,
      ),
    );
    const images = execFileSync('pdfimages', ['-list', hostile], { encoding: 'utf8' }).trim().split('\n').slice(2);
    // Only the PNG inside the picture: 40 × 40, not the app's icon from disk.
    expect(images.map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'))).toEqual(['40x40']);
    expect(readFileSync(hostile).includes(readFileSync('/etc/hostname').subarray(0, 8))).toBe(false);
    execFileSync('qpdf', ['--check', hostile]);
  });
});
