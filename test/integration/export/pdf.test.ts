import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPdf } from '../../../electron/host/export/exporter';
import { CONTENT_BOTTOM, PAGE } from '../../../electron/host/export/pdf-surface';
import { rankPoints } from '../../../shared/voting';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { fillSession, HOSTILE_NOTES, pdfText, squash } from './session-fixture';

/**
 * The session report as a person gets it: downloaded from a running host, then read back with
 * poppler (pdftotext, pdffonts, pdftoppm) the way someone would read or print it.
 */
describe('session report PDF', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>;
  let file: string;
  let text: string;

  beforeAll(async () => {
    host = await startTestHost();
    fillSession(host.engine, { id: 'big', notes: 300, points: 30, participants: 16 });
    const response = await fetch(`${host.url}api/export/session/big.pdf`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Groot-eiland-2024-06-02\.pdf"/);
    file = join(host.dataDir, 'big.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    text = pdfText(file);
  }, 120_000);
  afterAll(async () => host?.cleanup());

  it('lists every attention point of a side in order of dots, each with its count', () => {
    const state = host.engine.session('big');
    if (!state) throw new Error('no session');
    for (const zoneId of ['wij', 'ik', 'het', null]) {
      let from = 0;
      for (const { attentionPointId, dots } of rankPoints(state, zoneId)) {
        const title = state.attentionPoints[attentionPointId]?.title as string;
        const at = text.indexOf(title, from);
        expect(at, `${title} after position ${from}`).toBeGreaterThan(from - 1);
        const count = text.indexOf(dots === 1 ? '1 stip' : `${dots} stippen`, at);
        const nextPoint = text.indexOf('Aandachtspunt ', at + title.length);
        expect(count).toBeGreaterThan(at);
        expect(nextPoint === -1 || count < nextPoint).toBe(true);
        from = at + title.length;
      }
    }
  });

  it('shows hostile, right-to-left, emoji and 500-character notes literally', () => {
    const flat = squash(text);
    for (const note of HOSTILE_NOTES) expect(flat, note.slice(0, 40)).toContain(squash(note));
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('שלום עולם');
    expect(text).toContain('ë, ĳ en ✓');
    expect(text).toContain('🎉');
  });

  it('has a title page, page numbers on every page and the sections of the memo', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(10);
    for (const page of [1, 2, pages]) expect(pdfText(file, ['-f', String(page), '-l', String(page)])).toContain(`Pagina ${page} van ${pages}`);
    const first = pdfText(file, ['-f', '1', '-l', '1']);
    for (const fact of ['Programmateam', '2 juni 2024', 'Lauren Algra', 'Deden mee (notitie of stip)', 'Aangemeld (met telefoon)', '16', '300']) expect(first).toContain(fact);
    for (const heading of ['Het model aan het eind van de sessie', 'Wat gaat goed?', 'Dit zijn de ingrediënten', 'Aandachtspunten voor de hele sessie', 'Bijlage: alle notities per thema']) {
      expect(text).toContain(heading);
    }
  });

  it('embeds every font it uses, so it prints the same anywhere', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
    expect(fonts.join('\n')).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('cuts no text at a page break: every row sits inside the margins', async () => {
    const { placements, pages } = await sessionPdf(host.engine, 'big', 'nl');
    expect(pages).toBeGreaterThan(10);
    for (const { y, row } of placements) {
      expect(y).toBeGreaterThanOrEqual(PAGE.top);
      expect(y + row.height).toBeLessThanOrEqual(CONTENT_BOTTOM + 0.001);
    }
  });

  it('renders every page to an image', () => {
    const out = join(host.dataDir, 'page');
    execFileSync('pdftoppm', ['-r', '40', '-png', file, out]);
    const images = readdirSync(host.dataDir).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(images).toHaveLength(pages);
  });

  it('is written in English on request', async () => {
    const response = await fetch(`${host.url}api/export/session/big.pdf?lang=en&token=${TEST_TOKEN}`);
    const english = join(host.dataDir, 'en.pdf');
    writeFileSync(english, Buffer.from(await response.arrayBuffer()));
    const content = pdfText(english);
    expect(content).toContain('What is going well?');
    expect(content).toMatch(/Page 1 of \d+/);
  });
});
