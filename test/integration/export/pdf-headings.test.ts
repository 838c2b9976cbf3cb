import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/host/export/render-pdf';
import type { ReportBlock, ReportDocument } from '../../../shared/report/types';
import { type PdfPage, pdfWords } from '../../support/pdf-words';

/**
 * A heading never ends a page alone. Sections of every height in a row put their headings at
 * every height of the page, the page's bottom among them; each heading is followed by what only
 * leads into it (a question, a muted intro) and then by its first real content. Read back with
 * poppler: the heading's word and its first content's word must be on the same page.
 */
const SECTIONS = 60;
const filler = (lines: number) => Array.from({ length: lines }, (_, line) => `Regel ${line} van een alinea die de pagina vult met gewone woorden.`).join(' ');

function section(index: number): ReportBlock[] {
  // 1 to 13 lines of body text before the heading: every position on the page comes round.
  const body: ReportBlock = { kind: 'paragraph', text: filler((index * 5) % 13), tone: 'body' };
  const heading: ReportBlock = { kind: 'heading', level: (1 + (index % 3)) as 1 | 2 | 3, text: `Kop${index}`, color: index % 2 ? '#0072B2' : null, newPage: false };
  const leadIn: ReportBlock[] = index % 2 ? [{ kind: 'paragraph', text: `Vraag${index}: wat gaat goed?`, tone: 'question' }] : [];
  const sub: ReportBlock[] = index % 4 === 1 ? [{ kind: 'heading', level: 3, text: `Onderkop${index}`, color: null, newPage: false }] : [];
  const intro: ReportBlock = { kind: 'paragraph', text: `Inleiding${index}: punten met de meeste stippen staan bovenaan.`, tone: 'muted' };
  const content: ReportBlock =
    index % 3 === 0
      ? { kind: 'bullets', items: [`Inhoud${index} eerste punt`, 'tweede punt', 'derde punt'] }
      : index % 3 === 1
        ? { kind: 'noteGroup', title: `Inhoud${index}`, color: '#009E73', notes: ['eerste notitie', 'tweede notitie'] }
        : { kind: 'table', columns: ['Plaats', `Inhoud${index}`], rows: [['1', 'eerste rij'], ['2', 'tweede rij']] };
  return [...(body.kind === 'paragraph' && body.text === '' ? [] : [body]), heading, ...leadIn, ...sub, intro, content];
}

const report: ReportDocument = {
  locale: 'nl',
  title: 'Koppen',
  subject: 'Paginering',
  footer: 'Koppen',
  pageLabel: 'Pagina {page} van {pages}',
  blocks: Array.from({ length: SECTIONS }, (_, index) => section(index)).flat(),
};

const pageOf = (pages: readonly PdfPage[], word: string) => pages.findIndex((page) => page.words.some((candidate) => candidate.text.replace(/:$/, '') === word));

describe('headings at a page break', () => {
  let dir: string;
  let pages: PdfPage[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eiland-headings-'));
    const file = join(dir, 'koppen.pdf');
    writeFileSync(file, (await renderPdf(report)).pdf);
    pages = pdfWords(file);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts every heading on the page of its lead-in and its first content', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (let index = 0; index < SECTIONS; index += 1) {
      const heading = pageOf(pages, `Kop${index}`);
      expect(heading, `Kop${index} is in the PDF`).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, `Inleiding${index}`), `Kop${index} and its intro`).toBe(heading);
      expect(pageOf(pages, `Inhoud${index}`), `Kop${index} and its first content`).toBe(heading);
      if (index % 4 === 1) expect(pageOf(pages, `Onderkop${index}`), `Kop${index} and its sub-heading`).toBe(heading);
    }
  });

  it('has headings near the bottom of a page, so the case is really tested', () => {
    // Some heading must sit in the lowest fifth of its page (else the test proves nothing).
    const low = pages.some((page) => page.words.some((word) => /^Kop\d+$/.test(word.text) && word.yMin > page.height * 0.72));
    expect(low).toBe(true);
  });
});
