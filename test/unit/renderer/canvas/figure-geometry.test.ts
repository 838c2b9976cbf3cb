import { describe, expect, it } from 'vitest';
import { curveFor, figureGeometry } from '../../../../renderer/src/canvas/figure-geometry';
import { CREATION_LEMNISCATE, DYNAMIC_JUDGEMENT, LEMNISCATE_IK_WIJ_HET } from '../../../../shared/templates';

const DOWN = Math.PI / 2;

describe('the ∞ figure', () => {
  it('crosses itself in the middle of the zones and stays inside their width', () => {
    for (const template of [LEMNISCATE_IK_WIJ_HET, CREATION_LEMNISCATE, DYNAMIC_JUDGEMENT]) {
      const curve = curveFor(template.figure, template.zones);
      expect(curve.cx).toBeCloseTo(800);
      expect(curve.cy).toBeCloseTo(500);
      const { points } = figureGeometry(template.figure, template.zones);
      const xs = points.filter((_, index) => index % 2 === 0);
      const left = Math.min(...template.zones.map((zone) => zone.area.x - zone.area.rx));
      const right = Math.max(...template.zones.map((zone) => zone.area.x + zone.area.rx));
      expect(Math.min(...xs)).toBeGreaterThan(left);
      expect(Math.max(...xs)).toBeLessThan(right);
      // The curve goes through its crossing point.
      const nearest = Math.min(...xs.map((x, index) => Math.hypot(x - 800, (points[index * 2 + 1] ?? 0) - 500)));
      expect(nearest).toBeLessThan(20);
    }
  });

  it('walks the creation lemniscate ZIJ → IK → WIJ → HET: down the left end, down the right end', () => {
    const figure = figureGeometry('creation', CREATION_LEMNISCATE.zones);
    expect([...figure.steps]).toEqual([['zij', 1], ['ik', 2], ['wij', 3], ['het', 4]]);
    const [leftEnd, rightEnd] = figure.arrows;
    expect(leftEnd?.x).toBeLessThan(400);
    expect(leftEnd?.angle).toBeCloseTo(DOWN, 1);
    expect(rightEnd?.x).toBeGreaterThan(1200);
    expect(rightEnd?.angle).toBeCloseTo(DOWN, 1);
    // Out of the crossing: up into the left loop (towards ZIJ), and up into the right loop (towards WIJ).
    const [, , intoLeft, intoRight] = figure.arrows;
    expect(Math.sin(intoLeft?.angle ?? 0)).toBeLessThan(0);
    expect(Math.cos(intoLeft?.angle ?? 0)).toBeLessThan(0);
    expect(Math.sin(intoRight?.angle ?? 0)).toBeLessThan(0);
    expect(Math.cos(intoRight?.angle ?? 0)).toBeGreaterThan(0);
  });

  it('names the kenweg and keuzeweg loops under the zones next to the crossing', () => {
    const figure = figureGeometry('judgement', DYNAMIC_JUDGEMENT.zones);
    const inzicht = DYNAMIC_JUDGEMENT.zones.find((zone) => zone.id === 'inzicht')?.area;
    const doelen = DYNAMIC_JUDGEMENT.zones.find((zone) => zone.id === 'doelen')?.area;
    const [kenweg, keuzeweg] = figure.loopLabels;
    expect(kenweg).toMatchObject({ loop: 'kenweg', x: inzicht?.x });
    expect(keuzeweg).toMatchObject({ loop: 'keuzeweg', x: doelen?.x });
    expect(kenweg?.y).toBeGreaterThan((inzicht?.y ?? 0) + (inzicht?.ry ?? 0));
    // The two names never overlap.
    expect((kenweg?.x ?? 0) + (kenweg?.width ?? 0) / 2).toBeLessThan((keuzeweg?.x ?? 0) - (keuzeweg?.width ?? 0) / 2);
    expect(figure.arrows).toHaveLength(4);
  });

  it('draws the plain lemniscate without arrows, steps or loop names', () => {
    const figure = figureGeometry('lemniscate', LEMNISCATE_IK_WIJ_HET.zones);
    expect(figure.arrows).toEqual([]);
    expect(figure.loopLabels).toEqual([]);
    expect(figure.steps.size).toBe(0);
  });
});
