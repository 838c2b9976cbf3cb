import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../electron/host/export/demo';
import { programmeActions, programmePdf, programmeSessions, sessionPdf } from '../../../electron/host/export/exporter';
import type { SessionState } from '../../../shared/domain';
import { buildProgrammeReport } from '../../../shared/report/programme-report';
import { buildSessionReport, reportedNotes } from '../../../shared/report/session-report';
import type { PointBlock, ReportDocument } from '../../../shared/report/types';
import { rankPoints } from '../../../shared/voting';
import { elements, pdfObjects, requireTool, type StructNode, structTree, textOf, textString, unmarkedPainting } from '../../support/pdf-inspect';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';

/**
 * The demo's reports as a screen reader gets them: the structure tree read back with poppler and
 * qpdf must hold, in reading order, every heading, paragraph, list, table and the model figure's
 * alternative text, in the report's language; everything else on the page is an artifact.
 */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the tree's headings must be: the report model's, a cluster title one below its section. */
function expectedHeadings(report: ReportDocument): string[] {
  const headings: string[] = [];
  let level = 1;
  for (const block of report.blocks) {
    if (block.kind === 'title') headings.push(`H1 ${squash(block.text)}`);
    if (block.kind === 'heading') {
      level = block.level;
      headings.push(`H${block.level} ${squash(block.text)}`);
    }
    if (block.kind === 'noteGroup') headings.push(`H${Math.min(level + 1, 3)} ${squash(block.title)}`);
  }
  return headings;
}

const headingsOf = (tree: StructNode) =>
  elements(tree)
    .filter((node) => /^H[1-6]$/.test(node.role))
    .map((node) => `${node.role} ${textOf(node)}`);

/** PDF/UA: the first heading is an H1 and no heading is more than one level below the one before. */
function expectNoSkippedLevel(headings: string[]): void {
  let previous = 0;
  for (const heading of headings) {
    const level = Number(heading.slice(1, 2));
    expect(level, `${heading} after a level-${previous} heading`).toBeLessThanOrEqual(previous + 1);
    previous = level;
  }
}

const listItems = (tree: StructNode) => elements(tree).filter((node) => node.role === 'LBody').map(textOf);

/** Each point must be a table row: its title the row's header (scope Row), rank, dots and ingredients in its cells. */
function expectPointRows(tree: StructNode, points: PointBlock[]): void {
  const rows = elements(tree).filter((node) => node.role === 'TR');
  for (const point of points) {
    const row = rows.find((tr) => tr.children.some((cell) => cell.role === 'TH' && textOf(cell) === squash(point.title)));
    expect(row, `a table row for "${point.title}"`).toBeDefined();
    if (!row) continue;
    expect(row.children.map((cell) => cell.role)).toEqual(['TD', 'TH', 'TD', 'TD']);
    expect(row.children[1]?.attributes.Scope).toBe('/Row');
    expect(textOf(row.children[0] as StructNode)).toBe(String(point.rank));
    expect(textOf(row.children[2] as StructNode)).toBe(point.dotsLabel);
    const details = listItems(row.children[3] as StructNode);
    expect(details).toEqual(point.ingredients.map(squash));
  }
}

function expectEverythingMarked(file: string, tree: StructNode, pageLabel: RegExp): void {
  const { pageContents } = pdfObjects(file);
  pageContents.forEach((content, index) => {
    expect(unmarkedPainting(content), `page ${index + 1}: drawn outside tagged content and artifacts`).toEqual([]);
  });
  expect(textOf(tree)).not.toMatch(pageLabel);
}

