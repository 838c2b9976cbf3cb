import type { Page } from '@playwright/test';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { type Box, drawnLabels, intersects, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

/**
 * On the wall, nothing the session lays over the model (the phase banner, what goes well, the
 * hidden-note counts, the timer, the join code in its corner, the points being written) covers a
 * side's name or question, in the phases of a side, for every model, on both common beamer sizes.
 * The model is drawn only in the part of the wall those leave free (a neighbour's label that the
 * zoom cuts at that edge is not read). Measured on the stage Konva really drew. Nor do those things
 * lie over each other.
 */
process.env.EILAND_LAN_ADDRESS = '127.0.0.2';
const shot = (name: string) => test.info().outputPath(name);
const OVERLAYS = ['projector-phase', 'projector-observation', 'hidden-counts', 'projector-timer', 'join-corner', 'projector-points'] as const;

async function overlayBoxes(page: Page): Promise<{ name: string; box: Box }[]> {
  const boxes: { name: string; box: Box }[] = [];
  for (const name of OVERLAYS) {
    for (const element of await page.getByTestId(name).all()) {
      const box = await element.boundingBox();
      if (box && box.width > 0 && box.height > 0) boxes.push({ name, box });
    }
  }
  return boxes;
}

for (const template of BUILT_IN_TEMPLATES) {
  test(`no badge or panel covers a label of ${template.id} on the wall`, async ({ page, host }) => {
    test.setTimeout(120_000);
    const id = `wall-${template.id}`;
    const socket = await sessionWith(host, id, template.id);
    const first = template.zones[0];
    if (!first) throw new Error('a template without zones');
    await socket.command(id, { type: 'settings.update', hideNotesUntilReveal: true });
    await socket.command(id, { type: 'observation.set', zoneId: first.id, text: 'Er is een helder ritme van plannen, uitvoeren en bijstellen.' });
    await socket.command(id, { type: 'note.add', id: 'n1', zoneId: first.id, text: 'Monitoring ontbreekt nog', x: first.area.x, y: first.area.y });
    await socket.command(id, { type: 'attention.add', id: 'p1', zoneId: first.id, title: 'Per partner één aanspreekpunt' });
    await socket.command(id, { type: 'timer.control', action: 'set', durationMs: 5 * 60_000 });
    await socket.command(id, { type: 'timer.control', action: 'start' });
    await socket.openRoom(id, '127.0.0.2');
    // Every phase of the first side, and the writing of the others (where the large count stands).
    const phases = (await socket.session(id)).flow.phases.filter((phase) => phase.zoneId === first.id || (phase.zoneId !== null && phase.kind === 'notes'));
    expect(phases.length).toBeGreaterThan(0);

    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await page.goto(host.pageUrl('projector.html', { session: id }));
      await expect(page.locator('main.projector canvas').first()).toBeVisible();
      for (const phase of phases) {
        await socket.command(id, { type: 'phase.set', phaseId: phase.id });
        await expect(page.getByTestId('projector-flow')).toHaveAttribute('data-kind', phase.kind);
        // The camera glides to the side: measure where it comes to rest.
        await page.waitForTimeout(900);
        // The model is drawn only in the part of the wall that nothing lies over; it says which part.
        const [x = 0, y = 0, width = 0, height = 0] = ((await page.locator('.projector-canvas').getAttribute('data-model-area')) ?? '').split(',').map(Number);
        const modelArea = { x, y, width, height };
        expect(width * height, `${phase.id}: the model has most of the wall`).toBeGreaterThan(0.3 * size.width * size.height);
        const within = (box: Box) => box.x >= x - 0.5 && box.y >= y - 0.5 && box.x + box.width <= x + width + 0.5 && box.y + box.height <= y + height + 0.5;
        const labels = (await drawnLabels(page, 'main.projector')).filter((label) => within(label.backing));
        // The phase's own side is always wholly on the wall.
        expect(labels.map((label) => label.zoneId), `${phase.id}: its side's label is on the wall`).toContain(phase.zoneId);
        const overlays = await overlayBoxes(page);
        // The phase is named: by the banner, or in the points phase by the points panel's heading.
        expect(overlays.map((overlay) => overlay.name), `${phase.id}: the phase is named`).toContain(phase.kind === 'attention' ? 'projector-points' : 'projector-phase');
        for (const [index, one] of overlays.entries()) {
          for (const other of overlays.slice(index + 1)) expect(intersects(one.box, other.box), `${phase.id} at ${size.width}: ${one.name} over ${other.name}`).toBe(false);
        }
        for (const overlay of overlays) {
          expect(intersects(modelArea, overlay.box), `${phase.id} at ${size.width}: ${overlay.name} lies over the model`).toBe(false);
          for (const label of labels) {
            for (const part of [label.name, label.question]) {
              expect(intersects(part, overlay.box), `${phase.id} at ${size.width}: ${overlay.name} covers the label of ${label.zoneId}`).toBe(false);
            }
          }
        }
        if (phase.zoneId === first.id) await page.screenshot({ path: shot(`wall-${template.id}-${phase.id}-${size.width}.png`) });
      }
    }
    socket.close();
  });
}
