import { expect, test } from './fixtures';
import { sessionWith } from './canvas-support';

// In the points phase the wall shows the side's attention points as they are written, beside the
// side's notes, readable at both projector sizes, without a count or an order by votes.

const SESSION = 'punten';
const POINTS = [
  'Samen handen en voeten geven aan een visie',
  'Monitoring, effectiviteit en ervaringen',
  'Successen vieren',
  'Mandaat van bestuurders',
  'Over schotten heen kijken',
  'Korte lijnen met de gemeente',
  'What’s in it for me?',
  'Een gedeelde taal',
  'Inwoners betrekken bij elke stap',
  'Leren van wat niet lukte',
  'Ruimte voor experiment',
  'Eén aanspreekpunt per partner',
];

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`the points of the side appear on the wall as they are written (${viewport.width}×${viewport.height})`, async ({ browser, host }) => {
    const notes = Array.from({ length: 8 }, (_, index) => ({ id: `n${index}`, zoneId: 'wij', text: `Notitie ${index + 1} over samenwerken`, x: 240 + (index % 4) * 130, y: 400 + Math.floor(index / 4) * 130 }));
    const socket = await sessionWith(host, SESSION, 'lemniscaat-ik-wij-het', notes);
    await socket.command(SESSION, { type: 'phase.set', phaseId: 'attention-wij' });

    const context = await browser.newContext({ viewport, locale: 'nl-NL' });
    const projector = await context.newPage();
    await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
    const panel = projector.getByTestId('projector-points');
    await expect(panel).toContainText('Er zijn nog geen aandachtspunten.');

    // Written one by one on the laptop: each reaches the wall, in the order written.
    await socket.command(SESSION, { type: 'attention.add', id: 'p1', zoneId: 'wij', title: POINTS[0] });
    await expect(panel.getByRole('listitem')).toHaveText([POINTS[0] as string]);
    await socket.command(SESSION, { type: 'attention.add', id: 'p-het', zoneId: 'het', title: 'Alleen voor de HET-kant' });
    for (let index = 1; index < POINTS.length; index += 1) {
      await socket.command(SESSION, { type: 'attention.add', id: `p${index + 1}`, zoneId: 'wij', title: POINTS[index] });
    }
    await expect(panel.getByRole('listitem')).toHaveText(POINTS);
    await expect(panel).not.toContainText('HET-kant');
    await expect(panel).not.toContainText(/\d+ stem/);
    await projector.screenshot({ path: test.info().outputPath(`projector-points-${viewport.width}.png`) });

    // All twelve fit the wall: none is cut at the bottom or the side.
    const wall = { width: viewport.width, height: viewport.height };
    for (const item of await panel.getByRole('listitem').all()) {
      const box = await item.boundingBox();
      expect(box).not.toBeNull();
      if (box) {
        expect(box.y + box.height).toBeLessThanOrEqual(wall.height);
        expect(box.x + box.width).toBeLessThanOrEqual(wall.width);
      }
    }
    // Readable from the back: at 1080p the points are at least 28 px.
    if (viewport.height === 1080) {
      const fontSize = await panel.getByRole('listitem').first().evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(28);
    }

    // The next phase takes the panel away again.
    await socket.command(SESSION, { type: 'phase.set', phaseId: 'notes-ik' });
    await expect(panel).toHaveCount(0);
    await context.close();
    socket.close();
  });
}
