import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPdf } from '../../../electron/host/export/exporter';
import { SUMMARY_NOTES_PER_SIDE } from '../../../shared/report/session-report';
import { requireTool } from '../../support/pdf-inspect';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';
import { fillSession, pdfText, squash } from './session-fixture';

/**
 * A wall of 10,000 notes: the session report summarises its appendix instead of printing hundreds
 * of pages, says so in the report's language, and stays a tagged PDF/UA document.
 */
describe('the session report of a 10,000-note session', () => {
  let temp: TempEngine;
  const files = { nl: '', en: '' };
  const pages = { nl: 0, en: 0 };

  beforeAll(async () => {
    requireTool('pdfinfo', 'poppler-utils');
    requireTool('qpdf', 'qpdf');
    temp = tempEngine();
    fillSession(temp.engine, { id: 'wall', notes: 10_000, points: 12, participants: 8 });
    for (const locale of ['nl', 'en'] as const) {
      const rendered = await sessionPdf(temp.engine, 'wall', locale);
      files[locale] = join(temp.dir, `wall-${locale}.pdf`);
      writeFileSync(files[locale], rendered.pdf);
      pages[locale] = rendered.pages;
    }
  }, 180_000);
  afterAll(() => temp?.cleanup());

  it('stays a report of a few dozen pages, not hundreds', () => {
    expect(pages.nl).toBeLessThanOrEqual(30);
    expect(execFileSync('pdfinfo', [files.nl], { encoding: 'utf8' })).toMatch(new RegExp(`^Pages:\\s+${pages.nl}$`, 'm'));
  });

  it('says in Dutch that it summarises, and where every note is', () => {
    const text = squash(pdfText(files.nl));
    expect(text).toContain(squash('Bijlage: de notities samengevat'));
    expect(text).toContain(squash('Deze sessie heeft 10000 notities.'));
    expect(text).toContain(squash('Alle notities staan in de CSV-export'));
    // Per side: the counts, the themes with their sizes, the first notes, and how many more there are.
    expect(text).toContain(squash('3334 notities, 1 thema.'));
    expect(text).toContain(squash('Thema WIJ-kant (8 notities)'));
    expect(text).toContain(squash(`De eerste ${SUMMARY_NOTES_PER_SIDE} notities`));
    expect(text).toContain(squash(`En nog ${3334 - SUMMARY_NOTES_PER_SIDE} notities aan deze kant: zie de CSV-export.`));
    expect(text).toContain(squash('Notitie 8 over HET-kant'));
    expect(text).not.toContain(squash('Notitie 9998 over'));
  });

  it('says it in English when asked in English', () => {
    const text = squash(pdfText(files.en));
    expect(text).toContain(squash('Appendix: the notes in summary'));
    expect(text).toContain(squash('This session has 10000 notes.'));
    expect(text).toContain(squash('Every note is in the CSV export'));
    expect(pages.en).toBeLessThanOrEqual(30);
  });

  it('is still tagged and passes qpdf’s check', () => {
    expect(execFileSync('qpdf', ['--check', files.nl], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdfinfo', [files.nl], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    expect(execFileSync('pdfinfo', ['-meta', files.nl], { encoding: 'utf8' })).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  });
});
