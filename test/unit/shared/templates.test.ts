import { describe, expect, it } from 'vitest';
import { color as colorSchema, entityId } from '../../../shared/commands/schemas';
import { WORLD } from '../../../shared/domain';
import {
  BUILT_IN_TEMPLATES,
  CREATION_LEMNISCATE,
  DYNAMIC_JUDGEMENT,
  findTemplate,
  LEMNISCATE_IK_WIJ_HET,
  nearestZoneSpot,
  ZONE_COLORS,
  zoneAt,
} from '../../../shared/templates';

describe('built-in templates', () => {
  it('ships the three templates of the product brief', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(['lemniscaat-ik-wij-het', 'creatielemniscaat', 'dynamische-oordeelsvorming']);
    expect(BUILT_IN_TEMPLATES.map((t) => t.figure)).toEqual(['lemniscate', 'creation', 'judgement']);
  });

  it('the lemniscate has the IK, WIJ and HET sides', () => {
    expect(LEMNISCATE_IK_WIJ_HET.zones.map((z) => z.id).sort()).toEqual(['het', 'ik', 'wij']);
    expect(LEMNISCATE_IK_WIJ_HET.zones.map((z) => z.name).sort()).toEqual(['HET-kant', 'IK-kant', 'WIJ-kant']);
  });

  it('the creation lemniscate has four sides in the order ZIJ → IK → WIJ → HET', () => {
    expect(CREATION_LEMNISCATE.zones.map((z) => z.id)).toEqual(['zij', 'ik', 'wij', 'het']);
  });

  it('dynamic judgement has a kenweg and a keuzeweg loop', () => {
    expect(DYNAMIC_JUDGEMENT.zones.map((z) => z.id)).toEqual(['feiten', 'begrippen', 'inzicht', 'doelen', 'middelen', 'besluit']);
    // The kenweg looks back (left), the keuzeweg looks forward (right).
    const x = (id: string) => DYNAMIC_JUDGEMENT.zones.find((z) => z.id === id)?.area.x ?? Number.NaN;
    for (const id of ['feiten', 'begrippen', 'inzicht']) expect(x(id)).toBeLessThan(WORLD.width / 2);
    for (const id of ['doelen', 'middelen', 'besluit']) expect(x(id)).toBeGreaterThan(WORLD.width / 2);
  });

  describe.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('has unique zone ids that commands accept', () => {
      const ids = template.zones.map((z) => z.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of [template.id, ...ids]) expect(entityId.safeParse(id).success).toBe(true);
    });

    it('has distinct #RRGGBB colours from the colour-blind-safe palette', () => {
      const colours = template.zones.map((z) => z.color);
      expect(new Set(colours).size).toBe(colours.length);
      const palette: string[] = Object.values(ZONE_COLORS);
      for (const c of colours) {
        expect(colorSchema.safeParse(c).success).toBe(true);
        expect(palette).toContain(c);
      }
    });

    it('has a name and a question for every zone', () => {
      for (const zone of template.zones) {
        expect(zone.name.trim().length).toBeGreaterThan(0);
        expect(zone.question.trim().length).toBeGreaterThan(0);
      }
    });

    it('keeps every zone inside the world', () => {
      for (const { area } of template.zones) {
        expect(area.rx).toBeGreaterThan(0);
        expect(area.ry).toBeGreaterThan(0);
        expect(area.x - area.rx).toBeGreaterThanOrEqual(0);
        expect(area.x + area.rx).toBeLessThanOrEqual(WORLD.width);
        expect(area.y - area.ry).toBeGreaterThanOrEqual(0);
        expect(area.y + area.ry).toBeLessThanOrEqual(WORLD.height);
      }
    });

    it('finds each zone at its own centre', () => {
      for (const zone of template.zones) expect(zoneAt(template, zone.area.x, zone.area.y)?.id).toBe(zone.id);
    });

    it('is plain data that survives JSON', () => {
      expect(JSON.parse(JSON.stringify(template))).toEqual(template);
      expect(template.background).toBeNull();
    });
  });

  it('uses Okabe–Ito colours that are all different', () => {
    const values = Object.values(ZONE_COLORS);
    expect(new Set(values).size).toBe(values.length);
    expect(ZONE_COLORS.orange).toBe('#E69F00');
  });
});

describe('findTemplate', () => {
  it('finds each built-in template by id', () => {
    for (const template of BUILT_IN_TEMPLATES) expect(findTemplate(template.id)).toBe(template);
  });

  it('returns undefined for an unknown id', () => {
    expect(findTemplate('vierkant')).toBeUndefined();
    expect(findTemplate('')).toBeUndefined();
  });
});

describe('zoneAt', () => {
  const t = LEMNISCATE_IK_WIJ_HET;

  it('finds the zone whose ellipse holds the point', () => {
    expect(zoneAt(t, 420, 500)?.id).toBe('wij');
    expect(zoneAt(t, 1180, 500)?.id).toBe('het');
    expect(zoneAt(t, 800, 500)?.id).toBe('ik');
  });

  it('counts the ellipse edge as inside', () => {
    // WIJ: centre (420, 500), rx 300, ry 270.
    expect(zoneAt(t, 420, 230)?.id).toBe('wij');
    expect(zoneAt(t, 420, 229.9)).toBeNull();
  });

  it('uses the ellipse, not its bounding box', () => {
    // Inside WIJ's bounding box corner, but outside the ellipse.
    expect(zoneAt(t, 130, 240)).toBeNull();
  });

  it('picks the smallest zone where ellipses overlap', () => {
    // (700, 500) lies in WIJ and in IK; IK is smaller.
    expect(zoneAt(t, 700, 500)?.id).toBe('ik');
    expect(zoneAt(t, 900, 500)?.id).toBe('ik');
  });

  it('returns null outside all zones', () => {
    expect(zoneAt(t, 0, 0)).toBeNull();
    expect(zoneAt(t, WORLD.width, WORLD.height)).toBeNull();
    expect(zoneAt(t, 800, 50)).toBeNull();
  });

  it('returns null for a template without zones', () => {
    expect(zoneAt({ ...t, zones: [] }, 420, 500)).toBeNull();
  });

  it('does not reorder the template’s zones', () => {
    const before = t.zones.map((z) => z.id);
    zoneAt(t, 700, 500);
    expect(t.zones.map((z) => z.id)).toEqual(before);
  });
});

describe('nearestZoneSpot', () => {
  const t = LEMNISCATE_IK_WIJ_HET;

  it('keeps a point that lies in a zone where it is', () => {
    expect(nearestZoneSpot(t, 420, 500)).toMatchObject({ zone: { id: 'wij' }, x: 420, y: 500 });
  });

  it('draws a point outside every zone into the nearest one, inside its ellipse', () => {
    for (const [x, y, id] of [
      [40, 500, 'wij'],
      [1560, 500, 'het'],
      [420, 80, 'wij'],
      [1180, 900, 'het'],
    ] as const) {
      const spot = nearestZoneSpot(t, x, y);
      expect(spot?.zone.id, `${x},${y}`).toBe(id);
      expect(zoneAt(t, spot?.x ?? -1, spot?.y ?? -1)?.id, `${x},${y}`).toBe(id);
    }
  });

  it('is null only for a model without zones', () => {
    expect(nearestZoneSpot({ ...t, zones: [] }, 10, 10)).toBeNull();
  });
});