function expectUaClaims(file: string, lang: string, title: string): void {
  // qpdf exits non-zero on any syntax or stream error it finds.
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(info).toContain(title);
  const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  expect(meta).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`);
  const { catalog, dictionaries } = pdfObjects(file);
  expect(textString(catalog['/Lang'])).toBe(lang);
  const preferences = dictionaries.find((dict) => '/DisplayDocTitle' in dict);
  expect(preferences?.['/DisplayDocTitle']).toBe(true);
}

describe('the demo reports as tagged PDF/UA', () => {
  let temp: TempEngine;
  let team: SessionState;
  let sessionReport: ReportDocument;
  let programmeReport: ReportDocument;
  const files = { session: '', programme: '', english: '' };

  beforeAll(async () => {
    requireTool('pdfinfo', 'poppler-utils');
    requireTool('qpdf', 'qpdf');
    temp = tempEngine();
    const demo = createDemo(temp.engine);
    const state = temp.engine.session('demo-avk-programmateam');
    if (!state) throw new Error('no demo session');
    team = state;
    const programme = temp.engine.workspace.programmes[demo.programmeId];
    if (!programme) throw new Error('no demo programme');
    const actions = programmeActions(temp.engine, demo.programmeId);
    sessionReport = buildSessionReport(team, { locale: 'nl', programmeName: programme.name, actions });
    programmeReport = buildProgrammeReport(programme, programmeSessions(temp.engine, demo.programmeId), { locale: 'nl', actions });
    const write = (name: string, pdf: Buffer) => {
      const file = join(temp.dir, name);
      writeFileSync(file, pdf);
      return file;
    };
    files.session = write('session.pdf', (await sessionPdf(temp.engine, team.meta.id, 'nl')).pdf);
    files.programme = write('programme.pdf', (await programmePdf(temp.engine, demo.programmeId, 'nl')).pdf);
    files.english = write('session-en.pdf', (await sessionPdf(temp.engine, team.meta.id, 'en')).pdf);
  }, 60_000);
  afterAll(() => temp?.cleanup());

  describe('the session report', () => {
    let tree: StructNode;
    beforeAll(() => {
      tree = structTree(files.session);
    });

    it('is tagged, claims PDF/UA-1, shows its title and says it is Dutch', () => {
      expectUaClaims(files.session, 'nl-NL', team.meta.title);
    });

    it('has the report’s headings, as H1–H3 in the order they appear', () => {
      const headings = headingsOf(tree);
      expect(headings).toEqual(expectedHeadings(sessionReport));
      expectNoSkippedLevel(headings);
      expect(headings.slice(0, 4)).toEqual(['H1 Eiland van reflectie programmateam', 'H1 Het model aan het eind van de sessie', 'H1 Rangorde van de aandachtspunten', 'H1 HET-kant']);
    });

    it('has the session-wide ranking as a table with column headers, one row per point', () => {
      const headers = elements(tree).filter((node) => node.role === 'TH' && node.attributes.Scope === '/Column').map((node) => squash(textOf(node)));
      expect(headers).toEqual(expect.arrayContaining(['Plaats', 'Aandachtspunt', 'Kant', 'Stippen']));
      const ranking = sessionReport.blocks.find((block) => block.kind === 'table');
      if (ranking?.kind !== 'table') throw new Error('no ranking table');
      expect(ranking.rows.map((row) => row[1])).toEqual(rankPoints(team).map((entry) => team.attentionPoints[entry.attentionPointId]?.title));
    });

    it('has every note as a list item and every paragraph as P', () => {
      const items = listItems(tree);
      const notes = reportedNotes(team);
      expect(notes.length).toBe(14);
      for (const note of notes) expect(items, note.text).toContain(squash(note.text));
      const paragraphs = elements(tree)
        .filter((node) => node.role === 'P')
        .map(textOf);
      for (const block of sessionReport.blocks) if (block.kind === 'paragraph') expect(paragraphs).toContain(squash(block.text));
    });

    it('has the facts and every point with its dots as tables with row headers', () => {
      const facts = sessionReport.blocks.find((block) => block.kind === 'facts');
      if (facts?.kind !== 'facts') throw new Error('no facts');
      const table = elements(tree).find((node) => node.role === 'Table');
      expect(table?.children.map((tr) => tr.children.map((cell) => `${cell.role}${cell.attributes.Scope ?? ''}:${textOf(cell)}`))).toEqual(
        facts.rows.map((fact) => [`TH/Row:${fact.label}`, `TD:${fact.value}`]),
      );
      const points = sessionReport.blocks.filter((block): block is PointBlock => block.kind === 'point');
      expect(points.length).toBeGreaterThan(5);
      expect(points.some((point) => point.ingredients.length > 0)).toBe(true);
      expectPointRows(tree, points);
    });

    it('has the model as a Figure whose alternative text names the sides, their notes and their themes', () => {
      const figures = elements(tree).filter((node) => node.role === 'Figure');
      expect(figures).toHaveLength(1);
      const alts = pdfObjects(files.session)
        .dictionaries.filter((dict) => dict['/S'] === '/Figure')
        .map((dict) => textString(dict['/Alt']));
      expect(alts).toHaveLength(1);
      const alt = alts[0] ?? '';
      expect(alt).toContain('Lemniscaat IK · WIJ · HET');
      for (const zone of team.template.zones) {
        const count = reportedNotes(team).filter((note) => note.zoneId === zone.id).length;
        expect(alt).toContain(`${zone.name}: ${count} notities`);
      }
      const clusters = Object.values(team.clusters);
      expect(clusters.length).toBeGreaterThan(2);
      for (const cluster of clusters) expect(alt).toContain(cluster.title);
    });

    it('leaves nothing drawn outside the tree: rules, bullets, dots and page numbers are artifacts', () => {
      expectEverythingMarked(files.session, tree, /Pagina \d+ van \d+/);
    });

    it('describes a picture of the real canvas in the same words when one takes the drawing’s place', async () => {
      // A 2×2 PNG, as the renderer's canvas export would send (only smaller).
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
      const file = join(temp.dir, 'picture.pdf');
      writeFileSync(file, (await sessionPdf(temp.engine, team.meta.id, 'nl', { modelPicture: png })).pdf);
      const figure = pdfObjects(file).dictionaries.find((dict) => dict['/S'] === '/Figure');
      expect(textString(figure?.['/Alt'])).toBe(sessionReport.blocks.find((block) => block.kind === 'model')?.alt);
      expectEverythingMarked(file, structTree(file), /Pagina \d+ van \d+/);
    });

    it('is English, in words and language, when asked for in English', () => {
      expectUaClaims(files.english, 'en-GB', team.meta.title);
      const english = structTree(files.english);
      expect(headingsOf(english)).toContain('H1 The model at the end of the session');
      const alt = pdfObjects(files.english).dictionaries.find((dict) => dict['/S'] === '/Figure')?.['/Alt'];
      expect(textString(alt)).toMatch(/^Drawing of the model .* notes, /);
    });
  });

  describe('the programme summary', () => {
    let tree: StructNode;
    beforeAll(() => {
      tree = structTree(files.programme);
    });

    it('is tagged, claims PDF/UA-1 and says it is Dutch', () => {
      expectUaClaims(files.programme, 'nl-NL', 'Alliantie van Kracht tegen Armoede');
    });

    it('has the report’s headings in order, each session under its own H1', () => {
      const headings = headingsOf(tree);
      expect(headings).toEqual(expectedHeadings(programmeReport));
      expectNoSkippedLevel(headings);
      expect(headings.filter((heading) => heading.startsWith('H1 Uitkomsten '))).toHaveLength(3);
    });

    it('shows how the actions moved per theme as a table with column headers and a Figure with words', () => {
      const headers = elements(tree).filter((node) => node.role === 'TH').map((node) => squash(textOf(node)));
      expect(headers).toEqual(expect.arrayContaining(['Thema', 'Gemaakt']));
      const alts = pdfObjects(files.programme)
        .dictionaries.filter((dict) => dict['/S'] === '/Figure')
        .map((dict) => textString(dict['/Alt']));
      const bars = alts.find((alt) => alt?.startsWith('Staafjes per thema'));
      // Monitoring: both actions of the programme team done by the steering group.
      expect(bars).toContain('Monitoring, effectiviteit en ervaringen: 2 gedaan');
      expect(bars).toContain('1 loopt nog, 1 gestopt');
    });

    it('has every note and point it names inside the tree, the points in tables', () => {
      const items = listItems(tree);
      const listed = programmeReport.blocks.flatMap((block) => (block.kind === 'noteGroup' || block.kind === 'bullets' ? ('notes' in block ? block.notes : block.items) : []));
      expect(listed.length).toBeGreaterThan(20);
      for (const text of listed) expect(items, text).toContain(squash(text));
      const points = programmeReport.blocks.filter((block): block is PointBlock => block.kind === 'point');
      expect(points.length).toBeGreaterThan(10);
      expectPointRows(tree, points);
    });

    it('leaves nothing drawn outside the tree', () => {
      expectEverythingMarked(files.programme, tree, /Pagina \d+ van \d+/);
    });
  });
});
