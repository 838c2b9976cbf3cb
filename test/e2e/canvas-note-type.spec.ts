import { at, openBoard, sessionWith } from './canvas-support';
import { expect, test } from './fixtures';

/**
 * A long note stays readable: its type keeps close to its neighbours' size (see NOTE_TEXT) and,
 * when its words do not all fit, the facilitator reads the whole text on hover. Screenshots of the
 * board and of the wall at two beamer sizes, to be looked at.
 */
const shot = (name: string) => test.info().outputPath(name);
const TWELVE = 'Bestaande interventies in kaart brengen zodat we weten wat er al is';
const LONGER = `${TWELVE} en wat nog ontbreekt in de wijk en bij de partners van de alliantie`;

test('a long note keeps readable type and shows its whole text on hover', async ({ page, host }) => {
  const notes = [
    { id: 'short', zoneId: 'het', text: 'Monitoring', x: 1080, y: 420 },
    { id: 'twelve', zoneId: 'het', text: TWELVE, x: 1290, y: 420 },
    { id: 'longer', zoneId: 'het', text: LONGER, x: 1180, y: 590 },
  ];
  const socket = await sessionWith(host, 'type', 'lemniscaat-ik-wij-het', notes);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, host, 'type', notes.length);
  await page.screenshot({ path: shot('note-type-board-1440.png') });

  // The cut note offers its whole text, as plain text.
  const spot = await at(page, 1180, 590);
  await page.mouse.move(spot.x, spot.y);
  await expect(page.getByTestId('hover-card')).toHaveText(LONGER);
  await expect(page.getByTestId('hover-card')).toBeVisible();
  // It fades in after a short rest (board.css), so the picture waits for it.
  await page.waitForTimeout(700);
  await page.screenshot({ path: shot('note-type-hover-1440.png') });

  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await page.goto(host.pageUrl('projector.html', { session: 'type' }));
    await expect(page.locator('main.projector')).toHaveAttribute('data-notes-drawn', String(notes.length));
    await page.waitForTimeout(900);
    await page.screenshot({ path: shot(`note-type-projector-${size.width}.png`) });
  }
  socket.close();
});
