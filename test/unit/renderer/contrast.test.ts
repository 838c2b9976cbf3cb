/**
 * Text must be readable on every colour Eiland puts behind it, on a laptop and on a washed-out
 * beamer: WCAG AA, 4.5:1 for text and 3:1 for large bold text. axe-core checks the CSS of the
 * pages it renders (test/e2e/a11y.spec.ts); this checks what it cannot see: the canvas, which
 * draws notes and zone labels in the zone colours of every built-in template, in both canvas
 * themes, and the CSS theme's own pairs, hover and error states included.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paperTint } from '../../../renderer/src/canvas/geometry';
import { CALM_THEME, CONTRAST_THEME, darken, withOpacity } from '../../../renderer/src/canvas/theme';
import { BUILT_IN_TEMPLATES, ZONE_COLORS } from '../../../shared/templates';
import { AA_LARGE, AA_TEXT, contrast, over } from './wcag';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const zoneColors = [...new Set([...Object.values(ZONE_COLORS), ...BUILT_IN_TEMPLATES.flatMap((template) => template.zones.map((zone) => zone.color))])];
const themes = [CALM_THEME, CONTRAST_THEME];

describe('the WCAG arithmetic', () => {
  it('gives the known ratios', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrast('#FFF', '#FFF')).toBe(1);
    expect(over('rgba(0, 0, 0, 0.5)', '#FFFFFF')).toBe('#808080');
  });
});

describe.each(themes)('canvas theme $name', (theme) => {
  it.each(zoneColors)('note text is readable on a note of zone colour %s', (color) => {
    expect(contrast(theme.ink, paperTint(color, theme.noteTint))).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(zoneColors)('zone name and question are readable where they overlap zone colour %s', (color) => {
    const zone = over(withOpacity(color, theme.zoneFillOpacity), theme.paper);
    // The label sits on a paper backing at 92 % over the zone (ModelShapes), and is readable even without it.
    const backing = over(theme.paper, zone, 0.92);
    for (const background of [zone, backing, theme.paper]) {
      expect(contrast(theme.ink, background)).toBeGreaterThanOrEqual(AA_TEXT);
      expect(contrast(theme.softInk, background)).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it('shows a hidden note as a plain paper that stands out from the canvas', () => {
    expect(contrast(theme.ink, theme.hiddenNote)).toBeGreaterThanOrEqual(AA_TEXT);
  });
});

describe('traversal step numbers (white, large bold, on the zone colour darkened by 25 %: ModelShapes)', () => {
  // Only a walked model (the creation lemniscate) numbers its sides. A side recoloured to yellow
  // (#F0E442) would give 2.4:1 with white; the built-in colours of walked models all pass.
  const walked = BUILT_IN_TEMPLATES.filter((template) => template.figure === 'creation').flatMap((template) => template.zones.map((zone) => zone.color));

  it('are checked for at least one template', () => {
    expect(walked.length).toBeGreaterThan(0);
  });

  it.each(walked)('are readable on zone colour %s', (color) => {
    expect(contrast('#FFFFFF', darken(color, 0.25))).toBeGreaterThanOrEqual(AA_LARGE);
  });
});

describe('the CSS theme', () => {
  const css = readFileSync(join(root, 'renderer/src/styles/base.css'), 'utf8');
  const rootBlock = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  const vars = Object.fromEntries([...rootBlock.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,8})/g)].map((match) => [match[1], match[2] as string]));
  const color = (name: string) => (name.startsWith('#') ? name : (vars[name] ?? `missing --${name}`));

  it('defines the colours the pairs below use', () => {
    for (const name of ['paper', 'surface', 'ink', 'ink-soft', 'primary', 'primary-hover', 'primary-soft', 'danger', 'line']) expect(vars[name], name).toMatch(/^#/);
  });

  // [text, background, where]: every text/background pair the stylesheets use.
  const pairs: [string, string, string][] = [
    ['ink', 'paper', 'body text'],
    ['ink', 'surface', 'cards, chips, dialogs'],
    ['ink', '#ffffff', 'inputs'],
    ['ink-soft', 'paper', 'hints, connection state'],
    ['ink-soft', 'surface', 'hints in dialogs, session meta'],
    ['#ffffff', 'primary', 'primary buttons, chosen language'],
    ['#ffffff', 'primary-hover', 'primary buttons under the pointer'],
    ['primary', 'paper', 'quiet buttons'],
    ['primary', 'surface', 'quiet buttons on cards'],
    ['primary', 'primary-soft', 'quiet buttons under the pointer'],
    ['danger', 'paper', 'offline state, delete buttons'],
    ['danger', 'surface', 'delete buttons on cards'],
    ['#ffffff', 'danger', 'final delete button'],
    ['ink', '#fbe9d6', 'pending changes'],
    ['ink', 'line', 'badges'],
  ];

  it.each(pairs)('%s on %s (%s) meets AA', (text, background) => {
    expect(contrast(color(text), color(background))).toBeGreaterThanOrEqual(AA_TEXT);
  });
});
