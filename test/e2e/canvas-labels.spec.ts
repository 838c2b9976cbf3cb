import type { Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { type Box, drawnLabels, intersects, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

/**
 * The sides' names and questions stay readable on the facilitator's board: a name never runs into
 * its question (also a long one that wraps), and neither the sides bar at the bottom nor the view
 * buttons at the right cover any label. Measured on the stage Konva really drew, for every model.
 */
const shot = (name: string) => test.info().outputPath(name);

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return box;
}

async function expectLabelsClear(page: Page, zoneCount: number): Promise<void> {
  const labels = await drawnLabels(page);
  expect(labels).toHaveLength(zoneCount);
  const bar = await boxOf(page, '.view-sides');
  const buttons = await boxOf(page, '.view-zoom');
  const board = await boxOf(page, '[data-testid="board"]');
  for (const label of labels) {
    // The name's lines end before its question begins.
    expect(label.name.y + label.name.height, `${label.zoneId}: name runs into its question`).toBeLessThanOrEqual(label.question.y + 0.5);
    expect(intersects(label.backing, bar), `${label.zoneId}: under the sides bar`).toBe(false);
    expect(intersects(label.backing, buttons), `${label.zoneId}: under the view buttons`).toBe(false);
    // Inside the board: the fitted view shows every label whole.
    expect(label.backing.y, `${label.zoneId}: cut off at the top`).toBeGreaterThanOrEqual(board.y - 0.5);
    expect(label.backing.y + label.backing.height, `${label.zoneId}: cut off at the bottom`).toBeLessThanOrEqual(board.y + board.height + 0.5);
  }
}

for (const template of BUILT_IN_TEMPLATES) {
  test(`the labels of ${template.id} are clear of each other, the sides bar and the view buttons at 1440×900`, async ({ page, host }) => {
    const socket = await sessionWith(host, template.id, template.id);
    await page.setViewportSize({ width: 1440, height: 900 });
    await openBoard(page, host, template.id, 0);
    await page.screenshot({ path: shot(`labels-${template.id}-1440.png`) });
    await expectLabelsClear(page, template.zones.length);

    // A longer name on the narrowest side, as facilitators type them ("IK-kant (ikzelf)"): it may
    // wrap, but never over its question.
    const renamed = [...template.zones].sort((a, b) => a.area.rx - b.area.rx)[0];
    if (!renamed) throw new Error('a template without zones');
    const longName = renamed.id === 'ik' ? 'IK-kant (ikzelf)' : `${renamed.name} (met elkaar)`;
    await socket.command(template.id, { type: 'zone.update', id: renamed.id, name: longName });
    await expect(page.locator('.view-sides')).toContainText(longName);
    await page.waitForTimeout(200);
    await page.screenshot({ path: shot(`labels-${template.id}-long-name-1440.png`) });
    await expectLabelsClear(page, template.zones.length);

    // The wall draws the same labels: the long name wraps there too, on both common beamer sizes.
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await page.goto(host.pageUrl('projector.html', { session: template.id }));
      await expect(page.locator('main.projector')).toHaveAttribute('data-notes-drawn', '0');
      await page.waitForTimeout(900);
      await page.screenshot({ path: shot(`labels-${template.id}-projector-${size.width}.png`) });
      const drawn = await drawnLabels(page, 'main.projector');
      expect(drawn).toHaveLength(template.zones.length);
      for (const label of drawn) expect(label.name.y + label.name.height, `${label.zoneId} on the wall`).toBeLessThanOrEqual(label.question.y + 0.5);
    }
    socket.close();
  });
}
