import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../electron/host/export/demo';
import { programmePdf, sessionPdf } from '../../../electron/host/export/exporter';
import { otherPointsOf } from '../../../shared/other-points';
import { reportedNotes } from '../../../shared/report/session-report';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';
import { command, pdfText, squash } from './session-fixture';

/**
 * Issue 13, items 4 and 7, read back from the PDFs with poppler: the programme summary of the
 * demo's three sessions holds every note each group saw (those in no cluster too), and both
 * reports list other points in the order they were entered, whatever their ids.
 */
describe('programme summary PDF: every note, in the order it was said', () => {
  let temp: TempEngine;
  let demo: ReturnType<typeof createDemo>;
  let text: string;

  beforeAll(async () => {
    temp = tempEngine();
    demo = createDemo(temp.engine);
    const [first] = demo.sessionIds;
    if (!first) throw new Error('the demo has sessions');
    // A note in no cluster, and other points whose ids sort against the order they were said in.
    command(temp.engine, first, { type: 'note.add', id: 'los-1', zoneId: 'ik', text: 'Over schotten heen kijken', x: 200, y: 300 });
    command(temp.engine, first, { type: 'other.add', id: 'zz-1', zoneId: 'ik', text: 'Eerst gezegd: tijd voor ontmoeting' });
    command(temp.engine, first, { type: 'other.add', id: 'aa-2', zoneId: 'ik', text: 'Daarna gezegd: minder overleg' });
    const file = join(temp.dir, 'programma.pdf');
    writeFileSync(file, (await programmePdf(temp.engine, demo.programmeId, 'nl')).pdf);
    text = squash(pdfText(file));
  }, 120_000);
  afterAll(() => temp?.cleanup());

  it('holds every note of all three sessions, clustered or not', () => {
    let count = 0;
    for (const id of demo.sessionIds) {
      const state = temp.engine.session(id);
      if (!state) throw new Error(`no session ${id}`);
      for (const note of reportedNotes(state)) {
        expect(text, note.text).toContain(squash(note.text));
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(20);
    expect(text).toContain(squash('IK-kant: zonder thema'));
    expect(text).toContain(squash('Over schotten heen kijken'));
  });

  it('lists other points in the order they were entered, in the summary and in the session report', async () => {
    const first = temp.engine.session(demo.sessionIds[0] as string);
    if (!first) throw new Error('no session');
    const entered = otherPointsOf(first, 'ik').map((point) => squash(point.text));
    expect(entered.slice(-2)).toEqual([squash('Eerst gezegd: tijd voor ontmoeting'), squash('Daarna gezegd: minder overleg')]);
    const file = join(temp.dir, 'sessie.pdf');
    writeFileSync(file, (await sessionPdf(temp.engine, first.meta.id, 'nl')).pdf);
    for (const report of [text, squash(pdfText(file))]) {
      const places = entered.map((point) => report.indexOf(point));
      for (const place of places) expect(place).toBeGreaterThan(-1);
      expect(places).toEqual([...places].sort((a, b) => a - b));
    }
  });
});
