import { describe, expect, it } from 'vitest';
import { boxesOverlap, boxInsideEllipse, chord, freeSpan, inReadingOrder, packInEllipse } from '../../../../shared/geometry/ellipse-pack';

const area = { x: 500, y: 300, rx: 200, ry: 100 };

describe('packing boxes into an ellipse', () => {
  it('gives a band the narrowest chord along its height, and none outside the ellipse', () => {
    expect(chord(area, 290, 310)).toEqual({ left: 500 - 200 * Math.sqrt(1 - 0.01), right: 500 + 200 * Math.sqrt(1 - 0.01) });
    expect(chord(area, 150, 250)).toBeNull();
  });

  it('leaves out what another ellipse covers, keeping the widest stretch', () => {
    const right = { x: 700, y: 300, rx: 100, ry: 100 };
    const span = freeSpan(area, [right], 290, 310);
    expect(span?.left).toBeCloseTo(500 - 200 * Math.sqrt(0.99));
    expect(span?.right).toBeCloseTo(600);
  });

  it('places every box inside, none on another, and reads them back row by row', () => {
    const items = Array.from({ length: 30 }, (_, index) => ({ shapes: [{ width: 30 + (index % 3) * 10, height: 20 }] }));
    const placed = packInEllipse(items, area, 4);
    expect(placed).not.toBeNull();
    for (const [i, one] of (placed ?? []).entries()) {
      expect(boxInsideEllipse(area, one.box)).toBe(true);
      for (const other of (placed ?? []).slice(i + 1)) expect(boxesOverlap(one.box, other.box)).toBe(false);
    }
    const order = inReadingOrder(placed ?? []);
    const tops = order.map((index) => placed?.[index]?.rowTop ?? 0);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it('says so when the boxes do not fit', () => {
    const items = Array.from({ length: 80 }, () => ({ shapes: [{ width: 40, height: 20 }] }));
    expect(packInEllipse(items, area, 4)).toBeNull();
  });

  it('takes a narrower shape of an item where the wide one does not fit', () => {
    const placed = packInEllipse([{ shapes: [{ width: 500, height: 20 }, { width: 100, height: 60 }] }], area, 4);
    expect(placed?.[0]?.shape).toBe(1);
  });
});
