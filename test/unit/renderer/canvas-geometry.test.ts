import { describe, expect, it } from 'vitest';
import { WORLD } from '../../../shared/domain';
import { BUILT_IN_TEMPLATES, LEMNISCATE_IK_WIJ_HET, zoneAt } from '../../../shared/templates';
import {
  fitViewBox,
  labelPlacement,
  lemniscatePoints,
  modelViewBox,
  paperTint,
  WORLD_VIEW,
  worldToScreen,
  zoneViewBox,
} from '../../../renderer/src/canvas/geometry';

describe('the camera', () => {
  it('fits the world into a wide screen, centred, keeping proportions', () => {
    const transform = fitViewBox(WORLD_VIEW, { width: 2000, height: 1000 });
    expect(transform).toEqual({ scale: 1, x: 200, y: 0 });
    expect(worldToScreen(transform, { x: 800, y: 500 })).toEqual({ x: 1000, y: 500 });
  });

  it('puts the centre of a view box in the centre of the screen', () => {
    const view = zoneViewBox(LEMNISCATE_IK_WIJ_HET.zones[2]?.area ?? { x: 0, y: 0, rx: 1, ry: 1 });
    const transform = fitViewBox(view, { width: 1280, height: 720 });
    const centre = worldToScreen(transform, { x: view.x + view.width / 2, y: view.y + view.height / 2 });
    expect(centre.x).toBeCloseTo(640);
    expect(centre.y).toBeCloseTo(360);
  });
});

describe('zone framing', () => {
  it('frames each zone with its ellipse and its label', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      for (const zone of template.zones) {
        const view = zoneViewBox(zone.area);
        const label = labelPlacement(zone.area);
        expect(view.x).toBeLessThanOrEqual(Math.min(zone.area.x - zone.area.rx, label.x));
        expect(view.x + view.width).toBeGreaterThanOrEqual(Math.max(zone.area.x + zone.area.rx, label.x + label.width));
        expect(view.y).toBeLessThanOrEqual(Math.min(zone.area.y - zone.area.ry, label.anchorY));
        expect(view.y + view.height).toBeGreaterThanOrEqual(Math.max(zone.area.y + zone.area.ry, label.anchorY));
      }
    }
  });

  it('puts labels above zones in the upper half and below the others', () => {
    expect(labelPlacement({ x: 420, y: 360, rx: 260, ry: 140 }).side).toBe('above');
    expect(labelPlacement({ x: 420, y: 640, rx: 260, ry: 140 }).side).toBe('below');
  });

  it('widens the model view for a note outside every zone', () => {
    const zones = LEMNISCATE_IK_WIJ_HET.zones;
    const bare = modelViewBox(zones, []);
    const wide = modelViewBox(zones, [{ x: 1580, y: 980 }]);
    expect(bare.width).toBeLessThan(WORLD.width);
    expect(wide.x + wide.width).toBeGreaterThan(1580);
    expect(wide.y + wide.height).toBeGreaterThan(980);
  });
});

describe('the figure', () => {
  it('draws the ∞ through the IK zone in the middle and stays inside the world', () => {
    const points = lemniscatePoints(120);
    expect(points).toHaveLength(240);
    let crossesMiddle = false;
    for (let i = 0; i < points.length; i += 2) {
      const x = points[i] as number;
      const y = points[i + 1] as number;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(WORLD.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(WORLD.height);
      if (Math.abs(x - 800) < 1 && Math.abs(y - 500) < 1) crossesMiddle = true;
    }
    expect(crossesMiddle).toBe(true);
    expect(zoneAt(LEMNISCATE_IK_WIJ_HET, 800, 500)?.id).toBe('ik');
  });
});

describe('paper tint', () => {
  it('mixes a zone colour towards white', () => {
    expect(paperTint('#000000', 0.25)).toBe('#bfbfbf');
    expect(paperTint('#E69F00', 1)).toBe('#e69f00');
    expect(paperTint('#E69F00', 0)).toBe('#ffffff');
  });
});
