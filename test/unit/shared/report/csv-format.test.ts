import { describe, expect, it } from 'vitest';
import { csvField, notesCsv, toCsv, UTF8_BOM, votesCsv } from '../../../../shared/report/csv';
import { dotsLabel, formatDate, translator } from '../../../../shared/report/format';
import { StateBuilder } from './build-state';

describe('CSV', () => {
  it('quotes per RFC 4180 and keeps formulas from running in a spreadsheet', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe(`${UTF8_BOM}a,b\r\n1,x\r\n`);
  });

  it('exports the notes with side, cluster and text as typed', () => {
    const state = new StateBuilder()
      .note('n1', 'ik', 'Urgentie, "echt" gevoeld ✓ 😀')
      .note('n2', 'het', 'Ritme')
      .run({ type: 'cluster.create', id: 'k1', title: 'Thema', noteIds: ['n2'] }).state;
    const lines = notesCsv(state, 'nl').slice(1).split('\r\n');
    expect(lines[0]).toBe('id,kant,thema,tekst,auteur,x,y,gemaakt op');
    // A note added without a place lies on IK's first free spot: the middle row (IK is one note wide), its left end.
    expect(lines[1]).toMatch(/^n1,IK-kant,,"Urgentie, ""echt"" gevoeld ✓ 😀",,784,500,\d{4}-/);
    expect(lines[2]).toMatch(/^n2,HET-kant,Thema,Ritme,/);
    expect(lines[3]).toBe('');
  });

  it('exports one row per dot, with the point and its side', () => {
    const state = new StateBuilder()
      .point('a1', 'wij', 'Visie eigen maken')
      .point('a2', null, 'Mandaat')
      .join('p1')
      .vote([
        ['p1', 'a1'],
        ['p1', 'a2'],
      ]).state;
    const lines = votesCsv(state, 'en').slice(1).split('\r\n');
    expect(lines[0]).toBe('id,point_id,point of attention,side,participant_id,participant');
    expect(lines.slice(1, 3)).toEqual(['v0-p1,a1,Visie eigen maken,WIJ-kant,p1,', 'v1-p1,a2,Mandaat,whole session,p1,']);
  });
});

describe('report formatting', () => {
  it('writes calendar dates in words, never shifted by a time zone', () => {
    expect(formatDate('nl', '2024-06-02')).toBe('2 juni 2024');
    expect(formatDate('en', '2024-06-11')).toBe('11 June 2024');
    expect(formatDate('nl', 'ooit')).toBe('ooit');
  });

  it('counts dots in words', () => {
    expect(dotsLabel(translator('nl'), 0)).toBe('0 stippen');
    expect(dotsLabel(translator('nl'), 1)).toBe('1 stip');
    expect(dotsLabel(translator('en'), 2)).toBe('2 dots');
  });
});
