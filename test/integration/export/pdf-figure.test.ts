import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../electron/host/engine';
import { sessionPdf } from '../../../electron/host/export/exporter';
import { planFigure } from '../../../electron/host/export/model-figure';
import type { SessionState, ZoneArea } from '../../../shared/domain';
import { PRINT } from '../../../shared/geometry/print-figure';
import { buildSessionReport } from '../../../shared/report/session-report';
import type { ModelFigure } from '../../../shared/report/types';
import { BUILT_IN_TEMPLATES, LEMNISCATE_IK_WIJ_HET } from '../../../shared/templates';
import { elements, pdfObjects, requireTool, structTree, textOf, unmarkedPainting } from '../../support/pdf-inspect';
import { linesOf, type PdfPage, type PdfWord, pdfWords } from '../../support/pdf-words';
import { png } from '../../support/png';
import { send, type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * The model figure of the session report, read back from real PDFs with poppler as a reader would
 * see it: for every built-in model and for an own picture, with 15 notes a side piled up as they
 * may lie on a canvas, every note (its words or its number) and every cluster title must lie inside
 * its own side's ellipse, no two pieces of text may overlap, and every numbered note must be in
 * the key after the figure. Set FIGURE_PDF_DIR to keep the PDFs (to render them with pdftoppm).
 */

const TITLES = ['Monitoring, effectiviteit en ervaringen', 'Samen handen en voeten geven aan een visie', 'Ritme van plannen en bijstellen'];
const TEXTS = [
  'meer samen leren in de wijk',
  'te weinig momenten om met alle partners tegelijk te spreken over wat werkt',
  'ritme van plannen, doen, checken en bijstellen mist nog',
  'urgentie voelen we allemaal',
];

/** A word no other note has: the zone's id and two letters ("wijac"), so a note can be found by it. */
const token = (zoneId: string, n: number) => `${zoneId}${String.fromCharCode(97 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))}`;

interface Model {
  id: string;
  templateId: string;
  picture: boolean;
  notesPerSide: number;
}

/** A session with `notesPerSide` notes on every side, all near the side's middle (a pile, as on a busy canvas), most of them clustered. */
function fill(engine: Engine, model: Model): SessionState {
  send(engine, 'workspace', { type: 'session.create', id: model.id, programmeId: null, title: `Figuur ${model.id}`, group: 'Programmateam', date: '2024-06-02', facilitator: 'Lauren Algra', templateId: model.templateId });
  if (model.picture) {
    // A facilitator's own drawing: two rings on a warm ground, as a photographed flip-over might look.
    const picture = png(320, 200, (x, y) => {
      const ring = (cx: number) => Math.abs(Math.hypot((x - cx) / 1.1, y - 100) - 70);
      return ring(95) < 4 || ring(225) < 4 ? [120, 80, 50] : [250, 240, 220];
    });
    send(engine, model.id, { type: 'template.background', background: `data:image/png;base64,${picture.toString('base64')}` });
  }
  const state = engine.session(model.id);
  if (!state) throw new Error('no session');
  for (const zone of state.template.zones) {
    for (let n = 0; n < model.notesPerSide; n += 1) {
      const text = `${token(zone.id, n)}: ${TEXTS[n % TEXTS.length]}`;
      send(engine, model.id, { type: 'note.add', id: `${zone.id}-${n}`, zoneId: zone.id, text, x: zone.area.x + ((n * 7) % 30) - 15, y: zone.area.y + ((n * 11) % 30) - 15 });
    }
    // Clusters of 4, 4 and 2 notes; the rest stay on their own.
    for (const [k, size] of [4, 4, 2].entries()) {
      const start = k * 4;
      const noteIds = Array.from({ length: size }, (_, i) => `${zone.id}-${start + i}`).filter((_, i) => start + i < model.notesPerSide);
      if (noteIds.length > 0) send(engine, model.id, { type: 'cluster.create', id: `${zone.id}-c${k}`, title: TITLES[k] as string, noteIds });
    }
  }
  const filled = engine.session(model.id);
  if (!filled) throw new Error('no session');
  return filled;
}

interface Read {
  model: Model;
  state: SessionState;
  figure: ModelFigure;
  pages: PdfPage[];
  figurePage: number;
  /** The drawing on its page, in points from the top left. */
  box: { left: number; top: number; right: number; bottom: number };
  /** A zone's ellipse on the page. */
  ellipse: (area: ZoneArea) => ZoneArea;
  file: string;
}

/** The Figure's box from the structure tree (PDF/UA), turned from PDF's bottom-up points to the page's top-down ones. */
function figureBox(file: string, pageHeight: number): Read['box'] {
  const figure = pdfObjects(file).dictionaries.find((dict) => dict['/S'] === '/Figure');
  const attributes = figure?.['/A'] as Record<string, unknown> | undefined;
  const bbox = attributes?.['/BBox'] as number[] | undefined;
  if (bbox?.length !== 4) throw new Error('the Figure has no BBox');
  const [left, bottom, right, top] = bbox as [number, number, number, number];
  return { left, top: pageHeight - top, right, bottom: pageHeight - bottom };
}

async function exportModel(engine: Engine, dir: string, model: Model): Promise<Read> {
  const state = fill(engine, model);
  const file = join(dir, `${model.id}.pdf`);
  writeFileSync(file, (await sessionPdf(engine, model.id, 'nl')).pdf);
  if (process.env.FIGURE_PDF_DIR) {
    mkdirSync(process.env.FIGURE_PDF_DIR, { recursive: true });
    copyFileSync(file, join(process.env.FIGURE_PDF_DIR, `${model.id}.pdf`));
  }
  const block = buildSessionReport(state, { locale: 'nl', programmeName: null }).blocks.find((candidate) => candidate.kind === 'model');
  if (block?.kind !== 'model') throw new Error('no model block');
  const pages = pdfWords(file);
  const figurePage = pages.findIndex((page) => page.width > page.height);
  const page = pages[figurePage];
  if (!page) throw new Error('no landscape page for the model');
  const box = figureBox(file, page.height);
  // Where the drawing's world goes on the page: the part of the world it shows, scaled into its box.
  const { frame } = planFigure(block.figure);
  expect(box.right - box.left).toBeCloseTo(frame.width, 1);
  expect(box.bottom - box.top).toBeCloseTo(frame.height, 1);
  const ellipse = (area: ZoneArea): ZoneArea => ({
    x: box.left + (area.x - frame.view.x) * frame.scale,
    y: box.top + (area.y - frame.view.y) * frame.scale,
    rx: area.rx * frame.scale,
    ry: area.ry * frame.scale,
  });
  return { model, state, figure: block.figure, pages, figurePage, box, ellipse, file };
}

const inside = (area: ZoneArea, x: number, y: number) => ((x - area.x) / area.rx) ** 2 + ((y - area.y) / area.ry) ** 2 <= 1;
const wordInside = (area: ZoneArea, word: PdfWord) =>
  [word.xMin, word.xMax].every((x) => [word.yMin, word.yMax].every((y) => inside(area, x, y)));
const centreInside = (area: ZoneArea, word: PdfWord) => inside(area, (word.xMin + word.xMax) / 2, (word.yMin + word.yMax) / 2);

function figureWords(read: Read): PdfWord[] {
  const { box } = read;
  return (read.pages[read.figurePage]?.words ?? []).filter((word) => word.xMin >= box.left && word.xMax <= box.right && word.yMin >= box.top && word.yMax <= box.bottom);
}

/** The key after the figure: number → note token, read from its lines ("12 wijac: meer samen …"). */
function keyOf(read: Read): Map<number, string> {
  const key = new Map<number, string>();
  for (const page of read.pages.slice(read.figurePage + 1)) {
    for (const line of linesOf(page.words)) {
      const [number, first] = line;
      if (number && first && /^\d+$/.test(number.text) && /^[a-z]+:$/.test(first.text)) key.set(Number(number.text), first.text.slice(0, -1));
    }
  }
  return key;
}

/** A number drawn on a note: a word of digits that is not a cluster's count ("4 notities"). */
function noteNumbers(words: readonly PdfWord[]): PdfWord[] {
  return words.filter((word, index) => /^\d+$/.test(word.text) && !/^notitie/.test(words[index + 1]?.text ?? ''));
}

/** Words overlap when their glyphs do: the middle part of each box (pdftotext's boxes run from ascender to descender, taller than a line). */
function core(word: PdfWord) {
  const middle = (word.yMin + word.yMax) / 2;
  const half = (word.yMax - word.yMin) * 0.3;
  return { left: word.xMin + 0.1, right: word.xMax - 0.1, top: middle - half, bottom: middle + half };
}

function overlapping(words: readonly PdfWord[]): string[] {
  const found: string[] = [];
  for (const [i, a] of words.entries()) {
    const one = core(a);
    for (const b of words.slice(i + 1)) {
      const other = core(b);
      if (one.left < other.right && other.left < one.right && one.top < other.bottom && other.top < one.bottom) found.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return found;
}

const MODELS: Model[] = [
  ...BUILT_IN_TEMPLATES.map((template) => ({ id: template.id, templateId: template.id, picture: false, notesPerSide: 15 })),
  { id: 'eigen-plaatje', templateId: LEMNISCATE_IK_WIJ_HET.id, picture: true, notesPerSide: 15 },
  { id: 'weinig', templateId: LEMNISCATE_IK_WIJ_HET.id, picture: false, notesPerSide: 4 },
];

describe('the model figure in the session report PDF', () => {
  let temp: TempEngine;
  const reads = new Map<string, Read>();

  beforeAll(async () => {
    requireTool('pdfinfo', 'poppler-utils');
    requireTool('qpdf', 'qpdf');
    temp = tempEngine();
    for (const model of MODELS) reads.set(model.id, await exportModel(temp.engine, temp.dir, model));
  }, 120_000);
  afterAll(() => temp?.cleanup());

  const readOf = (id: string) => {
    const read = reads.get(id);
    if (!read) throw new Error(`no export for ${id}`);
    return read;
  };

  for (const model of MODELS) {
    describe(`${model.id}, ${model.notesPerSide} notes a side`, () => {
      it('puts every note inside its own side: its words, or its number with its words in the key', () => {
        const read = readOf(model.id);
        const words = figureWords(read);
        const key = keyOf(read);
        expect([...key.keys()].sort((a, b) => a - b)).toEqual([...key.keys()].map((_, index) => index + 1));
        const numbers = noteNumbers(words);
        for (const zone of read.state.template.zones) {
          const area = read.ellipse(zone.area);
          for (let n = 0; n < model.notesPerSide; n += 1) {
            const name = token(zone.id, n);
            const numbered = [...key.entries()].find(([, keyed]) => keyed === name)?.[0];
            if (numbered === undefined) {
              // Drawn with its words: its first word is in the figure, inside its side.
              const found = words.filter((word) => word.text === `${name}:`);
              expect(found, `${name} drawn once`).toHaveLength(1);
              expect(wordInside(area, found[0] as PdfWord), `${name} inside ${zone.name}`).toBe(true);
              continue;
            }
            const drawn = numbers.filter((word) => word.text === String(numbered) && read.state.template.zones.some((other) => centreInside(read.ellipse(other.area), word)));
            expect(drawn, `number ${numbered} (${name}) drawn once on a side`).toHaveLength(1);
            expect(wordInside(area, drawn[0] as PdfWord), `number ${numbered} (${name}) inside ${zone.name}`).toBe(true);
          }
        }
      });

      it('draws every cluster whole inside its side: its title, not cut, and its count', () => {
        const read = readOf(model.id);
        const words = figureWords(read);
        for (const zone of read.state.template.zones) {
          const area = read.ellipse(zone.area);
          const within = words.filter((word) => centreInside(area, word)).map((word) => word.text);
          const clusters = Object.values(read.state.clusters).filter((cluster) => cluster.zoneId === zone.id);
          expect(clusters.length).toBeGreaterThan(0);
          const expected = clusters.flatMap((cluster) => {
            const count = Object.values(read.state.notes).filter((note) => note.clusterId === cluster.id).length;
            return [...cluster.title.split(' '), String(count), count === 1 ? 'notitie' : 'notities'];
          });
          // Every word of every title and count, as many times as they occur, among the words inside the side.
          const left = [...within];
          for (const word of expected) {
            const at = left.indexOf(word);
            expect(at, `"${word}" of a cluster inside ${zone.name}`).toBeGreaterThanOrEqual(0);
            left.splice(at, 1);
          }
        }
      });

      it('lets no text in the figure touch other text, nor cross a side’s outline', () => {
        const read = readOf(model.id);
        const words = figureWords(read);
        expect(words.length).toBeGreaterThan(20);
        expect(overlapping(words)).toEqual([]);
        for (const zone of read.state.template.zones) {
          const area = read.ellipse(zone.area);
          for (const word of words.filter((candidate) => centreInside(area, candidate))) expect(wordInside(area, word), `"${word.text}" within ${zone.name}`).toBe(true);
        }
      });
    });
  }

  it('keeps 15 notes a side readable in every model: drawn with words or numbered, none only counted', () => {
    for (const model of MODELS.filter((candidate) => candidate.notesPerSide === 15)) {
      const read = readOf(model.id);
      const { layout } = planFigure(read.figure);
      expect(layout.sides.map((side) => `${side.zoneId}:${side.mode}`).filter((mode) => !/:(text|numbered)$/.test(mode)), model.id).toEqual([]);
      for (const side of layout.sides) for (const note of side.notes) expect((note.text?.fit.size ?? note.number?.size ?? 0) * planFigure(read.figure).frame.scale).toBeGreaterThanOrEqual(PRINT.minPt - 0.01);
    }
  });

  it('draws the ∞ figure’s words of every built-in model, and the own picture behind the sides', () => {
    const judgement = figureWords(readOf('dynamische-oordeelsvorming')).map((word) => word.text);
    expect(judgement).toEqual(expect.arrayContaining(['Kenweg:', 'terugkijken', 'Keuzeweg:', 'vooruitkijken']));
    const creation = figureWords(readOf('creatielemniscaat')).map((word) => word.text);
    // The creation lemniscate's steps, ZIJ → IK → WIJ → HET, numbered beside the sides' names.
    expect(creation).toEqual(expect.arrayContaining(['1', '2', '3', '4', 'ZIJ-kant', 'IK-kant', 'WIJ-kant', 'HET-kant']));
    const images = (file: string) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const own = readOf('eigen-plaatje');
    expect(images(own.file).filter((line) => Number(line.trim().split(/\s+/)[0]) === own.figurePage + 1)).toHaveLength(1);
    expect(images(readOf('lemniscaat-ik-wij-het').file)).toEqual([]);
  });

  it('tags the key for a screen reader: one list item per numbered note, its number as label, its words as body', () => {
    const read = readOf('creatielemniscaat');
    const key = keyOf(read);
    expect(key.size).toBeGreaterThan(0);
    const items = elements(structTree(read.file))
      .filter((node) => node.role === 'LI' && node.children.some((child) => child.role === 'Lbl'))
      .map((node) => node.children.map((child) => `${child.role}:${textOf(child)}`));
    for (const [number, name] of key) {
      const note = Object.values(read.state.notes).find((candidate) => candidate.text.startsWith(`${name}:`));
      expect(items).toContainEqual([`Lbl:${number}`, `LBody:${note?.text}`]);
    }
    // The figure's page too is all tagged content or artifact.
    expect(unmarkedPainting(pdfObjects(read.file).pageContents[read.figurePage] ?? '')).toEqual([]);
  });
});
