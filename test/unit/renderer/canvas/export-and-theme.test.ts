import { describe, expect, it } from 'vitest';
import { exportBox, exportFileName, pngBytes } from '../../../../renderer/src/canvas/export-png';
import { CALM_THEME, CONTRAST_THEME, darken, luminance, withOpacity, zoneStroke } from '../../../../renderer/src/canvas/theme';
import { ZONE_COLORS } from '../../../../shared/templates';

describe('the picture of the canvas', () => {
  it('covers the whole world, grown to whatever lies beyond it', () => {
    expect(exportBox({ x: 100, y: 50, width: 400, height: 300 })).toEqual({ x: 0, y: 0, width: 1600, height: 1000 });
    expect(exportBox({ x: -20.5, y: 100, width: 1700, height: 950.2 })).toEqual({ x: -21, y: 0, width: 1700, height: 1051 });
  });

  it('hands the PDF export the PNG bytes of a data URL', () => {
    const bytes = pngBytes(`data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64')}`);
    expect([...bytes]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('is saved under a name people recognise, in plain letters', () => {
    expect(exportFileName('Eiland van reflectie: Stuurgroep (juni)', '2025-06-11')).toBe('eiland-van-reflectie-stuurgroep-juni-2025-06-11.png');
    expect(exportFileName('Créatie & één idee', '2025-01-02')).toBe('creatie-een-idee-2025-01-02.png');
    expect(exportFileName('???', '2025-01-02')).toBe('eiland-2025-01-02.png');
  });
});

describe('colours on the canvas', () => {
  it('keeps every zone outline visible on paper, light yellow included', () => {
    for (const color of Object.values(ZONE_COLORS)) expect(luminance(zoneStroke(color, CALM_THEME))).toBeLessThan(0.5);
    expect(luminance(zoneStroke(ZONE_COLORS.yellow, CALM_THEME))).toBeLessThan(luminance(ZONE_COLORS.yellow));
  });

  it('darkens and fades colours as CSS understands them', () => {
    expect(darken('#808080', 0.5)).toBe('#404040');
    expect(withOpacity('#FF8000', 0.25)).toBe('rgba(255, 128, 0, 0.25)');
    expect(luminance('#FFFFFF')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
  });

  it('has a high-contrast look that is darker and bolder than the calm one', () => {
    expect(luminance(CONTRAST_THEME.ink)).toBeLessThanOrEqual(luminance(CALM_THEME.ink));
    expect(CONTRAST_THEME.zoneStrokeWidth).toBeGreaterThan(CALM_THEME.zoneStrokeWidth);
    expect(CONTRAST_THEME.figureOpacity).toBeGreaterThan(CALM_THEME.figureOpacity);
  });
});
