import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { primaryFace } from '../../../../../electron/host/export/fonts';
import { PdfSurface } from '../../../../../electron/host/export/pdf-surface';
import { elements, requireTool, structTree, textOf } from '../../../../support/pdf-inspect';

const face = primaryFace('regular');
const write = (surface: PdfSurface, y: number, text: string) => surface.drawRun(face, text, 60, y, 11, '#000000');

describe('the tagged PDF surface', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  async function file(surface: PdfSurface): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'eiland-surface-'));
    const path = join(dir, 'out.pdf');
    writeFileSync(path, await surface.finish());
    return path;
  }

  it('refuses text that is neither tagged content nor an artifact', () => {
    const surface = new PdfSurface({ title: 't', subject: 's', lang: 'nl-NL' });
    expect(() => write(surface, 100, 'los')).toThrow('PDF: text outside a structure tag or artifact');
  });

  it('refuses marked content inside marked content, which pdfkit would silently cut', () => {
    const surface = new PdfSurface({ title: 't', subject: 's', lang: 'nl-NL' });
    const p = surface.root.add('P');
    expect(() => surface.mark(p, () => surface.artifact(() => {}))).toThrow('PDF: artifact inside content');
    expect(() => surface.artifact(() => surface.mark(p, () => {}))).toThrow('PDF: content inside artifact');
    // After a refusal the surface is usable again.
    surface.mark(p, () => write(surface, 100, 'weer goed'));
    expect(p.contents).toHaveLength(1);
  });

  it('builds the tree in the order tags were made, whatever order they were drawn in, without empty elements', async () => {
    requireTool('pdfinfo', 'poppler-utils');
    const surface = new PdfSurface({ title: 't', subject: 's', lang: 'nl-NL' });
    const heading = surface.root.add('H1');
    surface.root.add('P');
    const tr = surface.root.add('Table').add('TR');
    const th = tr.add('TH', { scope: 'Row' });
    tr.add('TD', { keepEmpty: true });
    const paragraph = surface.root.add('P');
    surface.mark(paragraph, () => write(surface, 300, 'Tweede'));
    surface.addPage();
    surface.mark(paragraph, () => write(surface, 100, 'pagina'));
    surface.switchToPage(0);
    surface.mark(th, () => write(surface, 200, 'Kop van de rij'));
    surface.mark(heading, () => write(surface, 100, 'Eerst'));
    surface.artifact(() => write(surface, 800, 'Pagina 1 van 2'), 'Pagination');
    const tree = structTree(await file(surface));
    expect(elements(tree).map((node) => `${node.role}:${textOf(node)}`)).toEqual([
      'Document:Eerst Kop van de rij Tweede pagina',
      'H1:Eerst',
      'Table:Kop van de rij',
      'TR:Kop van de rij',
      'TH:Kop van de rij',
      'TD:',
      'P:Tweede pagina',
    ]);
  });

  it('writes a title with XML characters into the metadata as valid XML, and as it is into the info', async () => {
    requireTool('pdfinfo', 'poppler-utils');
    const title = `Wij & zij <samen> "nu" 'hier'`;
    const surface = new PdfSurface({ title, subject: 'Over <ons>', lang: 'nl-NL' });
    surface.mark(surface.root.add('P'), () => write(surface, 100, 'tekst'));
    const path = await file(surface);
    const meta = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(meta).toContain('<rdf:li xml:lang="x-default">Wij &amp; zij &lt;samen&gt; &quot;nu&quot; &apos;hier&apos;</rdf:li>');
    expect(meta).toContain('Over &lt;ons&gt;');
    expect(meta).not.toContain('<samen>');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toContain(`Title:           ${title}`);
  });
});
