import { describe, expect, it } from 'vitest';
import { type Row, paginate } from '../../../../../electron/host/export/paginate';
import { CONTENT_BOTTOM, LANDSCAPE, PAGE, PdfSurface } from '../../../../../electron/host/export/pdf-surface';

const row = (height: number, extra: Partial<Row> = {}): Row => ({ height, gap: 0, keep: false, draw() {}, ...extra });
const surface = () => new PdfSurface({ title: 't', subject: 's', lang: 'nl-NL' });
const room = CONTENT_BOTTOM - PAGE.top;

describe('pagination', () => {
  it('never lets a row cross the bottom margin', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(10 + (i % 7) * 3, { gap: 4 }));
    for (const placement of paginate(surface(), rows)) expect(placement.y + placement.row.height).toBeLessThanOrEqual(CONTENT_BOTTOM);
  });

  it('moves a chain of kept rows to the next page whole', () => {
    const rows = [row(room - 30), row(20), row(20, { keep: true }), row(20, { keep: true })];
    const placed = paginate(surface(), rows);
    expect(placed.map((p) => p.page)).toEqual([0, 1, 1, 1]);
    expect(placed[1]?.y).toBe(PAGE.top);
  });

  it('drops the gap above a row at the top of a page', () => {
    const placed = paginate(surface(), [row(room), row(10, { gap: 30 })]);
    expect(placed[1]).toMatchObject({ page: 1, y: PAGE.top });
  });

  it('starts a new page on request, unless the page is still empty', () => {
    const placed = paginate(surface(), [row(10, { newPage: true }), row(10), row(10, { newPage: true })]);
    expect(placed.map((p) => p.page)).toEqual([0, 0, 1]);
  });

  it('breaks a chain taller than a page between rows, never inside one', () => {
    const rows = Array.from({ length: 100 }, (_, i) => row(20, { keep: i > 0 }));
    const placed = paginate(surface(), rows);
    expect(new Set(placed.map((p) => p.page)).size).toBeGreaterThan(2);
    for (const placement of placed) expect(placement.y + 20).toBeLessThanOrEqual(CONTENT_BOTTOM);
  });

  it('puts landscape rows on a page of their own that lies on its side, and returns to portrait after them', () => {
    const sizes: string[] = [];
    const placed = paginate(surface(), [
      row(10),
      row(20, { landscape: true, draw: (target) => sizes.push(`${target.pageSize.width}×${target.pageSize.height}`) }),
      row(LANDSCAPE.contentBottom - PAGE.top - 10, { landscape: true }),
      row(10),
    ]);
    expect(placed.map((p) => `${p.page}:${p.orientation}`)).toEqual(['0:portrait', '1:landscape', '2:landscape', '3:portrait']);
    expect(sizes).toEqual([`${PAGE.height}×${PAGE.width}`]);
    for (const placement of placed.filter((p) => p.orientation === 'landscape')) expect(placement.y + placement.row.height).toBeLessThanOrEqual(LANDSCAPE.contentBottom);
  });
});
