import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../../electron/host/export/demo';
import { programmeReport, sessionReport } from '../../../electron/host/export/exporter';
import type { Engine } from '../../../electron/host/engine';
import { reportedNotes } from '../../../shared/report/session-report';
import type { ReportDocument } from '../../../shared/report/types';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { startJob } from '../../support/job-stream';
import { modelHeadings, plainText, readWord, type WordFile, wordHeadings, wordTables } from '../../support/word-read';
import { fillSession, HOSTILE_NOTES, squash } from './session-fixture';

/**
 * The Word exports as the programme lead gets them: downloaded from a running host (or made as a
 * job by its worker), then opened with a real .docx reader (mammoth, to HTML) and unzipped: Word's
 * own headings in the PDF's order, lists, tables with a header row, every note, the language.
 */
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Every note each of the sessions showed, as its text. */
const notesOf = (engine: Engine, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const state = engine.session(id);
    if (!state) throw new Error(`no session ${id}`);
    return reportedNotes(state).map((note) => note.text);
  });

function expectWholeReport(word: WordFile, report: ReportDocument, notes: readonly string[]): void {
  expect(word.messages).toEqual([]);
  expect(wordHeadings(word.html)).toEqual(modelHeadings(report));
  const text = squash(plainText(word.html));
  for (const note of notes) expect(text, note.slice(0, 40)).toContain(squash(note));
  // Each note is an item of a Word list (a cluster's notes), never a line of plain text.
  const items = [...word.html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) => squash(plainText(match[1] ?? '')));
  for (const note of notes) expect(items, note.slice(0, 40)).toContain(squash(note));
}

describe('Word export', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>;
  let demo: ReturnType<typeof createDemo>;

  beforeAll(async () => {
    host = await startTestHost();
    fillSession(host.engine, { id: 'big', notes: 300, points: 30, participants: 16 });
    demo = createDemo(host.engine);
  }, 120_000);
  afterAll(async () => host?.cleanup());

  const download = async (path: string) => {
    const response = await fetch(`${host.url}${path}`, { headers: auth });
    expect(response.status, path).toBe(200);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('writes the session report with the PDF’s headings, every note in a list and the points as a table with a header row', async () => {
    const { response, bytes } = await download('api/export/session/big.docx');
    expect(response.headers.get('content-type')).toBe(DOCX);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Groot-eiland-2024-06-02\.docx"/);
    const word = await readWord(bytes);
    const report = sessionReport(host.engine, 'big', 'nl');
    expectWholeReport(word, report, notesOf(host.engine, ['big']));
    expect(wordHeadings(word.html).filter((heading) => /^H[1-3] /.test(heading)).length).toBe(modelHeadings(report).length);

    const pointTables = wordTables(word.html).filter((rows) => rows[0]?.header && rows[0].cells.join('|') === 'Plaats|Aandachtspunt|Stippen');
    const pointCount = report.blocks.filter((block) => block.kind === 'point').length;
    expect(pointTables.length).toBeGreaterThan(1);
    expect(pointTables.flatMap((rows) => rows.slice(1)).length).toBe(pointCount);
    for (const rows of pointTables) for (const row of rows.slice(1)) expect(row.header).toBe(false);
    // The ranking, also with a header row; the title page's facts as label and value.
    expect(wordTables(word.html).some((rows) => rows[0]?.cells.join('|') === 'Plaats|Aandachtspunt|Kant|Stippen')).toBe(true);
    expect(wordTables(word.html)[0]?.map((row) => row.cells[0])).toContain('Procesbegeleider');
    expect(plainText(word.html)).toContain('Ingrediënt 2 bij punt 7');
  });

  it('keeps hostile, right-to-left and emoji notes as literal text, and marks right-to-left paragraphs so', async () => {
    const word = await readWord((await download('api/export/session/big.docx')).bytes);
    const text = plainText(word.html);
    expect(text).toContain('<script>alert(1)</script>');
    expect(word.html).not.toContain('<script>');
    expect(text).toContain('Feest 🎉 en 👍 met ë, ĳ en ✓');
    for (const note of HOSTILE_NOTES) expect(squash(text)).toContain(squash(note));
    const document = word.part('word/document.xml');
    expect(document).toMatch(/<w:bidi\/>[\s\S]*?שלום עולם/);
  });

  it('sets the document’s language and properties by the report’s language', async () => {
    const dutch = await readWord((await download('api/export/session/big.docx')).bytes);
    expect(dutch.part('word/styles.xml')).toContain('w:lang w:val="nl-NL"');
    expect(dutch.part('docProps/core.xml')).toContain('<dc:title>Groot eiland</dc:title>');
    expect(dutch.part('word/footer1.xml')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const english = await readWord((await download('api/export/session/big.docx?lang=en')).bytes);
    expect(english.part('word/styles.xml')).toContain('w:lang w:val="en-GB"');
    expect(wordHeadings(english.html)).toContain('H1 The model at the end of the session');
    expect(wordHeadings(english.html)).toEqual(modelHeadings(sessionReport(host.engine, 'big', 'en')));
  });

  it('writes the programme summary of three sessions with every note of each, in English on request', async () => {
    const word = await readWord((await download(`api/export/programme/${demo.programmeId}.docx?lang=en`)).bytes);
    const report = programmeReport(host.engine, demo.programmeId, 'en');
    expectWholeReport(word, report, notesOf(host.engine, demo.sessionIds));
    const headings = wordHeadings(word.html);
    expect(headings).toContain('H1 In summary');
    expect(headings.filter((heading) => heading.startsWith('H1 Results '))).toHaveLength(3);
    // Each session opens with the memo's facts: programme, group, date, facilitator.
    const facts = wordTables(word.html).filter((rows) => rows[0]?.cells[0] === 'Programme');
    expect(facts.map((rows) => rows.map((row) => row.cells[0]))).toEqual(Array.from({ length: 3 }, () => ['Programme', 'Group', 'Date', 'Facilitator']));
  });

  it('is made as a job by the export worker, and handed out once', async () => {
    const job = startJob(`${host.url}api/jobs/export`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'programme', id: demo.programmeId, format: 'docx' }),
    });
    const last = await job.finished;
    expect(last?.t).toBe('done');
    const result = last?.t === 'done' ? (last.result as { fileName: string; bytes: number; download: string }) : null;
    expect(result?.fileName).toBe('Alliantie van Kracht tegen Armoede.docx');
    const file = await fetch(`${host.url}${result?.download.replace(/^\//, '')}`, { headers: auth });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(result?.bytes);
    expect(wordHeadings((await readWord(bytes)).html)).toEqual(modelHeadings(programmeReport(host.engine, demo.programmeId, 'nl')));
    expect((await fetch(`${host.url}${result?.download.replace(/^\//, '')}`, { headers: auth })).status).toBe(404);
  });

  it('refuses what it cannot make with a plain message', async () => {
    const unknown = await fetch(`${host.url}api/export/programme/nope.docx`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'unknown_programme' });
    const session = await fetch(`${host.url}api/export/session/nope.docx`, { headers: auth });
    expect(await session.json()).toMatchObject({ code: 'unknown_session' });
    const job = startJob(`${host.url}api/jobs/export`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scope: 'session', id: 'big', format: 'docx', path: '/tmp/verslag.pdf' }),
    });
    expect(await job.status).toBe(400);
    expect((await fetch(`${host.url}api/export/session/big.docx`)).status).toBe(401);
  });
});
