import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeReport, sessionReport } from '../../../electron/host/export/exporter';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { themeZoneId, WHOLE_SESSION_ZONE_ID, workMode } from '../../../shared/zones';
import { startTestHost, TEST_TOKEN } from '../../support/host-harness';
import { pdfWords } from '../../support/pdf-words';
import { modelHeadings, plainText, readWord, wordHeadings } from '../../support/word-read';
import { TestClient } from '../../support/ws-client';
import { pdfText } from '../export/session-fixture';

/**
 * The reports of a session that works per side and per theme, downloaded from a running host: the
 * session report (PDF, read with poppler, and Word, read with mammoth) names each theme's zone as a
 * heading with its notes under it, the figure's legend names every zone, and the programme summary
 * counts the notes in a theme's zone as said about that theme.
 */
type Host = Awaited<ReturnType<typeof startTestHost>>;
const P = 'zones-rapport';
const VISION = 'Samen handen en voeten geven aan een visie';
const MONITORING = 'Monitoring, effectiviteit en ervaringen';
const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const VISION_NOTES = ['Mandaat van bestuurders ontbreekt nog', 'Visie eigen maken in alle organisaties'];
const MONITORING_CLUSTERED = ['Framework maken: wat willen we weten?', 'Dashboard per wijkteam'];
const MONITORING_LOOSE = ['Deel wat werkt, maak het praktisch'];
const SIDE_NOTES = ['Korte lijnen met de gemeente', 'Ik wil meer tijd voor reflectie'];

const flat = (text: string) => text.replace(/\s+/g, ' ');
/** The text from `start` up to the first of `ends` after it. */
function between(text: string, start: string, ends: readonly string[]): string {
  const from = text.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const after = text.slice(from + start.length);
  const to = Math.min(...ends.map((end) => after.indexOf(end)).filter((index) => index >= 0), after.length);
  return after.slice(0, to);
}

