import { themeZoneId } from '../../../shared/zones';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { programmeDocx, programmePdf, programmeReport } from '../../../electron/host/export/exporter';
import type { Actor } from '../../../shared/domain';
import { WORKSPACE_STREAM } from '../../../shared/protocol';
import { type TempEngine, tempEngine } from '../../unit/electron/host/export/temp-engine';
import { modelHeadings, plainText, readWord, wordHeadings } from '../../support/word-read';

/**
 * The acceptance, as far as themes go, on a real SQLite file and a real PDF: session 1
 * makes two themes, sessions 2 and 3 are prepared from the one before with both carried for the
 * whole session, the facilitator links one more point by hand, the lead writes the texts, and the
 * summary shows both themes "genoemd door 3 groepen" with the lead's words (read with pdftotext).
 */
const P = 'avk';
const FACILITATOR: Actor = { role: 'facilitator', participantId: null };
const VISION = 'Samen handen en voeten geven aan een visie';
const MONITORING = 'Monitoring, effectiviteit en ervaringen';

let counter = 0;
function ok(temp: TempEngine, stream: string, command: Record<string, unknown> & { type: string }) {
  const reply = temp.engine.handle({ t: 'command', id: `acc-${++counter}`, stream, command }, FACILITATOR);
  if (reply.t !== 'ack') throw new Error(`${command.type}: ${JSON.stringify(reply)}`);
}

describe('programme summary with themes carried through three sessions', () => {
  let temp: TempEngine | null = null;
  afterEach(() => temp?.cleanup());

  it('shows both themes mentioned by 3 groups, what each said, and the lead’s text', async () => {
    const a = tempEngine();
    temp = a;
    ok(a, WORKSPACE_STREAM, { type: 'programme.create', id: P, name: 'Alliantie van Kracht' });
    ok(a, WORKSPACE_STREAM, { type: 'session.create', id: 's1', templateId: 'lemniscaat-ik-wij-het', programmeId: P, title: 'Programmateam', group: 'Programmateam', date: '2025-03-04' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'visie', programmeId: P, title: VISION });
    ok(a, WORKSPACE_STREAM, { type: 'theme.create', id: 'mon', programmeId: P, title: MONITORING });
    ok(a, 's1', { type: 'attention.add', id: 'p1', zoneId: 'wij', title: 'Visie eigen maken in alle organisaties' });
    ok(a, 's1', { type: 'attention.add', id: 'p2', zoneId: 'het', title: 'Monitoring opzetten' });
    ok(a, 's1', { type: 'theme.link', target: 'point', id: 'p1', themeId: 'visie' });
    ok(a, 's1', { type: 'theme.link', target: 'point', id: 'p2', themeId: 'mon' });
    ok(a, 's1', { type: 'ingredient.add', id: 'i1', attentionPointId: 'p2', text: 'Framework maken: wat willen we weten?' });
    const carry = [
      { themeId: 'visie', carry: 'whole' },
      { themeId: 'mon', carry: 'whole' },
    ];
    ok(a, WORKSPACE_STREAM, { type: 'session.duplicate', id: 's2', sourceId: 's1', title: 'Managers', group: 'Managers', date: '2025-03-18', themes: carry });
    // Each carried theme is a zone of the whole session; what is written in it counts for the theme.
    expect(a.engine.session('s2')?.template.zones.filter((zone) => zone.whole).map((zone) => zone.themeId)).toEqual(['visie', 'mon']);
    ok(a, 's2', { type: 'note.add', id: 'n1', zoneId: themeZoneId('visie'), text: 'Mandaat van bestuurders' });
    ok(a, 's2', { type: 'note.add', id: 'n2', zoneId: themeZoneId('mon'), text: 'What’s in it for me' });
    ok(a, WORKSPACE_STREAM, { type: 'session.duplicate', id: 's3', sourceId: 's2', title: 'Stuurgroep', group: 'Stuurgroep', date: '2025-04-01', themes: carry });
    ok(a, 's3', { type: 'note.add', id: 'n3', zoneId: themeZoneId('visie'), text: 'Over schotten heen kijken' });
    // One point linked by hand in the third session.
    ok(a, 's3', { type: 'attention.add', id: 'q1', zoneId: null, title: 'Deel wat werkt, maak het praktisch' });
    ok(a, 's3', { type: 'theme.link', target: 'point', id: 'q1', themeId: 'mon' });
    ok(a, WORKSPACE_STREAM, { type: 'programme.introduction.set', programmeId: P, text: 'Drie groepen keken terug op faseplan 2.' });
    ok(a, WORKSPACE_STREAM, { type: 'theme.summary.set', id: 'mon', text: 'Iedereen wil weten wat werkt.' });

    const rendered = await programmePdf(a.engine, P, 'nl');
    const file = join(a.dir, 'samengevat.pdf');
    writeFileSync(file, rendered.pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const summary = text.slice(text.indexOf('Samengevat'), text.indexOf('Uitkomsten Programmateam'));
    expect(summary).toContain('Drie groepen keken terug op faseplan 2.');
    for (const title of [VISION, MONITORING]) expect(summary).toContain(`Thema: ${title} Genoemd door 3 groepen`);
    expect(summary).toContain('Iedereen wil weten wat werkt.');
    expect(summary).toContain('Framework maken: wat willen we weten?');
    expect(summary).toContain('Mandaat van bestuurders');
    expect(summary).toContain('Deel wat werkt, maak het praktisch');
    expect(summary).not.toContain('Alleen in één groep genoemd');

    // The same summary as a Word file the lead goes on editing: the PDF's headings, the same words.
    const word = await readWord((await programmeDocx(a.engine, P, 'nl')).docx);
    expect(word.messages).toEqual([]);
    expect(wordHeadings(word.html)).toEqual(modelHeadings(programmeReport(a.engine, P, 'nl')));
    const words = plainText(word.html);
    const wordSummary = words.slice(words.indexOf('Samengevat'), words.indexOf('Uitkomsten Programmateam'));
    for (const title of [VISION, MONITORING]) expect(wordSummary).toContain(`Thema: ${title} Genoemd door 3 groepen`);
    for (const lead of ['Drie groepen keken terug op faseplan 2.', 'Iedereen wil weten wat werkt.', 'Mandaat van bestuurders', 'Over schotten heen kijken', 'Deel wat werkt, maak het praktisch']) {
      expect(wordSummary).toContain(lead);
    }
  });
});
