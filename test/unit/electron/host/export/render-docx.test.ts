import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../../../electron/host/export/render-docx';
import type { ReportDocument } from '../../../../../shared/report/types';
import { plainText, readWord, wordHeadings, wordTables } from '../../../../support/word-read';

/**
 * The Word writer on its own, with text no report should ever have to carry but might: control
 * characters (which XML cannot hold, so Word would refuse the file), a lone half of an emoji, line
 * breaks, right-to-left text, markup and field-like braces. The file must still open, say the
 * rest literally, and keep its structure.
 */
const report: ReportDocument = {
  locale: 'en',
  title: 'Odd\u0007 title',
  subject: 'Test',
  footer: 'Footer {page}',
  pageLabel: 'Page {page} of {pages}',
  blocks: [
    { kind: 'title', eyebrow: 'Report', text: 'Odd\u0007 title', subtitle: '' },
    { kind: 'heading', level: 1, text: 'First <b>heading</b>', color: '#0072B2', newPage: false },
    { kind: 'paragraph', text: 'Line one\nLine two \u0000and a bell\u0007', tone: 'body' },
    { kind: 'heading', level: 2, text: 'Second', color: 'not a colour', newPage: true },
    { kind: 'bullets', items: ['שלום עולם', 'half an emoji \uD83D here', '{page} {pages} $' + '{HOME}'] },
    { kind: 'noteGroup', title: 'Cluster', color: '#009E73', notes: ['note a', 'note b'] },
    { kind: 'table', columns: ['A', 'B'], rows: [['1', '2']], shares: [0.3, 0.7] },
    {
      kind: 'point',
      rank: 1,
      title: 'Point',
      dots: 2,
      dotsLabel: '2 dots',
      chosen: true,
      chosenLabel: 'Chosen',
      themeLabel: null,
      ingredientsTheme: 'Theme name',
      ingredientsHeading: 'These are the ingredients',
      ingredients: ['first', 'second'],
    },
    { kind: 'statusBars', bars: [{ label: 'Theme', segments: [{ label: 'Open', count: 2, color: '#000000' }] }], alt: 'bars' },
    { kind: 'pageBreak' },
  ],
};

describe('renderDocx', () => {
  it('writes a file a .docx reader opens, with every character XML can hold and the structure intact', async () => {
    const { docx } = await renderDocx(report);
    const word = await readWord(docx);
    expect(word.messages).toEqual([]);
    expect(wordHeadings(word.html)).toEqual(['H1 Odd title', 'H1 First <b>heading</b>', 'H2 Second', 'H3 Cluster']);
    const text = plainText(word.html);
    for (const expected of ['Line one', 'Line two and a bell', 'שלום עולם', 'half an emoji here', '{page} {pages} $' + '{HOME}', 'note a', 'Theme name', 'These are the ingredients', 'Theme: Open 2']) {
      expect(text).toContain(expected);
    }
    expect(word.html).toContain('Line one<br />Line two');
    expect(wordTables(word.html).map((rows) => rows.map((row) => row.cells))).toEqual([
      [['A', 'B'], ['1', '2']],
      [['Place', 'Point of attention', 'Dots'], ['1', 'Point Chosen', '2 dots']],
    ]);
    const document = word.part('word/document.xml');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be gone.
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(document).toContain('<w:pageBreakBefore/>');
    expect(word.part('word/styles.xml')).toContain('w:lang w:val="en-GB"');
    expect(word.part('docProps/core.xml')).toContain('<dc:title>Odd title</dc:title>');
  });
});
