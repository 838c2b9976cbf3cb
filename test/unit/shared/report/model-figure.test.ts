import { describe, expect, it } from 'vitest';
import { rasterSize } from '../../../../shared/picture';
import { countOf, figureSides, modelFigure } from '../../../../shared/report/model-figure';
import { reportedNotes } from '../../../../shared/report/session-report';
import { translator } from '../../../../shared/report/format';
import { png } from '../../../support/png';
import { StateBuilder } from './build-state';

describe('the model figure’s data', () => {
  const built = new StateBuilder()
    .note('n1', 'het', 'Lerend evalueren', { x: 1200, y: 600 })
    .note('n2', 'het', 'Wat werkt waar?', { x: 1100, y: 400 })
    .note('n3', 'het', 'Ritme', { x: 1250, y: 380 })
    .note('n4', 'wij', 'Samen leren', { x: 400, y: 500 })
    .run({ type: 'cluster.create', id: 'k1', title: 'Zicht op wat werkt', noteIds: ['n1', 'n2'] })
    .run({ type: 'cluster.create', id: 'k2', title: 'Samen', noteIds: ['n4'] }).state;

  it('gives each side its clusters and their notes in reading order, then its notes on their own', () => {
    const figure = modelFigure(built, reportedNotes(built), translator('nl'));
    const sides = figureSides(figure);
    expect(sides.map((side) => side.zoneId)).toEqual(['wij', 'ik', 'het']);
    const het = sides[2];
    expect(het?.clusters.map((cluster) => [cluster.title, cluster.notes.map((note) => note.id)])).toEqual([['Zicht op wat werkt', ['n2', 'n1']]]);
    expect(het?.loose.map((note) => note.id)).toEqual(['n3']);
    expect(sides[0]?.clusters.map((cluster) => cluster.notes.map((note) => note.id))).toEqual([['n4']]);
  });

  it('shows a note clustered on another side (an archive from elsewhere) on its own side, on its own', () => {
    const figure = modelFigure(built, reportedNotes(built), translator('nl'));
    const moved = { ...figure, notes: figure.notes.map((note) => (note.id === 'n4' ? { ...note, zoneId: 'ik' } : note)) };
    const sides = figureSides(moved);
    expect(sides[1]?.loose.map((note) => note.id)).toEqual(['n4']);
    expect(sides[0]?.clusters[0]?.notes).toEqual([]);
  });

  it('says its counts in the report’s language', () => {
    const words = modelFigure(built, reportedNotes(built), translator('en')).words;
    expect([countOf(words.notes, 1), countOf(words.notes, 4), countOf(words.loose, 3)]).toEqual(['1 note', '4 notes', '3 notes without a theme']);
    expect(modelFigure(built, reportedNotes(built), translator('nl')).words.kenweg).toBe('Kenweg: terugkijken');
  });
});

describe('the size a picture declares', () => {
  it('reads a PNG’s from its header and a JPEG’s from its frame', () => {
    expect(rasterSize(png(320, 200, () => [0, 0, 0]), 'image/png')).toEqual({ width: 320, height: 200 });
    // SOI, an APP0 segment of 16 bytes, then SOF0: precision 8, height 100, width 200.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0, 100, 0, 200, 3, ...Array(9).fill(0)]);
    expect(rasterSize(jpeg, 'image/jpeg')).toEqual({ width: 200, height: 100 });
    expect(rasterSize(Uint8Array.from([0xff, 0xd8, 0x00]), 'image/jpeg')).toBeNull();
  });
});
