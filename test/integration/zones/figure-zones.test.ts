import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionPdf, sessionReport } from '../../../electron/host/export/exporter';
import { PRINT_LABEL } from '../../../electron/host/export/figure-frame';
import { planFigure } from '../../../electron/host/export/model-figure';
import type { ViewBox } from '../../../shared/geometry/model';
import { PRINT } from '../../../shared/geometry/print-blocks';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { type PdfWord, pdfWords } from '../../support/pdf-words';
import { send, type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * The figure of a session with many themes under the ∞, on a real PDF: the zones of the whole
 * session lie in two rows, and every theme's label stays in its own room (not over the next row,
 * not under its neighbour's), its words whole and its type no smaller than legible.
 */
const TITLES = [
  'Samen handen en voeten geven aan een visie',
  'Monitoring, effectiviteit en ervaringen',
  'Ritme van plannen en bijstellen',
  'Mandaat en eigenaarschap bij bestuurders',
  'Inwerken van nieuwe collega’s',
];

const meets = (a: ViewBox, b: ViewBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The middle part of a word's box, where its glyphs are (pdftotext's boxes run from ascender to descender). */
function overlapping(words: readonly PdfWord[]): string[] {
  const core = (word: PdfWord) => {
    const middle = (word.yMin + word.yMax) / 2;
    const half = (word.yMax - word.yMin) * 0.3;
    return { x: word.xMin + 0.1, y: middle - half, width: word.xMax - word.xMin - 0.2, height: 2 * half };
  };
  return words.flatMap((a, i) => words.slice(i + 1).flatMap((b) => (meets(core(a), core(b)) ? [`"${a.text}" and "${b.text}"`] : [])));
}

describe('the figure with five themes under the ∞', () => {
  let temp: TempEngine | null = null;
  afterEach(() => temp?.cleanup());

  it('keeps each theme’s label in its own room, with whole words of legible type', async () => {
    const a = tempEngine();
    temp = a;
    send(a.engine, WORKSPACE_STREAM, { type: 'programme.create', id: 'p', name: 'Alliantie van Kracht' });
    for (const [index, title] of TITLES.entries()) send(a.engine, WORKSPACE_STREAM, { type: 'theme.create', id: `t${index}`, programmeId: 'p', title });
    send(a.engine, WORKSPACE_STREAM, { type: 'session.create', id: 's', templateId: 'lemniscaat-ik-wij-het', programmeId: 'p', title: 'Managers', group: 'Managers', date: '2025-04-01' });
    send(a.engine, 's', { type: 'zones.arrange', mode: 'both', themeIds: TITLES.map((_, index) => `t${index}`) });
    const zones = a.engine.session('s')?.template.zones ?? [];
    for (const [index, zone] of zones.entries()) send(a.engine, 's', { type: 'note.add', id: `n${index}`, zoneId: zone.id, text: `Notitie bij ${zone.name}` });

    const block = sessionReport(a.engine, 's', 'nl').blocks.find((candidate) => candidate.kind === 'model');
    if (block?.kind !== 'model') throw new Error('no model block');
    const { frame } = planFigure(block.figure);
    // Two rows under the sides: the figure is a small one, which is what tests the labels.
    expect(new Set(zones.filter((zone) => zone.whole).map((zone) => zone.area.y)).size).toBe(2);
    const boxOf = ({ area }: (typeof zones)[number]): ViewBox => ({ x: area.x - area.rx, y: area.y - area.ry, width: 2 * area.rx, height: 2 * area.ry });
    for (const label of frame.labels.filter((candidate) => candidate.zone.whole)) {
      const { zone } = label;
      expect(label.nameLines.join(' '), zone.name).toBe(zone.name);
      // Type is set in points at the scale of the frame's last round but one: within a hair of it.
      expect(label.nameSize * frame.scale).toBeGreaterThanOrEqual(PRINT.minPt * 0.99);
      expect(label.nameSize * frame.scale).toBeLessThanOrEqual(PRINT_LABEL.namePt * 1.01);
      for (const other of zones.filter((candidate) => candidate.id !== zone.id)) expect(meets(label.layout.backing, boxOf(other)), `${zone.name} over ${other.name}`).toBe(false);
      for (const other of frame.labels.filter((candidate) => candidate !== label)) {
        expect(meets(label.layout.backing, other.layout.backing), `${zone.name} and ${other.zone.name}`).toBe(false);
      }
    }

    // On paper: every theme's name is on the figure's page, and no two words of the page overlap.
    const file = join(a.dir, 'vijf-themas.pdf');
    writeFileSync(file, (await sessionPdf(a.engine, 's', 'nl')).pdf);
    const page = pdfWords(file).find((candidate) => candidate.width > candidate.height);
    if (!page) throw new Error('no landscape page for the model');
    const text = page.words.map((word) => word.text).join(' ');
    for (const title of TITLES) expect(text).toContain(title);
    const drawing = page.words.filter((word) => word.yMax < page.height - 60);
    expect(overlapping(drawing)).toEqual([]);
  });
});