describe('reports of a session per side and per theme', () => {
  let host: Host;

  beforeAll(async () => {
    host = await startTestHost();
    const facilitator = await TestClient.facilitator(host.url, TEST_TOKEN);
    const must = async (stream: string, command: Record<string, unknown> & { type: string }) => {
      const answer = await facilitator.command(stream, command);
      expect(answer, `${command.type}: ${JSON.stringify(answer)}`).toMatchObject({ t: 'ack' });
    };
    await must(WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
    await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: VISION });
    await must(WORKSPACE_STREAM, { type: 'theme.create', id: 'mon', programmeId: P, title: MONITORING });
    await must(WORKSPACE_STREAM, { type: 'session.create', id: 's', templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: 'Managers', group: 'Managers', date: '2025-04-01', facilitator: 'Lauren Algra' });
    await must('s', { type: 'zones.arrange', mode: 'both', themeIds: ['visie', 'mon'] });
    let n = 0;
    const add = (zoneId: string, text: string) => must('s', { type: 'note.add', id: `n${++n}`, zoneId, text });
    await add('wij', SIDE_NOTES[0] as string);
    await add('ik', SIDE_NOTES[1] as string);
    for (const text of VISION_NOTES) await add(themeZoneId('visie'), text);
    for (const text of MONITORING_CLUSTERED) await add(themeZoneId('mon'), text);
    await must('s', { type: 'cluster.create', id: 'k1', title: 'Meten en weten', noteIds: [`n${n - 1}`, `n${n}`] });
    for (const text of MONITORING_LOOSE) await add(themeZoneId('mon'), text);
    await must('s', { type: 'observation.set', zoneId: themeZoneId('visie'), text: 'Iedereen kent de visie al.' });
    await must('s', { type: 'attention.add', id: 'p1', zoneId: themeZoneId('mon'), title: 'Monitoring opzetten' });
    facilitator.close();
    const state = host.engine.session('s');
    expect(state && workMode(state.template)).toBe('both');
    expect(state?.template.zones.some((zone) => zone.id === WHOLE_SESSION_ZONE_ID)).toBe(false);
  }, 60_000);
  afterAll(async () => host?.cleanup());

  const download = async (path: string) => {
    const response = await fetch(`${host.url}${path}`, { headers: auth });
    expect(response.status, path).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  it('names each theme’s zone in the session PDF with its notes under it, loose ones “niet gegroepeerd”', async () => {
    const file = join(host.dataDir, 'sessie.pdf');
    writeFileSync(file, await download('api/export/session/s.pdf'));
    const text = flat(pdfText(file));
    // The appendix: a heading per theme's zone with its notes, the loose ones "niet gegroepeerd", never "zonder thema".
    const appendix = text.slice(text.indexOf('Bijlage'));
    const vision = between(appendix, `Notities ${VISION}`, ['Notities ', 'Pagina ']);
    expect(vision).toContain('Niet gegroepeerd');
    expect(vision).not.toContain('Zonder thema');
    for (const note of VISION_NOTES) expect(vision).toContain(note);
    const monitoring = between(appendix, `Notities ${MONITORING}`, ['Notities ', 'Pagina ']);
    expect(monitoring).toContain(`Meten en weten ${MONITORING_CLUSTERED.join(' ')}`);
    expect(monitoring).toContain(`Niet gegroepeerd ${MONITORING_LOOSE[0]}`);
    expect(monitoring).not.toContain('Zonder thema');
    // A side's loose notes are still "zonder thema" (a group of notes).
    expect(between(appendix, 'Notities WIJ-kant', ['Notities '])).toContain(`Zonder thema ${SIDE_NOTES[0]}`);
    // The theme's own section, with its question and what goes well.
    expect(text).toContain(`${VISION} Vraag: Wat speelt er rond dit thema? Wat gaat goed? Iedereen kent de visie al.`);
  });

  it('leaves none of the five zones out of the figure’s legend, on its page', async () => {
    const file = join(host.dataDir, 'figuur.pdf');
    writeFileSync(file, await download('api/export/session/s.pdf'));
    const pages = pdfWords(file);
    const figurePage = pages.find((page) => page.words.some((word) => word.text === 'model'));
    if (!figurePage) throw new Error('no figure page');
    const figureText = flat(figurePage.words.map((word) => word.text).join(' '));
    for (const legend of ['WIJ-kant: 1 notitie', 'IK-kant: 1 notitie', 'HET-kant: 0 notities']) expect(figureText).toContain(legend);
    expect(figureText).toContain(`${VISION}: 2 notities`);
    expect(figureText).toContain(`${MONITORING}: 3 notities`);
    // Every word of the page lies on it.
    for (const word of figurePage.words) {
      expect(word.xMax, word.text).toBeLessThanOrEqual(figurePage.width);
      expect(word.yMax, word.text).toBeLessThanOrEqual(figurePage.height);
    }
  });

  it('writes the same headings and notes to Word', async () => {
    const word = await readWord(await download('api/export/session/s.docx'));
    expect(word.messages).toEqual([]);
    const headings = wordHeadings(word.html);
    expect(headings).toEqual(modelHeadings(sessionReport(host.engine, 's', 'nl')));
    expect(headings).toEqual(expect.arrayContaining([`H1 ${VISION}`, `H1 ${MONITORING}`, `H2 Notities ${VISION}`, `H2 Notities ${MONITORING}`, 'H3 Niet gegroepeerd']));
    const words = plainText(word.html);
    const vision = between(words, `Notities ${VISION}`, ['Notities ']);
    for (const note of VISION_NOTES) expect(vision).toContain(note);
    expect(vision).toContain('Niet gegroepeerd');
    const monitoring = between(words, `Notities ${MONITORING}`, ['Notities ']);
    for (const note of [...MONITORING_CLUSTERED, ...MONITORING_LOOSE]) expect(monitoring).toContain(note);
  });

  it('counts the notes in a theme’s zone as said about that theme in the programme summary', async () => {
    const file = join(host.dataDir, 'programma.pdf');
    writeFileSync(file, await download(`api/export/programme/${P}.pdf`));
    const text = flat(pdfText(file));
    const summary = between(text, 'Samengevat', ['Uitkomsten Managers']);
    const vision = between(summary, `Thema: ${VISION}`, ['Thema: ']);
    for (const note of VISION_NOTES) expect(vision).toContain(note);
    expect(vision).not.toContain(MONITORING_LOOSE[0]);
    const monitoring = between(summary, `Thema: ${MONITORING}`, ['Thema: ']);
    expect(monitoring).toContain('Monitoring opzetten');
    for (const note of [...MONITORING_CLUSTERED, ...MONITORING_LOOSE]) expect(monitoring).toContain(note);
    for (const note of SIDE_NOTES) expect(summary).not.toContain(note);
    // What the session brought in puts a theme's loose notes under the theme's name, never "zonder thema".
    const brought = text.slice(text.indexOf('Uitkomsten Managers'));
    expect(brought).toContain(`${MONITORING} ${MONITORING_LOOSE[0]}`);
    expect(brought).not.toContain(`${MONITORING}: zonder thema`);

    const word = await readWord(await download(`api/export/programme/${P}.docx`));
    expect(wordHeadings(word.html)).toEqual(modelHeadings(programmeReport(host.engine, P, 'nl')));
    const wordSummary = between(plainText(word.html), 'Samengevat', ['Uitkomsten Managers']);
    for (const note of [...VISION_NOTES, ...MONITORING_CLUSTERED, ...MONITORING_LOOSE]) expect(wordSummary).toContain(note);
  });
});
