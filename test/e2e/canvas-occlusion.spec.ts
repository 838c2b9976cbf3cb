import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '../..');

/** The occlusion page (pages/occlusion-page.ts) bundled for the browser, with the app's painter inlined. */
async function pageScript(): Promise<string> {
  const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({ entryPoints: [join(HERE, 'pages/occlusion-page.ts')], bundle: true, format: 'iife', write: false, logLevel: 'warning' });
  return result.outputFiles[0]?.text ?? '';
}

interface Comparison {
  differing: number;
  painted: number;
  total: number;
}

const walls = [
  { name: 'a crowded wall, calm theme (shadows)', count: 10_000, scale: 0.31, pixelRatio: 1, contrast: false, seed: 1 },
  { name: 'a crowded wall, contrast theme (edges), sharp screen', count: 6000, scale: 0.47, pixelRatio: 2, contrast: true, seed: 2 },
  { name: 'a wall seen up close', count: 3000, scale: 1.13, pixelRatio: 1, contrast: false, seed: 3 },
];

test.describe('notes hidden under other notes are not painted, and the picture stays the same', () => {
  for (const wall of walls) {
    test(wall.name, async ({ page }) => {
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: await pageScript() });
      const result = await page.evaluate((input) => (window as unknown as { compareWall(wall: unknown): Comparison }).compareWall(input), wall);
      expect(result.differing).toBe(0);
      // Something was skipped, or this test would pass with the occlusion switched off.
      expect(result.painted).toBeLessThan(result.total / 2);
      expect(result.painted).toBeGreaterThan(0);
    });
  }
});
